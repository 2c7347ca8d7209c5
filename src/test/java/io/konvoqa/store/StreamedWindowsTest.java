package io.konvoqa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoredWindows#stream} against {@link StoredWindows#fetch}: two stores synced by the same
 * runs, one read as a list, the other one session at a time.
 */
class StreamedWindowsTest {
  static final Instant T0 = StoredWindowsTest.T0;
  static final Instant T1 = StoredWindowsTest.T1;
  static final Window WEEK0 = new Window(T0.minus(Duration.ofDays(7)), T0);
  @TempDir Path dir;
  final List<Session> day0 = DemoWorkspace.generate(T0).sessions();
  final List<Session> day1 = StoredWindowsTest.later(day0);

  @Test void aFullSyncThenADeltaStreamTheSessionsFetchListsInItsOrderAndSayTheSame() {
    Path listed = dir.resolve("listed.db");
    Path streamed = dir.resolve("streamed.db");
    for (Run run : List.of(new Run(day0, WEEK0, T0, false), new Run(day1, StoredWindowsTest.WEEK1, T1, false))) {
      Compared both = compare(listed, streamed, run);
      assertThat(both.streamed).hasSizeGreaterThan(1_000).containsExactlyElementsOf(both.listed);
      assertThat(both.again).as("a second iteration").containsExactlyElementsOf(both.listed);
      assertThat(both.streamedSummary).isEqualTo(both.listedSummary);
      assertThat(both.streamedConsole).isEqualTo(both.listedConsole).contains(both.assembly);
    }
  }

  @Test void aFullSyncOfPagesNewestFirstStreamsInTheOrderTheyCameAsFetchDoes() {
    Compared both = compare(dir.resolve("listed.db"), dir.resolve("streamed.db"), new Run(day0, WEEK0, T0, true));
    assertThat(both.streamed).hasSizeGreaterThan(1_000).containsExactlyElementsOf(both.listed);
    assertThat(both.listed.get(0).updatedAt()).isAfter(both.listed.get(1).updatedAt());
    assertThat(both.again).containsExactlyElementsOf(both.listed);
  }

  @Test void aFullSyncThatWasNotWholeStreamsOnlyWhatItFetchedAsFetchDoes() {
    // given both stores synced whole, then a session deleted at the API, and a full sync of which 3 are not served
    Path listed = dir.resolve("listed.db");
    Path streamed = dir.resolve("streamed.db");
    compare(listed, streamed, new Run(day0, WEEK0, T0, false));
    List<Session> withoutOne = new ArrayList<>(day0);
    Session deleted = withoutOne.remove(withoutOne.size() - 1);

    // when
    Compared both = compare(listed, streamed, new Run(withoutOne, WEEK0, T0, false), true);

    // then the deleted session is still stored (the sync was not whole, so nothing was dropped) but not read
    assertThat(both.streamedSummary.unserved()).isEqualTo(3);
    assertThat(both.assembly).endsWith("not marked as synced: the fetch was not whole");
    assertThat(both.streamed).containsExactlyElementsOf(both.listed).doesNotContain(deleted);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (SessionStore store = SessionStore.open(streamed, quiet)) {
      assertThat(store.window("ws", WEEK0)).contains(deleted);
    }
  }

  @Test void sessionsByIdAreTheStoredOnesOfTheWorkspace() {
    Path file = dir.resolve("sessions.db");
    PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T0, day0));
         KonvoClient client = StoreData.client(api);
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
             client::fetch, client::fetch, console, 10)) {
      store.stream(WEEK0, T0);
      Session a = day0.get(3), b = day0.get(1_500);

      Map<String, Session> found = store.sessions(List.of(b.id(), "no-such-id", a.id()));

      assertThat(found).containsExactly(Map.entry(b.id(), b), Map.entry(a.id(), a));
    }
  }

  @Test void aStreamedWindowIsNotHeldToTheSafetyCap() {
    Path file = dir.resolve("sessions.db");
    PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T0, day0));
         KonvoClient client = StoreData.client(api);
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
             client::fetch, client::fetch, console, 100)) {
      int full = count(store.stream(WEEK0, T0).sessions());
      int delta = count(store.stream(WEEK0, T0.plusSeconds(60)).sessions());
      assertThat(full).isEqualTo(delta).isGreaterThan(100);
    }
  }

  record Run(List<Session> sessions, Window window, Instant now, boolean newestFirst) {}

  record Compared(List<Session> listed, List<Session> streamed, List<Session> again, FetchSummary listedSummary,
      FetchSummary streamedSummary, String listedConsole, String streamedConsole, String assembly) {}

  /** The same run against two stores: fetched as a list from one, streamed from the other. */
  private static Compared compare(Path listed, Path streamed, Run run) {
    return compare(listed, streamed, run, false);
  }

  /** With {@code fullAndShort}: a full sync ({@code --full}) of which the API does not serve 3 sessions. */
  private static Compared compare(Path listed, Path streamed, Run run, boolean fullAndShort) {
    ByteArrayOutputStream listedOut = new ByteArrayOutputStream(), streamedOut = new ByteArrayOutputStream();
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(run.now(), run.sessions()));
         KonvoClient one = StoreData.client(api);
         KonvoClient other = StoreData.client(api);
         StoredWindows a = stored(listed, one, listedOut, fullAndShort);
         StoredWindows b = stored(streamed, other, streamedOut, fullAndShort)) {
      api.faults().newestFirst(run.newestFirst());
      if (fullAndShort) api.faults().countLie(3);
      StoredWindows.Assembled fetched = a.fetch(run.window(), run.now());
      StoredWindows.Streamed read = b.stream(run.window(), run.now());
      return new Compared(fetched.result().sessions(), list(read.sessions()), list(read.sessions()),
          timeless(fetched.result().summary()), timeless(read.summary()), listedOut.toString(StandardCharsets.UTF_8),
          streamedOut.toString(StandardCharsets.UTF_8), read.assembly());
    }
  }

  private static StoredWindows stored(Path file, KonvoClient client, ByteArrayOutputStream out, boolean full) {
    PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
    var settings = full ? StoreData.settings(file).withFull() : StoreData.settings(file);
    return new StoredWindows(SessionStore.open(file, console), "ws", settings, client::fetch, client::fetch, console,
        Integer.MAX_VALUE);
  }

  static List<Session> list(Iterable<Session> sessions) {
    List<Session> list = new ArrayList<>();
    sessions.forEach(list::add);
    return list;
  }

  private static int count(Iterable<Session> sessions) {
    int n = 0;
    for (Session ignored : sessions) n++;
    return n;
  }

  static FetchSummary timeless(FetchSummary s) {
    return new FetchSummary(s.pages(), s.requests(), s.retries(), s.countClaimed(), s.countAtEnd(), s.received(),
        s.duplicatesDropped(), s.conflicts(), s.outsideWindow(), s.undated(), s.mayBeMissing(), s.recovered(),
        s.kept(), s.numbering(), Duration.ZERO);
  }
}
