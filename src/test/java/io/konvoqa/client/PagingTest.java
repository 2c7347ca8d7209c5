package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagingTest {
  private static KonvoSimulator simulator;

  @BeforeAll static void startSimulator() {
    simulator = KonvoSimulator.start(Fixtures.dataset());
  }

  @AfterAll static void stopSimulator() {
    simulator.close();
  }

  @BeforeEach void clean() {
    simulator.faults().reset();
    simulator.clearRequests();
  }

  @Test void fetchesEveryFixtureSessionExactlyOnceWithPageSize200() {
    // given 1,000 sessions in the window and full pages of 200
    KonvoClient client = TestClients.against(simulator).pageSize(200).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then: five full pages, and a sixth (empty) one because the fifth was full; page 0 was
    // asked for beside page 1 and refused, which says pages start at 1
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.sessions()).isEqualTo(Fixtures.sessions(1_000));
    assertThat(result.outsideWindow()).isEmpty();
    FetchSummary summary = result.summary();
    assertThat(summary.countClaimed()).isEqualTo(1_000);
    assertThat(summary.received()).isEqualTo(1_000);
    assertThat(summary.kept()).isEqualTo(1_000);
    assertThat(summary.duplicatesDropped()).isZero();
    assertThat(summary.outsideWindow()).isZero();
    assertThat(summary.countMismatch()).isFalse();
    assertThat(summary.pages()).isEqualTo(6);
    assertThat(summary.requests()).isEqualTo(7);
    assertThat(summary.retries()).isZero();
    assertThat(summary.numbering()).isEqualTo("pages numbered from 1 (the API answered page 0 with HTTP 400)");
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::limit).containsOnly(200);
  }

  @Test void fetchesEveryFixtureSessionExactlyOnceWithPageSize37() {
    // given 1,000 sessions and pages of 37: 27 full pages and one of a single session
    KonvoClient client = TestClients.against(simulator).pageSize(37).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    FetchSummary summary = result.summary();
    assertThat(summary.countClaimed()).isEqualTo(1_000);
    assertThat(summary.received()).isEqualTo(1_000);
    assertThat(summary.kept()).isEqualTo(1_000);
    assertThat(summary.pages()).isEqualTo(28);
    assertThat(summary.requests()).isEqualTo(29);
    assertThat(summary.countMismatch()).isFalse();
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(0, 28).boxed().toList());
  }

  @Test void keepsOnlySessionsUpdatedInTheWindowWithBothBoundsInclusive() {
    // given a window starting exactly at session 250's update time and ending exactly at 612's
    Window window = Fixtures.window(250, 612);
    KonvoClient client = TestClients.against(simulator).pageSize(50).build();

    // when
    FetchResult result = client.fetch(window);

    // then sessions 250..612 and nothing else: both boundary sessions are in
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(250, 612));
    assertThat(result.sessions()).allSatisfy(s -> assertThat(window.contains(s.updatedAt())).isTrue());
    assertThat(result.summary().countClaimed()).isEqualTo(363);
    assertThat(result.summary().kept()).isEqualTo(363);
    assertThat(result.summary().pages()).isEqualTo(8);
  }

  @Test void excludesSessionsOneMillisecondOutsideTheWindow() {
    // given a window one millisecond short of sessions 10 and 20 at either end
    Window window = new Window(Fixtures.updatedAt(10).plusMillis(1),
        Fixtures.updatedAt(20).minusMillis(1));
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(window);

    // then
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(11, 19));
  }

  @Test void setsAsideASessionTheServerSentFromBeforeTheWindow() {
    // given a window starting half a millisecond after session 10 was updated: the API takes
    // milliseconds, so the server is asked from session 10's update time and sends it
    Window window = new Window(Fixtures.updatedAt(10).plusNanos(500_000), Fixtures.updatedAt(20));
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(window);

    // then session 10 is set aside, not judged
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(11, 20));
    assertThat(ids(result.outsideWindow())).containsExactly(Fixtures.id(10));
    assertThat(result.summary().countClaimed()).isEqualTo(11);
    assertThat(result.summary().received()).isEqualTo(11);
    assertThat(result.summary().outsideWindow()).isEqualTo(1);
    assertThat(result.summary().kept()).isEqualTo(10);
    assertThat(result.summary().countMismatch()).isFalse();
  }

  @Test void returnsNothingForAWindowWithoutSessions() {
    // given a window a year before the fixture
    Window window = new Window(Fixtures.START.minus(Duration.ofDays(400)),
        Fixtures.START.minus(Duration.ofDays(365)));
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(window);

    // then pages 1 and 0 asked for, no sessions, and the numbering left open for the next window
    assertThat(result.sessions()).isEmpty();
    assertThat(result.summary().countClaimed()).isZero();
    assertThat(result.summary().requests()).isEqualTo(2);
    assertThat(result.summary().pages()).isEqualTo(1);
  }

  @Test void sendsTheWindowAndAsksForMessagesAndState() {
    // given
    KonvoClient client = TestClients.against(simulator).pageSize(10).build();

    // when
    client.fetch(Fixtures.window(0, 5));

    // then
    assertThat(simulator.requests()).filteredOn(r -> r.page() == 1).singleElement()
        .extracting(KonvoSimulator.Request::query)
        .isEqualTo("page=1&limit=10&updated_at_min=2026-11-17T00%3A05%3A00.000Z"
            + "&updated_at_max=2026-11-17T01%3A17%3A00.000Z&messages=true&state=true");
  }

  static List<String> ids(List<Session> sessions) {
    return sessions.stream().map(Session::id).toList();
  }
}
