package io.konvoqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.client.KonvoClient;
import io.konvoqa.config.StoreSettings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.store.SessionStore;
import io.konvoqa.store.StoredWindows;
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

/**
 * The twenty gates judged in one pass over a window streamed from the store give the verdicts
 * they give over the list fetched without a store: on a full sync, and on the next run's delta
 * after 1% changed (the benchmark checks the same at 100,000 sessions, {@code bench --store}).
 */
class StoreVerdictsTest {
  static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofHours(1));
  @TempDir Path dir;
  final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @Test void theTwentyGatesGiveTheSameVerdictsStreamedFromTheStoreAsOverTheFetchedList() {
    List<Session> day0 = DemoWorkspace.generate(T0, 42, 5_000).sessions();
    List<Session> day1 = new ArrayList<>(day0.size());
    for (int i = 0; i < day0.size(); i++) day1.add(i % 100 == 0 ? flipped(day0.get(i), T0.plus(Duration.ofMinutes(30))) : day0.get(i));
    Path file = dir.resolve("sessions.db");
    StoreSettings settings = new StoreSettings(file, false, Duration.ofMinutes(10), Duration.ofHours(24));

    List<Verdict> first = sameVerdicts(file, settings, day0, new Window(T0.minus(Duration.ofDays(8)), T0), T0, "full sync");
    List<Verdict> second = sameVerdicts(file, settings, day1, new Window(T1.minus(Duration.ofDays(8)), T1), T1,
        "sessions from the store");

    assertThat(first).hasSize(20).extracting(Verdict::outcome).contains(Outcome.PASSED, Outcome.BREACHED);
    assertThat(StoreBench.same(first, second)).as("1% changed moves some verdict").isFalse();
  }

  /** One run through the store, streamed, against the list a client without a store fetches. */
  private List<Verdict> sameVerdicts(Path file, StoreSettings settings, List<Session> sessions, Window window,
      Instant now, String assembled) {
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(now, sessions));
         KonvoClient client = KonvoClient.builder().baseUrl(api.url()).apiKey("bench-test").progress(null, false).build();
         StoredWindows store = new StoredWindows(SessionStore.open(file, console), "ws", settings, client::fetch,
             client::fetch, console, Integer.MAX_VALUE)) {
      StoredWindows.Streamed streamed = store.stream(window, now);
      List<Verdict> fromStore = GateSet.judge(streamed.sessions(), now);
      List<Verdict> fromList = GateSet.judge(client.fetch(window).sessions(), now);
      assertThat(streamed.assembly()).contains(assembled);
      assertThat(StoreBench.same(fromStore, fromList)).as(assembled).isTrue();
      return fromStore;
    }
  }

  private static Session flipped(Session s, Instant at) {
    SessionStatus st = s.status();
    Boolean unresolved = st == null || st.unresolved() == null ? Boolean.TRUE : !st.unresolved();
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), s.channel(),
        s.createdAt(), new SessionStatus(s.id(), true, unresolved, at, at, at), s.state(), s.messages());
  }
}
