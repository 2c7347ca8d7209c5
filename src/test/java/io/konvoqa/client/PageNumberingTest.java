package io.konvoqa.client;

import static io.konvoqa.client.PagingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.Faults.Paging;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever the API's page numbering, every session of the window arrives exactly once, or the
 * fetch fails saying why: against the simulator numbering its pages each way it can.
 */
class PageNumberingTest {
  private static final int SESSIONS = 20_000;
  private static KonvoSimulator simulator;

  @BeforeAll static void startSimulator() {
    simulator = KonvoSimulator.start(Dataset.of(Fixtures.RECORDED_AT, Fixtures.sessions(SESSIONS)));
  }

  @AfterAll static void stopSimulator() {
    simulator.close();
  }

  @BeforeEach void clean() {
    simulator.faults().reset();
    simulator.clearRequests();
  }

  /**
   * The pages asked for this window: a failed fetch of an earlier test may leave requests in
   * flight, which the simulator logs when it has answered them.
   */
  private static java.util.List<Integer> pagesAsked(Window window) {
    String from = "updated_at_min=" + java.net.URLEncoder.encode(
        io.konvoqa.session.Timestamps.format(window.from()), java.nio.charset.StandardCharsets.UTF_8);
    return simulator.requests().stream().filter(r -> r.query().contains(from))
        .map(KonvoSimulator.Request::page).toList();
  }

  /** The window of sessions {@code first .. first + size - 1}: exactly {@code size} of them. */
  private static Window windowOf(int first, int size) {
    return Fixtures.window(first, first + size - 1);
  }

  @ParameterizedTest(name = "{0}: all {1} sessions, each once")
  @CsvSource(delimiter = '|', value = {
      "FROM_ONE                   | 150   | 7000 | pages numbered from 1 (the API answered page 0 with HTTP 400)",
      "FROM_ONE                   | 4200  | 1234 | pages numbered from 1 (the API answered page 0 with HTTP 400)",
      "FROM_ONE                   | 20000 | 0    | pages numbered from 1 (the API answered page 0 with HTTP 400)",
      "FROM_ZERO                  | 150   | 7000 | pages numbered from 0 (page 0 held other sessions than page 1)",
      "FROM_ZERO                  | 4200  | 1234 | pages numbered from 0 (page 0 held other sessions than page 1)",
      "FROM_ZERO                  | 20000 | 0    | pages numbered from 0 (page 0 held other sessions than page 1)",
      "FROM_ONE_PAGE_ZERO_REPEATS | 150   | 7000 | pages numbered from 1 (page 0 held the same sessions as page 1)",
      "FROM_ONE_PAGE_ZERO_REPEATS | 4200  | 1234 | pages numbered from 1 (page 0 held the same sessions as page 1)",
      "FROM_ONE_PAGE_ZERO_REPEATS | 20000 | 0    | pages numbered from 1 (page 0 held the same sessions as page 1)",
      // a window of one page cannot tell an API that ignores page from one that does not, nor
      // does it need to: the one page is the whole window
      "IGNORED                    | 150   | 7000 | pages numbered from 1 (page 0 held the same sessions as page 1)",
  })
  void receivesEverySessionOfTheWindowExactlyOnce(Paging paging, int size, int first, String numbering) {
    // given the simulator numbering its pages this way, and a window of exactly `size` sessions
    simulator.faults().paging(paging);
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(windowOf(first, size));

    // then each of them once, in order, no copy, nothing missing, and the run says how it paged
    FetchSummary summary = result.summary();
    assertThat(ids(result.sessions())).as("every session of %,d exactly once", size)
        .isEqualTo(Fixtures.ids(first, first + size - 1));
    assertThat(summary.kept()).as("kept of %,d", size).isEqualTo(size);
    assertThat(summary.received()).as("received of %,d", size).isEqualTo(size);
    assertThat(summary.countClaimed()).isEqualTo(size);
    assertThat(summary.countAtEnd()).isEqualTo(size);
    assertThat(summary.unserved()).isZero();
    assertThat(summary.uncertain()).isZero();
    assertThat(summary.numbering()).isEqualTo(numbering);
  }

  @ParameterizedTest(name = "a window of {0} sessions: could not judge, never reading past what count promised")
  @CsvSource({"4200, 1234", "20000, 0"})
  void failsSayingTheApiIgnoresPageInsteadOfLooping(int size, int first) {
    // given an API that answers every page with the first one
    simulator.faults().paging(Paging.IGNORED);
    KonvoClient client = TestClients.against(simulator).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> client.fetch(windowOf(first, size)));

    // then page 2 brought nothing new, which ends the fetch: never a loop, never a window of 200;
    // at most the pages count promised were asked for (fewer when the cancel beats them)
    assertThat(e.kind()).isEqualTo(Kind.PAGE_IGNORED);
    assertThat(e).hasMessage("the API seems to ignore `page`: page 2 of " + simulator.url()
        + "ai-sessions held 200 sessions, all of them on earlier pages, so the rest of the window"
        + " cannot be read and it cannot be judged; check that KONVO_BASE_URL points at the Konvo"
        + " API, and report it to Konvo if it does");
    int promised = size / 200 + 1; // a full last page: the page after it is read too
    assertThat(pagesAsked(windowOf(first, size)))
        .allSatisfy(page -> assertThat(page).isBetween(0, promised))
        .doesNotHaveDuplicates();
  }

  @Test void anExplicitFirstPageSkipsDetectionAndAWrongOneShowsAsUnserved() {
    // given a 0-based API and KONVO_FIRST_PAGE=1: the measured bug of issue 13
    simulator.faults().paging(Paging.FROM_ZERO);
    KonvoClient client = TestClients.against(simulator).firstPage(1).build();

    // when
    FetchResult result = client.fetch(windowOf(0, SESSIONS));

    // then page 0 was never asked for, and the summary says that 200 of 20,000 were not served
    assertThat(pagesAsked(windowOf(0, SESSIONS))).isNotEmpty().doesNotContain(0);
    assertThat(result.summary().numbering()).isEqualTo("pages numbered from 1 (KONVO_FIRST_PAGE=1)");
    assertThat(result.summary().kept()).isEqualTo(19_800);
    assertThat(result.summary().countClaimed()).isEqualTo(20_000);
    assertThat(result.summary().unserved()).isEqualTo(200);
    assertThat(result.summary().uncertain()).isEqualTo(200);
  }

  @Test void anExplicitFirstPageOfZeroReadsAZeroBasedApiWhole() {
    // given
    simulator.faults().paging(Paging.FROM_ZERO);
    KonvoClient client = TestClients.against(simulator).pageSize(100).firstPage(0).build();

    // when
    FetchResult result = client.fetch(windowOf(500, 1_000));

    // then all 1,000 in pages 0..10 (page 9 was full, so page 10 was read too), and nothing else
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(500, 1_499));
    assertThat(result.summary().numbering()).isEqualTo("pages numbered from 0 (KONVO_FIRST_PAGE=0)");
    assertThat(pagesAsked(windowOf(500, 1_000))).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test void theNumberingFoundOnTheFirstWindowServesTheNextWithoutAskingAgain() {
    // given a client that has fetched one window of a 1-based API
    KonvoClient client = TestClients.against(simulator).build();
    client.fetch(windowOf(0, 300));

    // when
    FetchResult second = client.fetch(windowOf(1_000, 300));

    // then
    assertThat(ids(second.sessions())).isEqualTo(Fixtures.ids(1_000, 1_299));
    assertThat(pagesAsked(windowOf(1_000, 300))).containsExactlyInAnyOrder(1, 2);
    assertThat(second.summary().numbering()).isEqualTo("pages numbered from 1 (found on an earlier"
        + " window: the API answered page 0 with HTTP 400)");
  }

  @Test void anEmptyWindowSettlesNothingSoTheNextWindowStillDetects() {
    // given a 0-based API, and a client whose first window was empty
    simulator.faults().paging(Paging.FROM_ZERO);
    KonvoClient client = TestClients.against(simulator).build();
    FetchResult empty = client.fetch(new Window(Fixtures.START.minus(Duration.ofDays(30)),
        Fixtures.START.minus(Duration.ofDays(29))));

    // when
    FetchResult second = client.fetch(windowOf(2_000, 450));

    // then the first window could not tell, and the second found pages start at 0
    assertThat(empty.summary().numbering()).isEqualTo("pages numbered from 1 (pages 0 and 1 were"
        + " both empty, so it is detected again on the next window)");
    assertThat(ids(second.sessions())).isEqualTo(Fixtures.ids(2_000, 2_449));
    assertThat(second.summary().numbering())
        .isEqualTo("pages numbered from 0 (page 0 held other sessions than page 1)");
  }

  @Test void aPageZeroHoldingPartOfPageOneMeansPagesStartAtOne() {
    // given an API whose page 0 holds the first 50 sessions of page 1
    try (RawPageServer server = new RawPageServer()) {
      server.serving("{\"count\": 300, \"result\": []}")
          .page(0, 200, RawPageServer.page(300, Fixtures.sessions(50)))
          .page(1, 200, RawPageServer.page(300, Fixtures.sessions(200)))
          .page(2, 200, RawPageServer.page(300, Fixtures.sessions(300).subList(200, 300)));

      // when
      FetchResult result = TestClients.against(server.url()).build().fetch(Fixtures.all());

      // then all 300 once, from pages 1 and 2
      assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 299));
      assertThat(result.summary().received()).isEqualTo(300);
      assertThat(result.summary().numbering()).isEqualTo("pages numbered from 1 (page 0 held only sessions of page 1)");
      assertThat(server.asked()).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test void aBrokenPageZeroMeansPagesStartAtOneAndCostsNoSession() {
    // given an API that would repeat page 1 as page 0, but answers page 0 with a body that is not JSON
    simulator.faults().malformedPage(0).paging(Paging.FROM_ONE_PAGE_ZERO_REPEATS);
    KonvoClient client = TestClients.against(simulator).maxTries(2).build();

    // when
    FetchResult result = client.fetch(windowOf(100, 600));

    // then
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(100, 699));
    assertThat(result.summary().numbering())
        .isEqualTo("pages numbered from 1 (the API answered page 0 with a body that is not a page)");
  }

  @Test void aPageZeroThatGotNoAnswerSettlesNothingAndItsSessionsShowAsNotServed() {
    // given a 0-based API of 300 sessions whose page 0 does not answer in time on the first window
    try (RawPageServer server = new RawPageServer()) {
      String zero = RawPageServer.page(300, Fixtures.sessions(200));
      server.serving("{\"count\": 300, \"result\": []}")
          .page(0, 200, zero, Duration.ofSeconds(3))
          .page(1, 200, RawPageServer.page(300, Fixtures.sessions(300).subList(200, 300)));
      KonvoClient client = TestClients.against(server.url()).maxTries(1).timeout(Duration.ofMillis(500)).build();

      // when
      FetchResult first = client.fetch(Fixtures.all());
      server.page(0, 200, zero);
      FetchResult second = client.fetch(Fixtures.all());

      // then the first window shows the page it could not get as sessions not served, and the
      // next window asks for page 0 again and reads the window whole
      assertThat(first.summary().numbering()).isEqualTo("pages numbered from 1 (page 0 could not be fetched,"
          + " so it is asked again on the next window)");
      assertThat(first.summary().unserved()).isEqualTo(200);
      assertThat(ids(second.sessions())).isEqualTo(Fixtures.ids(0, 299));
      assertThat(second.summary().numbering()).isEqualTo("pages numbered from 0 (page 0 held other sessions than page 1)");
    }
  }
}
