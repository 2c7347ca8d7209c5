package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volume gate against the live API's faults, through the simulator: a fetch that failed, or a
 * window served short of its count, never passes or breaches silently.
 */
class VolumeFailsClosedTest {
  @TempDir Path dir;

  private Verdict volume(KonvoSimulator simulator, int minimum) {
    List<ScenarioResult> results = new GateRunFixture(dir).set("KONVO_API_KEY", "secret-key-0815")
        .set("KONVO_BASE_URL", simulator.url()).set("KONVO_MAX_TRIES", "1").run("""
            Feature: traffic
              Scenario: traffic of the last day
                Then at least %d sessions were updated in the last 24 hours
            """.formatted(minimum));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.verdicts()).hasSize(1));
    return results.get(0).verdicts().get(0);
  }

  @Test void aFetchThatFailedCannotJudge() {
    try (KonvoSimulator simulator = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 200)))) {
      simulator.faults().failAlways(500);

      Verdict v = volume(simulator, 1);

      assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
      assertThat(v.reason()).startsWith("the sessions could not be fetched: page 1 of ");
    }
  }

  @Test void sessionsNotServedThatCouldReachTheNumberMeanItCannotJudge() {
    try (KonvoSimulator simulator = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 200)))) {
      simulator.faults().countLie(100);

      Verdict v = volume(simulator, 250);

      assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
      assertThat(v.reason()).isEqualTo("100 of 300 sessions in the window were not served, and the verdict could change"
          + " with them: only 200 sessions were updated in the last day, fewer than 250; with 50 of the 100 sessions"
          + " not seen as they are it would pass");
    }
  }

  @Test void aCountTheUnservedCannotLiftIsABreachAndOneAtTheNumberPasses() {
    try (KonvoSimulator simulator = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 200)))) {
      simulator.faults().countLie(100);

      assertThat(volume(simulator, 301).outcome()).isEqualTo(Outcome.BREACHED);
      assertThat(volume(simulator, 200).outcome()).isEqualTo(Outcome.PASSED);
    }
  }
}
