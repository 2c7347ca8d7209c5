package io.konvoqa.client;

import static io.konvoqa.client.PagingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One simulator per test: a failed fetch may leave a page or two in flight, and those must not
 * land in the next test's request log.
 */
class FaultsTest {
  private KonvoSimulator simulator;

  @BeforeEach void startSimulator() {
    simulator = KonvoSimulator.start(Fixtures.dataset());
  }

  @AfterEach void stopSimulator() {
    simulator.close();
  }

  @Test void recoversFromA429AfterWaitingTheRetryAfterSeconds() {
    // given the first request is answered 429 with Retry-After: 1 (pages numbered as told, so
    // that request is page 1's)
    simulator.faults().failNext(1, 429, "1");
    KonvoClient client = TestClients.against(simulator).firstPage(1).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then every session, one retry counted, and the retry came a second later
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().retries()).isEqualTo(1);
    assertThat(result.summary().requests()).isEqualTo(7);
    assertThat(result.summary().pages()).isEqualTo(6);
    List<KonvoSimulator.Request> requests = simulator.requests();
    assertThat(requests.get(0).status()).isEqualTo(429);
    KonvoSimulator.Request retry = requests.stream()
        .filter(r -> r.page() == 1 && r.status() == 200).findFirst().orElseThrow();
    assertThat(Duration.ofNanos(retry.startNanos() - requests.get(0).endNanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test void recoversFromABurstOf503s() {
    // given the first three requests fail with 503
    simulator.faults().failNext(3, 503, null);
    KonvoClient client = TestClients.against(simulator).firstPage(1).maxTries(4).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().retries()).isEqualTo(3);
    assertThat(result.summary().requests()).isEqualTo(9);
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::status)
        .startsWith(503, 503, 503, 200);
  }

  @Test void failsClearlyWhenTheServerKeepsAnswering500() {
    // given every request fails with 500
    simulator.faults().failAlways(500);
    KonvoClient client = TestClients.against(simulator).firstPage(1).maxTries(3).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> client.fetch(Fixtures.all()));

    // then after three tries of page 1, a message naming the page and what to do
    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e).hasMessage("page 1 of " + simulator.url() + "ai-sessions failed 3 times, last:"
        + " HTTP 500 (injected failure); the Konvo API is having trouble; try again later or"
        + " raise KONVO_MAX_TRIES");
    assertThat(simulator.requests()).hasSize(3);
  }

  @Test void failsClearlyOnAMalformedPageNamingThePageWithAnExcerpt() {
    // given page 3 of 10 is not JSON
    simulator.faults().malformedPage(3);
    KonvoClient client = TestClients.against(simulator).pageSize(100).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> client.fetch(Fixtures.all()));

    // then it is not retried: a malformed page will not mend itself
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e).hasMessage("page 3 from " + simulator.url() + "ai-sessions is not the JSON the"
        + " API contract describes: Use JsonReader.setLenient(true) to accept malformed JSON at"
        + " path $.result[0].id; near: {\"count\": 1, \"result\": [{\"id\": <html>Bad Gateway</html>;"
        + " if this persists, report it to Konvo with the page number and time");
    assertThat(simulator.requests()).filteredOn(r -> r.page() == 3).hasSize(1);
  }

  @Test void recoversFromAPageCutOffOnce() {
    // given page 2 is cut off in the middle the first time it is asked for
    simulator.faults().truncatedPage(2, 1);
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().retries()).isEqualTo(1);
    assertThat(simulator.requests()).filteredOn(r -> r.page() == 2).hasSize(2);
  }

  @Test void failsClearlyWhenAPageIsCutOffEveryTime() {
    // given page 2 is cut off every time
    simulator.faults().truncatedPage(2, 100);
    KonvoClient client = TestClients.against(simulator).maxTries(2).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> client.fetch(Fixtures.all()));

    // then
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e.getMessage())
        .startsWith("page 2 of " + simulator.url() + "ai-sessions failed 2 times, last: the body"
            + " was cut off (")
        .endsWith("; the Konvo API is having trouble; try again later or raise KONVO_MAX_TRIES");
  }

  @Test void dropsAndCountsSessionsRepeatedAcrossPages() {
    // given every page after the first repeats the last 5 sessions of the page before
    simulator.faults().duplicatePages(5);
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then pages 2..5 hold 205 sessions each, page 6 the last 5 again: 25 repeats dropped
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().received()).isEqualTo(1_025);
    assertThat(result.summary().duplicatesDropped()).isEqualTo(25);
    assertThat(result.summary().kept()).isEqualTo(1_000);
    assertThat(result.summary().pages()).isEqualTo(6);
    assertThat(result.summary().countMismatch()).isFalse();
  }

  @Test void dropsRepeatsAndMissesNothingWhenSessionsMoveToLaterPages() {
    // given each request sees the list moved on by 10 sessions, read one page at a time
    simulator.faults().shiftingPages(10);
    KonvoClient client = TestClients.against(simulator).concurrency(1).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then pages overlap by 10; page 5 comes back full, so page 6 is read and holds the last 50
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().received()).isEqualTo(1_050);
    assertThat(result.summary().duplicatesDropped()).isEqualTo(50);
    assertThat(result.summary().pages()).isEqualTo(6);
    assertThat(result.summary().countMismatch()).isFalse();
  }

  @Test void reportsACountMismatchWhenSessionsMoveToEarlierPages() {
    // given each request sees the list moved back by 10 sessions: 10 per page are skipped
    simulator.faults().shiftingPages(-10);
    KonvoClient client = TestClients.against(simulator).concurrency(1).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then 40 sessions were never served, and the summary says the count did not add up
    assertThat(result.summary().received()).isEqualTo(960);
    assertThat(result.summary().kept()).isEqualTo(960);
    assertThat(result.summary().countClaimed()).isEqualTo(1_000);
    assertThat(result.summary().countMismatch()).isTrue();
  }

  @Test void reportsACountLargerThanWhatIsServedAndKeepsEverythingServed() {
    // given count claims 50 sessions more than match
    simulator.faults().countLie(50);
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then the sixth page the count promised is empty
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().countClaimed()).isEqualTo(1_050);
    assertThat(result.summary().received()).isEqualTo(1_000);
    assertThat(result.summary().countMismatch()).isTrue();
    assertThat(result.summary().pages()).isEqualTo(6);
    assertThat(result.summary().requests()).isEqualTo(7);
    assertThat(result.summary().toString()).startsWith("1000 sessions kept from 6 pages"
        + " (7 requests, 0 retries); count claimed 1050 (at the end 1050), received 1000,"
        + " duplicates dropped 0, conflicting copies 0, outside the window 0, undated 0, may be missing 0, recovered 0; ");
    assertThat(result.summary().unserved()).isEqualTo(50);
  }

  @Test void fetchesEverythingWhenCountIsSmallerThanWhatIsServed() {
    // given count claims 300 sessions fewer than match: 4 pages of 200
    simulator.faults().countLie(-300);
    KonvoClient client = TestClients.against(simulator).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then pages keep coming back full, so the client reads on to the empty page 6
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().countClaimed()).isEqualTo(700);
    assertThat(result.summary().received()).isEqualTo(1_000);
    assertThat(result.summary().countMismatch()).isTrue();
    assertThat(result.summary().pages()).isEqualTo(6);
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
  }

  @Test void stopsAtTheSafetyCapBeforeFetchingAllPages() {
    // given a cap of 500 sessions and a window of 1,000
    KonvoClient client = TestClients.against(simulator).pageSize(100).maxSessions(500).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> client.fetch(Fixtures.all()));

    // then only the first page was asked for, and page 0 beside it to find the numbering
    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_SESSIONS);
    assertThat(e).hasMessage("the window holds 1,000 sessions, more than the safety cap of 500 per"
        + " window: narrow the window, or raise KONVO_MAX_SESSIONS if the memory allows");
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page).containsExactlyInAnyOrder(0, 1);
  }

  @Test void stopsAtTheSafetyCapWhenCountUnderstatesTheWindow() {
    // given count claims 300 of 1,000 sessions and a cap of 500
    simulator.faults().countLie(-700);
    KonvoClient client = TestClients.against(simulator).pageSize(100).maxSessions(500).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> client.fetch(Fixtures.all()));

    // then it stops at page 6 of 10, as soon as more than 500 came in (page 0 was asked too)
    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_SESSIONS);
    assertThat(e.getMessage()).contains("more than the safety cap of 500 per window");
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
  }
}
