package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.GraderFacts;
import io.konvoqa.gate.Judgment;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-screen summary names the run's judge totals, the largest any judged verdict carried. */
class SummaryJudgeLineTest {
  private static ScenarioResult judged(String name, GraderFacts facts) {
    Verdict v = Verdict.of("no session fails the rubric \"r\"", Outcome.PASSED, "none failed").figure("0 of 10")
        .evidence(new Judgment("r", "all 10", 10, 10, 0, 0, 0, 0, facts, null, null)).build();
    return new ScenarioResult(name, "f.feature", List.of(), List.of(v), ScenarioResult.Status.PASSED, null, null);
  }

  @Test void theRunsTotalsComeBeforeTheCountLine() {
    Summary summary = Summary.of(List.of(
        judged("a", new GraderFacts("gpt-4o-mini", "api.openai.com", "judge-v1", false, false, 10, 0, 1200, 0)),
        judged("b", new GraderFacts("gpt-4o-mini", "api.openai.com", "judge-v1", false, false, 14, 6, 1700, 1))));

    String text = summary.render(null, "reports/allure-report/index.html");

    assertThat(text).contains("Judge: gpt-4o-mini at api.openai.com, prompt judge-v1: 14 calls, 6 cache hits,"
        + " 1,700 tokens, 1 judge errors\nPASSED: 2 gates");
    assertThat(MarkdownSummary.of(summary, "x", "reports/allure-report/index.html")).contains("Judge: gpt-4o-mini");
  }

  @Test void aDemoJudgeAndUnmaskedTranscriptsAreSaidLoudly() {
    Summary summary = Summary.of(List.of(
        judged("a", new GraderFacts("konvo-demo-judge", "127.0.0.1:4000", "judge-v1", true, true, 3, 0, 0, 0))));

    assertThat(summary.judgeLine()).startsWith("Judge: DEMO JUDGE konvo-demo-judge")
        .endsWith("transcripts sent UNMASKED (KONVO_JUDGE_SEND_PERSONAL_DATA=true)");
  }

  @Test void noJudgedGateNoJudgeLine() {
    Verdict v = Verdict.of("g", Outcome.PASSED, "fine").figure("1%").build();
    Summary summary = Summary.of(List.of(
        new ScenarioResult("s", "f.feature", List.of(), List.of(v), ScenarioResult.Status.PASSED, null, null)));
    assertThat(summary.judgeLine()).isNull();
    assertThat(summary.render(null, "r")).doesNotContain("Judge:");
  }
}
