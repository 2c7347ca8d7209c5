package io.konvoqa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run killed (SIGKILL) in the middle of writing its sync leaves a store the next run uses
 * correctly: its window is what a fresh full fetch gives.
 */
class CrashTest {
  static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofHours(1));
  static final Window WEEK0 = new Window(T0.minus(Duration.ofDays(7)), T0);
  static final Window WEEK1 = new Window(T1.minus(Duration.ofDays(7)), T1);
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);

  @ParameterizedTest(name = "streamed {0}")
  @ValueSource(booleans = {false, true})
  void aSyncKilledHalfwayThroughItsPagesLeavesAStoreTheNextRunJudgesCorrectly(boolean streamed) throws Exception {
    List<Session> day0 = DemoWorkspace.generate(T0, 7, 20_000).sessions();
    List<Session> day1 = StoreData.changed(day0, 10, T0.plus(Duration.ofMinutes(30))); // 10% changed
    Path file = dir.resolve("sessions.db");
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T0, day0))) {
      Process first = child(file, api, WEEK0, T0, false, streamed);
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as(new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }
    int total;
    int written;
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T1, day1))) {
      Process child = child(file, api, WEEK1, T1, true, streamed); // a full resync over the stored week
      written = killOnceItsFirstPagesAreIn(child, file);
      try (KonvoClient client = StoreData.client(api);
           StoredWindows next = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
               client::fetch, client::fetch, console, Integer.MAX_VALUE)) {
        total = (int) day1.stream().filter(s -> WEEK1.contains(s.updatedAt())).count();
        SessionStore.Mark mark;
        try (SessionStore store = SessionStore.open(file, console)) {
          mark = store.mark("ws");
        }
        assertThat(mark.lastFull()).as("the killed sync was not marked").isEqualTo(T0);
        String assembly;
        List<Session> window;
        if (streamed) {
          StoredWindows.Streamed read = next.stream(WEEK1, T1);
          assembly = read.assembly();
          window = StreamedWindowsTest.list(read.sessions());
        } else {
          StoredWindows.Assembled assembled = next.fetch(WEEK1, T1);
          assembly = assembled.assembly();
          window = assembled.result().sessions();
        }
        FetchResult fresh = client.fetch(WEEK1);
        assertThat(assembly).contains("sessions from the store");
        assertThat(window).containsExactlyElementsOf(fresh.sessions());
      }
    }
    System.out.println("killed the child with " + written + " of " + total + " sessions of its sync written");
    assertThat(written).as("killed after some of its pages and before all of them").isBetween(1, total - 1);
  }

  @Test void aTruncatedStoreFileIsRebuiltAndTheRunStillJudgesTheWholeWindow() throws IOException {
    List<Session> day0 = DemoWorkspace.generate(T0).sessions();
    Path file = dir.resolve("sessions.db");
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T0, day0));
         KonvoClient client = StoreData.client(api)) {
      try (StoredWindows first = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
          client::fetch, console)) {
        first.fetch(WEEK0, T0);
      }
      byte[] whole = Files.readAllBytes(file);
      Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 3 / 4096 * 4096));
      try (StoredWindows next = new StoredWindows(SessionStore.open(file, console), "ws", StoreData.settings(file),
          client::fetch, console)) {
        StoredWindows.Assembled assembled = next.fetch(WEEK0, T0);
        assertThat(assembled.result().sessions()).containsExactlyElementsOf(client.fetch(WEEK0).sessions());
        assertThat(assembled.assembly()).endsWith("in a full sync (the store holds no complete sync of this workspace yet)");
      }
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("konvo-qa: warning: the session store " + file
        + " is damaged (it is ");
  }

  /** Kills the child (SIGKILL) as soon as one page of its sync is in; returns how many sessions it had written. */
  static int killOnceItsFirstPagesAreIn(Process child, Path file) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
         Statement q = db.createStatement()) {
      q.execute("PRAGMA busy_timeout=10000");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && child.isAlive()) {
        if (seenBySecondSync(q) > 0) {
          child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback, no close
          child.waitFor(30, TimeUnit.SECONDS);
          return seenBySecondSync(q);
        }
        Thread.sleep(2);
      }
      throw new AssertionError("the child ended before any page of its sync was in (exit "
          + (child.isAlive() ? "none" : child.exitValue()) + "): " + new String(child.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8));
    }
  }

  /** Sessions marked seen by a sync other than the one that wrote most rows (the first, whole one). */
  private static int seenBySecondSync(Statement q) throws SQLException {
    try (ResultSet r = q.executeQuery("SELECT count(*) FROM sessions WHERE seen <> (SELECT seen FROM sessions"
        + " GROUP BY seen ORDER BY count(*) DESC LIMIT 1)")) {
      return r.next() ? r.getInt(1) : 0;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("no such table")) return 0;
      throw e;
    }
  }

  static Process child(Path file, KonvoSimulator api, Window window, Instant now, boolean full, boolean streamed)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        SyncChild.class.getName(), file.toString(), api.url(), window.from().toString(), window.to().toString(),
        now.toString(), Boolean.toString(full), Boolean.toString(streamed)).redirectErrorStream(true).start();
  }
}
