package io.konvoqa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.session.Session;
import io.konvoqa.session.Timestamps;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real client against the embedded simulator, through the store, against a fresh full fetch. */
class StoredWindowsTest {
  static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofHours(1));
  static final Window WEEK1 = new Window(T1.minus(Duration.ofDays(7)), T1);
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);

  final List<Session> day0 = DemoWorkspace.generate(T0).sessions();
  /** An hour later: 1% of the sessions updated half an hour after the first run, and five new ones. */
  final List<Session> day1 = later(day0);

  @Test void theSecondRunAsksOnlyForWhatChangedAndJudgesTheSameWindowAsAFullFetch() {
    Path file = dir.resolve("sessions.db");
    sync(file, day0, new Window(T0.minus(Duration.ofDays(7)), T0), T0);
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T1, day1));
         KonvoClient client = StoreData.client(api);
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
             client::fetch, console)) {
      StoredWindows.Assembled assembled = store.fetch(WEEK1, T1);
      List<KonvoSimulator.Request> asked = api.requests();
      FetchResult fresh = client.fetch(WEEK1);

      assertThat(assembled.result().sessions()).containsExactlyElementsOf(fresh.sessions());
      assertThat(assembled.result().summary().uncertain()).isZero();
      assertThat(asked).allSatisfy(r -> assertThat(r.query()).contains("updated_at_min="
          + Timestamps.format(T0.minus(Duration.ofMinutes(10))).replace(":", "%3A")));
      assertThat(asked).hasSizeLessThanOrEqualTo(2); // page 1, and page 0 to learn the numbering
      int fetched = 20 + 5; // 1% of 2,000 and five new
      assertThat(assembled.assembly()).isEqualTo(String.format(java.util.Locale.ROOT,
          "%,d sessions from the store, %d fetched now (updated since %s), last full sync %s",
          fresh.sessions().size() - fetched - recentlyUpdated(day0), fetched + recentlyUpdated(day0),
          Timestamps.format(T0.minus(Duration.ofMinutes(10))), Timestamps.format(T0)));
    }
  }

  @Test void aWindowTheStoreDoesNotCoverIsFetchedWhole() {
    Path file = dir.resolve("sessions.db");
    sync(file, day0, new Window(T0.minus(Duration.ofDays(1)), T0), T0);
    StoredWindows.Assembled assembled = sync(file, day1, WEEK1, T1);
    assertThat(assembled.assembly()).endsWith("fetched now in a full sync (the store covers only from "
        + Timestamps.format(T0.minus(Duration.ofDays(1))) + ")");
  }

  @Test void aFullSyncOlderThanTheSettingIsDoneAgainAndDropsWhatTheApiNoLongerHas() {
    Path file = dir.resolve("sessions.db");
    Instant later = T0.plus(Duration.ofHours(24));
    sync(file, day0, new Window(T0.minus(Duration.ofDays(7)), T0), T0);
    List<Session> withoutOne = new ArrayList<>(day0);
    Session deleted = withoutOne.stream().filter(s -> s.updatedAt().isAfter(T0.minus(Duration.ofDays(2)))).findFirst()
        .orElseThrow();
    withoutOne.remove(deleted);
    Window week = new Window(later.minus(Duration.ofDays(7)), later);
    StoredWindows.Assembled assembled = sync(file, withoutOne, week, later);
    assertThat(assembled.assembly()).endsWith("(the last full sync, " + Timestamps.format(T0)
        + ", is 24 hours old or more)");
    try (SessionStore store = SessionStore.open(file, console)) {
      assertThat(store.window("ws", week)).extracting(Session::id).doesNotContain(deleted.id())
          .hasSameSizeAs(assembled.result().sessions());
    }
  }

  @Test void aDeltaTheApiCouldNotServeWholeIsJudgedAsUncertainAndNotMarked() {
    Path file = dir.resolve("sessions.db");
    sync(file, day0, new Window(T0.minus(Duration.ofDays(7)), T0), T0);
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T1, day1));
         KonvoClient client = StoreData.client(api);
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
             client::fetch, console)) {
      api.faults().countLie(3);
      StoredWindows.Assembled assembled = store.fetch(WEEK1, T1);
      assertThat(assembled.result().summary().unserved()).isEqualTo(3);
      assertThat(io.konvoqa.run.FetchCompleteness.of(assembled.result().summary()).reason())
          .startsWith("3 of " + String.format(java.util.Locale.ROOT, "%,d", assembled.result().sessions().size() + 3)
              + " sessions in the window were not served");
    }
    try (SessionStore store = SessionStore.open(file, console)) {
      assertThat(store.mark("ws").syncedTo()).as("the mark stays where the last whole sync left it").isEqualTo(T0);
    }
  }

  @Test void fullIsAFullSyncEvenWhenTheStoreCoversTheWindow() {
    Path file = dir.resolve("sessions.db");
    sync(file, day0, new Window(T0.minus(Duration.ofDays(7)), T0), T0);
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T1, day1));
         KonvoClient client = StoreData.client(api);
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws",
             StoreData.settings(file).withFull(), client::fetch, console)) {
      assertThat(store.fetch(WEEK1, T1).assembly()).endsWith("in a full sync (asked for (--full or KONVO_FULL=true))");
    }
  }

  @Test void aWindowReadFromTheStoreKeepsTheSafetyCap() {
    Path file = dir.resolve("sessions.db");
    sync(file, day0, new Window(T0.minus(Duration.ofDays(7)), T0), T0);
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T1, day1));
         KonvoClient client = StoreData.client(api);
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
             client::fetch, console, 100)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.fetch(WEEK1, T1))
          .isInstanceOf(io.konvoqa.client.KonvoApiException.class)
          .hasMessageMatching("the window holds [0-9,]+ sessions, more than the safety cap of 100 per window: narrow the"
              + " window, or raise KONVO_MAX_SESSIONS if the memory allows");
    }
  }

  /** One run's sync of {@code window} against a simulator serving {@code sessions}. */
  StoredWindows.Assembled sync(Path file, List<Session> sessions, Window window, Instant now) {
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(now, sessions));
         KonvoClient client = StoreData.client(api);
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
             client::fetch, console)) {
      return store.fetch(window, now);
    }
  }

  static List<Session> later(List<Session> day0) {
    List<Session> out = new ArrayList<>(StoreData.changed(day0, 100, T0.plus(Duration.ofMinutes(30))));
    for (int i = 0; i < 5; i++) {
      out.add(StoreData.updated(day0.get(i * 7 + 3).withExternalUserId("new-" + i), T0.plus(Duration.ofMinutes(40))));
    }
    // new sessions: new ids
    for (int i = 0; i < 5; i++) {
      Session s = out.remove(out.size() - 1);
      out.add(0, new Session("new-session-" + i, s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(),
          s.channel(), T0.plus(Duration.ofMinutes(40)), s.status(), s.state(), s.messages()));
    }
    return out;
  }

  /** Sessions of the first day updated in the overlap (fetched again by the second run). */
  int recentlyUpdated(List<Session> sessions) {
    return (int) day1.stream().filter(s -> !s.updatedAt().isBefore(T0.minus(Duration.ofMinutes(10)))
        && !s.updatedAt().isAfter(T0) ).count();
  }
}
