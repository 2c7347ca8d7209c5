package io.konvoqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.OnePass;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's one pass gives each of the twenty gates the verdict it gives on its own sample. */
class GateSetTest {
  @Test void theOnePassGivesEachGateItsOwnVerdict() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    List<Session> window = DemoWorkspace.generate(now, 42, 3_000).sessions();
    List<OnePass.Scenario> scenarios = GateSet.scenarios(now);
    List<Verdict> pass = GateSet.judge(window, now);
    assertThat(pass).hasSize(20);
    for (int g = 0; g < scenarios.size(); g++) {
      Verdict alone = GateSet.judgeAlone(scenarios.get(g), window, now);
      assertThat(Judge.same(pass.get(g), alone)).as(scenarios.get(g).name()).isTrue();
      assertThat(pass.get(g).gate()).isEqualTo(scenarios.get(g).name());
    }
    assertThat(pass).extracting(Verdict::outcome).contains(Outcome.PASSED, Outcome.BREACHED);
  }
}
