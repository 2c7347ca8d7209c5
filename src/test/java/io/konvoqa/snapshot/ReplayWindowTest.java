package io.konvoqa.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.testing.GateRunFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot of a past window, replayed months later: "now" is the end of the window it recorded,
 * so "the last 7 days" is that window; a window it does not hold could not judge.
 */
class ReplayWindowTest {
  static final Instant WINDOW_END = Instant.parse("2026-06-10T12:00:00Z");
  static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
  static final String KEY = "secret-key-4711-do-not-write";
  @TempDir Path tmp;

  /** Records 2026-06-03T12:00Z .. 2026-06-10T12:00Z on December 2, as the issue did. */
  private Path recordJune() {
    Path out = tmp.resolve("june.json.gz");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (KonvoSimulator simulator = KonvoSimulator.start(DemoWorkspace.generate(WINDOW_END, 7L, 400))) {
      Settings settings = Settings.load(Map.of("KONVO_API_KEY", KEY, "KONVO_BASE_URL", simulator.url()),
          new Properties());
      int code = Record.run(List.of("--from", "2026-06-03T12:00:00Z", "--to", "2026-06-10T12:00:00Z",
          "--out", out.toString()), settings, DECEMBER, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
    assertThat(DatasetFile.read(out).window()).isEqualTo(new Window(Instant.parse("2026-06-03T12:00:00Z"), WINDOW_END));
    assertThat(DatasetFile.read(out).recordedAt()).isEqualTo(DECEMBER.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    return out;
  }

  /** Replays in a run whose wall clock says December; each scenario's verdict. */
  private List<Verdict> replay(Path snapshot, String window) {
    GateRunFixture fixture = new GateRunFixture(tmp).set("KONVO_DATA", snapshot.toString());
    List<ScenarioResult> results = fixture.run("""
        Feature: replay
          Scenario: unresolved
            Given %s
            Then the unresolved rate is at most 15%%
        """.formatted(window));
    return results.stream().flatMap(r -> r.verdicts().stream()).toList();
  }

  @Test void theLastSevenDaysOfASnapshotAreTheWindowItRecorded() {
    Path june = recordJune();

    List<Verdict> verdicts = replay(june, "the sessions updated in the last 7 days");

    assertThat(verdicts).singleElement().satisfies(v -> {
      assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(v.figure()).matches("unresolved rate \\d+\\.\\d% of \\d{3} completed sessions");
    });
  }

  @Test void aWindowTheSnapshotDoesNotHoldCouldNotJudgeNamingTheSnapshotsWindow() {
    Path june = recordJune();

    for (String window : List.of("the sessions updated between \"2026-05-01\" and \"2026-05-08\"",
        "the sessions updated in the last 30 days",
        "the sessions updated between \"2026-06-05\" and \"2026-06-12\"")) {
      assertThat(replay(june, window)).as(window).singleElement().satisfies(v -> {
        assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
        assertThat(v.reason()).startsWith("the snapshot " + june + " holds the window"
            + " 2026-06-03T12:00:00.000Z .. 2026-06-10T12:00:00.000Z, and the window ")
            .contains(" is not inside it: ask for a window inside it");
      });
    }
  }

  @Test void aWindowInsideTheSnapshotIsJudged() {
    Path june = recordJune();

    assertThat(replay(june, "the sessions updated between \"2026-06-04\" and \"2026-06-09\""))
        .singleElement().satisfies(v -> assertThat(v.outcome()).isEqualTo(Outcome.PASSED));
  }
}
