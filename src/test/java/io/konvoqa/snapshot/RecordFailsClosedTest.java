package io.konvoqa.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Outcome;
import io.konvoqa.report.Summary;
import io.konvoqa.run.GateRunner;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record refuses a window without sessions; record --demo needs no key and feeds replay and bless. */
class RecordFailsClosedTest {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test void aWindowWithoutSessionsIsAnErrorAndLeavesNoFile() throws IOException {
    Path file = tmp.resolve("empty.json.gz");
    int code;
    try (KonvoSimulator simulator = KonvoSimulator.start(DemoWorkspace.generate(NOW))) {
      Settings live = Settings.load(Map.of("KONVO_API_KEY", "key-4711", "KONVO_BASE_URL", simulator.url()),
          new Properties());
      code = Record.run(List.of("--from", "2020-01-01", "--to", "2020-01-02", "--out", file.toString()),
          live, CLOCK, stream(out), stream(err));
    }

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).contains("konvo-qa record: nothing written to " + file + ": the window"
        + " 2020-01-01T00:00:00.000Z .. 2020-01-02T23:59:59.999Z (from 127.0.0.1:")
        .contains(") holds no sessions, and an empty snapshot could neither be judged nor blessed; choose a"
            + " window with sessions (e.g. --last 30d, or --from/--to around days with traffic) and check"
            + " that KONVO_API_KEY is the key of the workspace you mean");
    assertThat(text(out)).isEmpty();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test void anEmptyDemoWindowSaysSoWithoutAskingForAKey() {
    Path file = tmp.resolve("empty.json");

    int code = Record.run(List.of("--demo", "--from", "2020-01-01", "--to", "2020-01-02", "--out", file.toString()),
        Settings.load(Map.of(), new Properties()), CLOCK, stream(out), stream(err));

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).contains("(from demo workspace) holds no sessions").doesNotContain("KONVO_API_KEY");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test void theDemoIsRecordedWithoutAKeyAndCanBeReplayedAndBlessed() {
    Path snapshot = tmp.resolve("demo.json.gz");
    Settings noKey = Settings.load(Map.of("KONVO_BASELINE", tmp.resolve("baseline.json.gz").toString()),
        new Properties());

    int code = Record.run(List.of("--demo", "--last", "7d", "--out", snapshot.toString()), noKey, CLOCK,
        stream(out), stream(err));

    assertThat(code).as(text(err)).isZero();
    Dataset recorded = DatasetFile.read(snapshot);
    assertThat(recorded.source()).isEqualTo("demo workspace");
    assertThat(recorded.recordedAt()).isEqualTo(NOW);
    assertThat(recorded.sessions()).hasSizeGreaterThan(1_000);
    assertThat(text(out)).startsWith(String.format(java.util.Locale.ROOT,
        "konvo-qa: recorded %,d sessions of window ", recorded.sessions().size()))
        .contains(" from demo workspace into " + snapshot + " (personal data masked)");

    Summary replayed = GateRunner.execute(Settings.load(Map.of("KONVO_DATA", snapshot.toString(),
            "KONVO_REPORTS", tmp.resolve("reports").toString()), new Properties()),
        new GateRunner.Options(RecordReplayTest.REPLAY_FEATURES, null, false), CLOCK,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).summary();
    assertThat(replayed.lines()).extracting(Summary.Line::outcome)
        .contains(Outcome.PASSED, Outcome.BREACHED).doesNotContain(Outcome.CONFIGURATION_ERROR);

    assertThat(Bless.run(List.of(snapshot.toString()), noKey, stream(out), stream(err))).as(text(err)).isZero();
    assertThat(DatasetFile.read(tmp.resolve("baseline.json.gz"))).isEqualTo(recorded);
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
