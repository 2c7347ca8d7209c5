package io.konvoqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.OnePass;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark times the gates the example features write: docs/bench/gates.feature, run as a
 * real gate run (Cucumber, steps, simulator), gives scenario by scenario the verdicts that
 * {@link GateSet} gives in its one pass over the same sessions (offenders compared by session id:
 * the run judges them in the order the simulator serves them). A scenario added to, dropped from
 * or changed in only one of the two fails here.
 */
class GateSetFeatureTest {
  @TempDir Path dir;

  @Test void theBenchmarkJudgesTheScenariosOfItsFeature() throws IOException {
    List<Session> sessions = DemoWorkspace.generate(TestSessions.NOW, 42, 3_000).sessions();
    String feature = Files.readString(Path.of("docs/bench/gates.feature"), StandardCharsets.UTF_8);
    List<ScenarioResult> run = new GateRunFixture(dir).sessions(sessions).run(feature);
    List<OnePass.Scenario> scenarios = GateSet.scenarios(TestSessions.NOW);
    List<Verdict> bench = GateSet.judge(sessions, TestSessions.NOW);

    assertThat(run).hasSize(scenarios.size());
    for (int i = 0; i < run.size(); i++) {
      ScenarioResult scenario = run.get(i);
      String as = "scenario '" + scenario.name() + "' against GateSet's '" + scenarios.get(i).name() + "'";
      assertThat(scenario.verdicts()).as(as).hasSize(1);
      Verdict step = scenario.verdicts().get(0), own = bench.get(i);
      assertThat(step.outcome()).as(as).isEqualTo(own.outcome());
      assertThat(step.reason()).as(as).isEqualTo(own.reason());
      assertThat(step.figures()).as(as).isEqualTo(own.figures());
      // the run judges the window in the order the simulator serves it, GateSet in the demo's order
      assertThat(Judge.same(byId(step, step.gate()), byId(own, step.gate()))).as(as + ": offenders and evidence").isTrue();
    }
  }

  /** The verdict named {@code gate}, its offenders in the order of their session ids. */
  private static Verdict byId(Verdict v, String gate) {
    Verdict.Builder b = Verdict.of(gate, v.outcome(), v.reason()).figure(v.figure()).figures(v.figures())
        .offenders(v.offenders().stream().sorted(Comparator.comparing(Offender::sessionId)).toList());
    v.evidence().forEach(b::evidence);
    return b.build();
  }
}
