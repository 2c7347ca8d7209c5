package io.konvoqa.steps;

import io.konvoqa.gate.Gate;
import io.konvoqa.gate.Verdict;
import io.konvoqa.gate.VerdictAssert;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.report.VerdictReport;
import io.konvoqa.run.RunContext;
import java.util.function.Supplier;

/**
 * The one path every gate step takes: judge, record, attach to the report, then pass, fail (a
 * breach) or stop as not judged.
 */
final class Gatekeeper {
  private Gatekeeper() {}

  /** The claim as the feature wrote it, else the step's own rendering of it. */
  static String claim(RunContext context, String fallback) {
    String step = context.log().currentStep();
    return step != null ? step : fallback;
  }

  /**
   * Judges the gate over the scenario's sessions; the claim is the step's text as written in the
   * feature. In the run's plan run it only records the gate, for its window's one pass. The gate
   * is made when it is judged (or planned), so that an argument it refuses is its verdict.
   */
  static void enforce(ScenarioSessions sessions, String claim, Supplier<Gate> gate) {
    RunContext context = sessions.context();
    String name = claim(context, claim);
    if (context.planning()) {
      sessions.plan(name, gate);
      return;
    }
    settle(sessions, sessions.judgeGate(name, gate));
  }

  /** Masks, records and reports the verdict, then passes, fails (a breach) or stops as not judged. */
  private static void settle(ScenarioSessions sessions, Verdict judged) {
    RunContext context = sessions.context();
    Privacy privacy = context.privacy();
    Verdict verdict = privacy.mask(judged, sessions.lastSample()); // masked once: log, report, assertion
    context.log().verdict(verdict);
    context.conversations().add(context.log().currentScenario(), verdict, sessions.lastSample(), privacy);
    VerdictReport.attach(verdict, sessions.lastSample(), context.opened() ? context.settings() : null, privacy,
        context.trends().judged(verdict));
    VerdictAssert.assertThat(verdict).passed();
  }
}
