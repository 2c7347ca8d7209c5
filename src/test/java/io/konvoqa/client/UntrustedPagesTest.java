package io.konvoqa.client;

import static io.konvoqa.client.PagingTest.ids;
import static io.konvoqa.client.RawPageServer.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.simulator.Fixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages an API should never send, each from a server that sends it on purpose: the client never
 * passes a broken page on as a good one, and never lets the order pages come in decide anything.
 */
class UntrustedPagesTest {
  private static final String REFUSED = "{\"message\": \"page must be at least 1\"}";
  private final RawPageServer server = new RawPageServer();

  @AfterEach void stop() {
    server.close();
  }

  /** Sessions {@code first..last} of the fixture. */
  private static List<Session> sessions(int first, int last) {
    return Fixtures.sessions(last + 1).subList(first, last + 1);
  }

  private KonvoApiException failure(KonvoClient client) {
    return catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));
  }

  @Test void aFirstPageOfAnEmptyObjectIsNamedAsNotAPageNeverAsAnEmptyWindow() {
    // given every page is {}
    server.serving("{}");

    // when
    KonvoApiException e = failure(TestClients.against(server.url()).maxTries(2).build());

    // then retried, then page 1 is named
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e).hasMessage("page 1 of " + server.url() + "ai-sessions failed 2 times, last: a 200"
        + " that is not a page (the page has no \"result\" array); the body was: {}; the Konvo API is"
        + " having trouble; try again later or raise KONVO_MAX_TRIES");
    assertThat(server.asked()).filteredOn(page -> page == 1).hasSize(2);
  }

  @Test void aLaterPageWithoutResultIsRetriedThenFailsTheFetchNamingIt() {
    // given count 210, and page 2 an upstream error passed on as a 200
    server.serving("{\"count\": 210, \"result\": []}")
        .page(0, 400, REFUSED)
        .page(1, 200, page(210, sessions(0, 199)))
        .page(2, 200, "{\"error\": \"upstream timeout\"}");

    // when
    KonvoApiException e = failure(TestClients.against(server.url()).maxTries(3).build());

    // then the 200 sessions of page 1 are not passed on as the window
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e).hasMessage("page 2 of " + server.url() + "ai-sessions failed 3 times, last: a 200"
        + " that is not a page (the page has no \"result\" array); the body was: {\"error\":"
        + " \"upstream timeout\"}; the Konvo API is having trouble; try again later or raise KONVO_MAX_TRIES");
    assertThat(server.asked()).filteredOn(page -> page == 2).hasSize(3);
  }

  @Test void aResultThatIsNotAnArrayIsNotAPage() {
    // given
    server.serving("{\"count\": 1, \"result\": {\"id\": \"a\"}}");

    // when
    KonvoApiException e = failure(TestClients.against(server.url()).maxTries(1).build());

    // then
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e.getMessage()).startsWith("page 1 of " + server.url() + "ai-sessions failed 1 times,"
        + " last: a 200 that is not a page (\"result\" is not an array (found: object)); the body was: ");
  }

  @Test void withoutCountReadsOnUntilAnEmptyPageWhateverThePageSizeLookedLike() {
    // given no count, 100 sessions a page though 200 were asked for, 300 in all
    server.serving("{\"result\": []}")
        .page(0, 400, REFUSED)
        .page(1, 200, page(null, sessions(0, 99)))
        .page(2, 200, page(null, sessions(100, 199)))
        .page(3, 200, page(null, sessions(200, 299)));

    // when
    FetchResult result = TestClients.against(server.url()).build().fetch(Fixtures.all());

    // then all 300 (session 150 among them), and the summary knows there was no count
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 299));
    assertThat(result.summary().countClaimed()).isNull();
    assertThat(result.summary().countKnown()).isFalse();
    assertThat(result.summary().pages()).isEqualTo(4);
    assertThat(server.asked()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
  }

  @Test void withoutCountAnApiIgnoringPageEndsTheFetchInsteadOfLooping() {
    // given the same 100 sessions, without count, on every page
    server.serving(page(null, sessions(0, 99)));

    // when
    KonvoApiException e = failure(TestClients.against(server.url()).build());

    // then page 2 held nothing new
    assertThat(e.kind()).isEqualTo(Kind.PAGE_IGNORED);
    assertThat(e.getMessage()).startsWith("the API seems to ignore `page`: page 2 of " + server.url()
        + "ai-sessions held 100 sessions, all of them on earlier pages");
    assertThat(server.asked()).containsExactlyInAnyOrder(0, 1, 2);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403})
  void aRejectedKeyOnAnyPageEndsTheFetchAtOnceAndIsTheReason(int status) {
    // given page 2 stalls for 20 s while page 3 answers at once with the key rejected
    server.serving("{\"count\": 600, \"result\": []}")
        .page(0, 400, REFUSED)
        .page(1, 200, page(600, sessions(0, 199)))
        .page(2, 200, page(600, sessions(200, 399)), Duration.ofSeconds(20))
        .page(3, status, "{\"message\": \"key not allowed\"}");
    KonvoClient client = TestClients.against(server.url()).readTimeout(Duration.ofSeconds(10))
        .maxTries(2).build();

    // when
    long started = System.nanoTime();
    KonvoApiException e = failure(client);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // then it did not wait for page 2's read timeout, and the rejected key is the reason
    assertThat(e.kind()).isEqualTo(Kind.KEY_REJECTED);
    assertThat(e.getMessage()).contains("HTTP " + status).contains("key not allowed");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }

  @Test void theCountOnTheLastPageIsReadToo() {
    // given the window grew by 10 sessions while it was paged
    server.serving("{\"count\": 410, \"result\": []}")
        .page(0, 400, REFUSED)
        .page(1, 200, page(400, sessions(0, 199)))
        .page(2, 200, page(410, sessions(200, 399)));

    // when
    FetchResult result = TestClients.against(server.url()).concurrency(1).build().fetch(Fixtures.all());

    // then
    FetchSummary summary = result.summary();
    assertThat(summary.kept()).isEqualTo(400);
    assertThat(summary.countClaimed()).isEqualTo(400);
    assertThat(summary.countAtEnd()).isEqualTo(410);
    assertThat(summary.churned()).isTrue();
    assertThat(summary.unserved()).isEqualTo(10);
  }

  @Test void twoDifferentCopiesEquallyNewAreAConflictAndTheOrderOfPagesDecidesNothing() {
    // given session 0 twice with the same last_updated, once with an offending AI reply
    Session plain = Fixtures.session(0);
    Session offending = withMessages(plain, List.of(new Message("m", plain.id(), "AI",
        "Try Zalando instead", plain.createdAt().plusSeconds(30))));

    // when pages bring the copies in one order, then in the other
    FetchResult plainFirst = fetchTwoPages(plain, offending);
    FetchResult offendingFirst = fetchTwoPages(offending, plain);

    // then the same copy either way, and the conflict counted as a session the run cannot be sure of
    assertThat(plainFirst.sessions()).isEqualTo(offendingFirst.sessions());
    assertThat(ids(plainFirst.sessions())).containsExactly(Fixtures.id(0), Fixtures.id(1), Fixtures.id(2));
    for (FetchSummary summary : List.of(plainFirst.summary(), offendingFirst.summary())) {
      assertThat(summary.conflicts()).isEqualTo(1);
      assertThat(summary.duplicatesDropped()).isEqualTo(1);
      assertThat(summary.uncertain()).isEqualTo(1);
    }
  }

  @Test void aDifferentCopyWithoutTimestampsIsAConflictNotACopyToDropInEitherOrder() {
    // given session 0, and a copy of it without any timestamp that holds an offending AI reply:
    // which is the newer cannot be told
    Session dated = Fixtures.session(0);
    Session undated = new Session(dated.id(), dated.workspaceId(), dated.feedId(), dated.contactId(),
        dated.externalUserId(), dated.channel(), null, null, dated.state(),
        List.of(new Message("m", dated.id(), "AI", "Try Zalando instead", null)));

    // when pages bring the copies in one order, then in the other
    FetchResult datedFirst = fetchTwoPages(dated, undated);
    FetchResult undatedFirst = fetchTwoPages(undated, dated);

    // then the dated copy is kept either way, and the conflict makes the session one the run cannot be sure of
    assertThat(datedFirst.sessions()).isEqualTo(undatedFirst.sessions()).contains(dated);
    for (FetchSummary summary : List.of(datedFirst.summary(), undatedFirst.summary())) {
      assertThat(summary.conflicts()).isEqualTo(1);
      assertThat(summary.uncertain()).isEqualTo(1);
    }
  }

  @Test void ofTwoDifferentCopiesTheNewerIsKeptInEitherOrderWithoutConflict() {
    // given session 0 and a copy updated a second later
    Session older = Fixtures.session(0);
    SessionStatus status = older.status();
    Session newer = new Session(older.id(), older.workspaceId(), older.feedId(), older.contactId(),
        older.externalUserId(), older.channel(), older.createdAt(),
        new SessionStatus(status.sessionId(), status.completed(), true, status.completedAt(),
            status.lastMessageDate(), status.lastUpdated().plusSeconds(1)),
        older.state(), older.messages());

    // when
    FetchResult olderFirst = fetchTwoPages(older, newer);
    FetchResult newerFirst = fetchTwoPages(newer, older);

    // then
    assertThat(olderFirst.sessions().get(0)).isEqualTo(newer);
    assertThat(newerFirst.sessions().get(0)).isEqualTo(newer);
    assertThat(olderFirst.summary().conflicts()).isZero();
    assertThat(newerFirst.summary().conflicts()).isZero();
  }

  /** Pages of 2: page 1 holds {@code first} and session 1, page 2 holds {@code second} and session 2. */
  private FetchResult fetchTwoPages(Session first, Session second) {
    try (RawPageServer pages = new RawPageServer()) {
      pages.serving("{\"count\": 3, \"result\": []}")
          .page(0, 400, REFUSED)
          .page(1, 200, page(3, List.of(first, Fixtures.session(1))))
          .page(2, 200, page(3, List.of(second, Fixtures.session(2))));
      return TestClients.against(pages.url()).pageSize(2).build().fetch(Fixtures.all());
    }
  }

  private static Session withMessages(Session s, List<Message> messages) {
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(),
        s.channel(), s.createdAt(), s.status(), s.state(), messages);
  }
}
