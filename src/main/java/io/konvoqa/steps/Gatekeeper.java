package io.konvoqa.steps;

import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.konvoqa.gate.VerdictAssert;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.report.RunPrivacy;
import io.konvoqa.report.VerdictReport;
import io.konvoqa.run.GateRun;
import io.konvoqa.run.RunLog;
import java.util.function.BiFunction;

/** The one path every gate step takes: judge, record, attach to the report, then pass or fail. */
final class Gatekeeper {
  private Gatekeeper() {}

  /** The claim as the feature wrote it, else the step's own rendering of it. */
  static String claim(String fallback) {
    String step = RunLog.currentStep();
    return step != null ? step : fallback;
  }

  /** Judges {@code gate(sample, claim)}; the claim is the step's text as written in the feature. */
  static void enforce(ScenarioSessions sessions, String claim, BiFunction<Sample, String, Verdict> gate) {
    String name = claim(claim);
    Verdict judged = sessions.judge(name, sample -> gate.apply(sample, name));
    GateRun run = GateRun.peek();
    Privacy privacy = RunPrivacy.of(run);
    Verdict verdict = privacy.mask(judged, sessions.lastSample()); // masked once: log, report, assertion
    RunLog.verdict(verdict);
    VerdictReport.attach(verdict, sessions.lastSample(), run == null ? null : run.settings(), privacy);
    VerdictAssert.assertThat(verdict).passed();
  }
}
