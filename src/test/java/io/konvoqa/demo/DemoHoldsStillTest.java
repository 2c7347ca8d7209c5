package io.konvoqa.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Verdict;
import io.konvoqa.run.GateRunner;
import io.konvoqa.report.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
 * The demo workspace holds still: the example features give the same verdicts, figures, reasons
 * and offending sessions on every run, whatever the clock says, so a QA engineer can tune a
 * threshold against it.
 */
class DemoHoldsStillTest {
  @TempDir Path dir;

  @Test void theExampleGatesGiveTheSameFiguresAtAnyTime() {
    List<String> night = verdicts(Instant.parse("2026-11-27T03:17:41.250Z"));
    List<String> evening = verdicts(Instant.parse("2026-12-03T19:45:30Z"));

    assertThat(night).hasSizeGreaterThanOrEqualTo(17).containsExactlyElementsOf(evening);
    assertThat(night).anySatisfy(v -> assertThat(v).startsWith("German trigger phrases reach the right skill | BREACHED"));
  }

  @Test void theSameSessionsAreShiftedToEndAtNow() {
    Instant now = Instant.parse("2026-12-03T19:45:30.123Z");
    var shifted = DemoWorkspace.generate(now).sessions();
    var laidOut = DemoWorkspace.generate(DemoWorkspace.LAID_OUT_AT).sessions();

    java.time.Duration shift = java.time.Duration.between(DemoWorkspace.LAID_OUT_AT, now);
    for (int i = 0; i < laidOut.size(); i++) {
      assertThat(shifted.get(i).id()).isEqualTo(laidOut.get(i).id());
      assertThat(shifted.get(i).updatedAt()).isEqualTo(laidOut.get(i).updatedAt().plus(shift));
      assertThat(shifted.get(i).messages()).extracting(m -> m.message())
          .isEqualTo(laidOut.get(i).messages().stream().map(m -> m.message()).toList());
    }
  }

  private List<String> verdicts(Instant now) {
    List<ScenarioResult> scenarios = GateRunner.execute(Settings.load(Map.of("KONVO_REPORTS", dir.resolve("r" + now.getEpochSecond()).toString()),
        new Properties()), new GateRunner.Options(Path.of("features"), null, false),
        Clock.fixed(now, ZoneOffset.UTC), new PrintStream(new ByteArrayOutputStream())).scenarios();
    return scenarios.stream().map(DemoHoldsStillTest::line).toList();
  }

  private static String line(ScenarioResult r) {
    Verdict v = r.verdicts().get(0);
    return r.name() + " | " + v.outcome() + " | " + v.figure() + " | " + v.reason() + " | "
        + v.offenders().stream().map(o -> o.sessionId()).sorted().toList();
  }
}
