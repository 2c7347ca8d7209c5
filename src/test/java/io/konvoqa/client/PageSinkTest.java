package io.konvoqa.client;

import static io.konvoqa.client.RawPageServer.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fetch into a page sink against the list fetch of the same pages: the same summary, and the
 * sink, merging copies as the store does, holds the same window in the same order.
 */
class PageSinkTest {
  private static final String REFUSED = "{\"message\": \"page must be at least 1\"}";

  @ParameterizedTest(name = "page size {0}, concurrency {1}, newest first {2}")
  @CsvSource({"200, 1, false", "37, 8, false", "37, 4, true"})
  void aSinkGetsTheWindowTheListFetchReturnsAndTheSameSummary(int pageSize, int concurrency, boolean newestFirst) {
    // given the fixture's 1,000 sessions, with pages of 37 ending mid-page
    try (KonvoSimulator simulator = KonvoSimulator.start(Fixtures.dataset());
         KonvoClient client = TestClients.against(simulator).pageSize(pageSize).concurrency(concurrency).build();
         KonvoClient other = TestClients.against(simulator).pageSize(pageSize).concurrency(concurrency).build()) {
      simulator.faults().newestFirst(newestFirst);
      Window window = Fixtures.window(3, 990);

      // when each client finds the numbering of pages
      FetchResult list = client.fetch(window);
      Merging sink = new Merging();
      FetchSummary summary = other.fetch(window, sink);

      // then
      assertThat(timeless(summary)).isEqualTo(timeless(list.summary()));
      assertThat(sink.window(window)).containsExactlyElementsOf(list.sessions());
      assertThat(sink.order != null).as("the order handed over").isEqualTo(newestFirst);
    }
  }

  @Test void conflictingCopiesCountAndMergeAsInTheListInEitherOrder() {
    Session plain = Fixtures.session(0);
    Session offending = withMessages(plain, List.of(new Message("m", plain.id(), "AI", "Try Zalando instead",
        plain.createdAt().plusSeconds(30))));
    sameBothWays(plain, offending);
    sameBothWays(offending, plain);
  }

  @Test void aCopyWithoutTimestampsIsAConflictAsInTheList() {
    Session dated = Fixtures.session(0);
    Session undated = new Session(dated.id(), dated.workspaceId(), dated.feedId(), dated.contactId(),
        dated.externalUserId(), dated.channel(), null, null, dated.state(),
        List.of(new Message("m", dated.id(), "AI", "Try Zalando instead", null)));
    sameBothWays(dated, undated);
    sameBothWays(undated, dated);
  }

  @Test void theNewerCopyWinsAsInTheList() {
    Session older = Fixtures.session(0);
    SessionStatus status = older.status();
    Session newer = new Session(older.id(), older.workspaceId(), older.feedId(), older.contactId(),
        older.externalUserId(), older.channel(), older.createdAt(),
        new SessionStatus(status.sessionId(), status.completed(), true, status.completedAt(),
            status.lastMessageDate(), status.lastUpdated().plusSeconds(1)),
        older.state(), older.messages());
    sameBothWays(older, newer);
    sameBothWays(newer, older);
  }

  @Test void aCountThatMovedAndSessionsFromOutsideTheWindowAreSummedUpAsInTheList() {
    try (RawPageServer server = new RawPageServer()) {
      server.serving("{\"count\": 410, \"result\": []}")
          .page(0, 400, REFUSED)
          .page(1, 200, page(400, Fixtures.sessions(200)))
          .page(2, 200, page(410, Fixtures.sessions(400).subList(200, 400)));
      same(server, new Window(Fixtures.updatedAt(5), Fixtures.updatedAt(390)), 200);
    }
  }

  /** Pages of 2: page 1 holds {@code first} and session 1, page 2 {@code second} and session 2. */
  private static void sameBothWays(Session first, Session second) {
    try (RawPageServer server = new RawPageServer()) {
      server.serving("{\"count\": 3, \"result\": []}")
          .page(0, 400, REFUSED)
          .page(1, 200, page(3, List.of(first, Fixtures.session(1))))
          .page(2, 200, page(3, List.of(second, Fixtures.session(2))));
      same(server, Fixtures.all(), 2);
    }
  }

  private static void same(RawPageServer server, Window window, int pageSize) {
    try (KonvoClient client = TestClients.against(server.url()).pageSize(pageSize).concurrency(1).build();
         KonvoClient other = TestClients.against(server.url()).pageSize(pageSize).concurrency(1).build()) {
      FetchResult list = client.fetch(window);
      Merging sink = new Merging();
      FetchSummary summary = other.fetch(window, sink);
      assertThat(timeless(summary)).isEqualTo(timeless(list.summary()));
      assertThat(sink.window(window)).containsExactlyElementsOf(list.sessions());
    }
  }

  private static FetchSummary timeless(FetchSummary s) {
    return new FetchSummary(s.pages(), s.requests(), s.retries(), s.countClaimed(), s.countAtEnd(), s.received(),
        s.duplicatesDropped(), s.conflicts(), s.outsideWindow(), s.undated(), s.mayBeMissing(), s.recovered(),
        s.kept(), s.numbering(), Duration.ZERO);
  }

  private static Session withMessages(Session s, List<Message> messages) {
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), s.channel(),
        s.createdAt(), s.status(), s.state(), messages);
  }

  /**
   * Merges pages as the store does within one sync: the newer last_updated wins, equally new the
   * copy first in canonical JSON; undated copies are not kept. Reads the window back by
   * last_updated then id, or in the order handed over.
   */
  static final class Merging implements PageSink {
    final Map<String, Session> byId = new HashMap<>();
    List<String> order;

    @Override public void page(List<Session> sessions) {
      for (Session s : sessions) {
        if (s.updatedAt() == null) continue;
        byId.merge(s.id(), s, (kept, copy) -> {
          int newer = copy.updatedAt().compareTo(kept.updatedAt());
          boolean first = SessionCollector.canonical(copy).compareTo(SessionCollector.canonical(kept)) < 0;
          return newer > 0 || (newer == 0 && first) ? copy : kept;
        });
      }
    }

    @Override public void order(List<String> ids) {
      this.order = List.copyOf(ids);
    }

    List<Session> window(Window window) {
      if (order != null) return order.stream().map(byId::get).toList();
      List<Session> in = new ArrayList<>(byId.values().stream().filter(s -> window.contains(s.updatedAt())).toList());
      in.sort(Comparator.comparing(Session::updatedAt).thenComparing(Session::id));
      return in;
    }
  }
}
