package io.konvoqa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.report.Summary;
import io.konvoqa.run.GateRunner;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example features as a live run against the simulator: with the store, the first run and
 * the next one (after 1% of the sessions changed) give exactly the verdicts of runs without it.
 */
class StoreRunTest {
  static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  static final Instant T1 = T0.plus(Duration.ofHours(1));
  @TempDir Path dir;
  String console;

  @Test void theExampleGatesGiveTheSameVerdictsWithAndWithoutTheStore() {
    List<Session> day0 = DemoWorkspace.generate(T0).sessions();
    List<Session> day1 = StoredWindowsTest.later(day0);
    Path store = dir.resolve("sessions.db");
    int port;
    Summary firstWith, firstWithout;
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T0, day0))) {
      port = api.port();
      firstWithout = run(api.url(), "none", T0);
      firstWith = run(api.url(), store.toString(), T0);
      assertThat(console).contains("fetched now in a full sync (the store holds no complete sync of this workspace yet)");
    }
    assertThat(firstWithout.lines()).hasSizeGreaterThan(10).extracting(Summary.Line::outcome)
        .contains(io.konvoqa.gate.Outcome.PASSED, io.konvoqa.gate.Outcome.BREACHED);
    assertThat(firstWith.lines()).isEqualTo(firstWithout.lines());
    assertThat(firstWith.exitCode()).isEqualTo(firstWithout.exitCode());

    Summary nextWith, nextWithout;
    try (KonvoSimulator api = KonvoSimulator.start(Dataset.of(T1, day1), port, null)) { // same URL: same workspace
      nextWith = run(api.url(), store.toString(), T1);
      assertThat(console).contains(" sessions from the store, ").contains("fetched now (updated since 2026-11-27T11:50:00.000Z)");
      assertThat(api.requests()).allSatisfy(r -> assertThat(r.query()).contains("updated_at_min=2026-11-27T11%3A50%3A00.000Z"));
      nextWithout = run(api.url(), "none", T1);
    }
    assertThat(nextWith.lines()).isEqualTo(nextWithout.lines());
    assertThat(nextWith.lines()).isNotEqualTo(firstWith.lines()); // 1% changed shows in the figures
  }

  @Test void theDemoAndSnapshotsNeverOpenTheStore() {
    Path store = dir.resolve("sessions.db");
    for (Map<String, String> env : List.of(Map.of("KONVO_DEMO", "true"),
        Map.of("KONVO_DATA", "src/test/resources/report/hostile-sessions.json"))) {
      Map<String, String> withStore = new HashMap<>(env);
      withStore.put("KONVO_STORE", store.toString());
      try (io.konvoqa.run.GateRun run = io.konvoqa.run.GateRun.open(Settings.load(withStore, new Properties()),
          Clock.fixed(T0, ZoneOffset.UTC), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
        run.fetch(new io.konvoqa.session.Window(run.now().minus(Duration.ofDays(1)), run.now()));
        assertThat(run.assembly(new io.konvoqa.session.Window(run.now().minus(Duration.ofDays(1)), run.now()))).isNull();
      }
      assertThat(store).as(env.toString()).doesNotExist();
    }
  }

  Summary run(String url, String store, Instant now) {
    Map<String, String> env = new HashMap<>(Map.of(
        "KONVO_API_KEY", StoreData.KEY,
        "KONVO_BASE_URL", url,
        "KONVO_STORE", store,
        "KONVO_MASK_SALT", "store-run-test",
        "KONVO_REPORTS", dir.resolve("reports-" + store.hashCode() + "-" + now.getEpochSecond()).toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Summary summary;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      summary = GateRunner.run(Settings.load(env, new Properties()),
          new GateRunner.Options(Path.of("features"), null, false), Clock.fixed(now, ZoneOffset.UTC), print);
    }
    console = out.toString(StandardCharsets.UTF_8);
    return summary;
  }
}
