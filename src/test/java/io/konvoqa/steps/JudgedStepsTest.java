package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Outcome;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.report.Summary;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judged steps in real feature runs. The run has no judge yet (RunContext.grader() says "no
 * judge configured"), so every judged gate must end could-not-judge, never passed; the rubrics are
 * test files in a directory of their own (-Dkonvo.rubrics).
 */
class JudgedStepsTest {
  @TempDir Path dir;

  @BeforeEach void rubrics() throws IOException {
    Path rubrics = Files.createDirectories(dir.resolve("rubrics"));
    Files.writeString(rubrics.resolve("resolution.md"), "---\nmin_agreement: 0.85\n---\n# Resolution\n"
        + "Passes when the AI resolves what the customer asked.\n", StandardCharsets.UTF_8);
    Files.writeString(rubrics.resolve("return-policy.md"), "Passes when the AI states a 14-day return period.\n",
        StandardCharsets.UTF_8);
    System.setProperty("konvo.rubrics", rubrics.toString());
  }

  @AfterEach void noRubrics() {
    System.clearProperty("konvo.rubrics");
  }

  private List<ScenarioResult> run(String feature) {
    return new GateRunFixture(dir).set("KONVO_RUBRICS", dir.resolve("rubrics").toString()).sessions(TestSessions.healthy("s", 300)).run(feature);
  }

  private static void notJudged(ScenarioResult r, Outcome outcome, String reason) {
    assertThat(r.status()).as(r.name()).isEqualTo(ScenarioResult.Status.FAILED);
    assertThat(r.verdicts()).as(r.name()).singleElement().satisfies(v -> {
      assertThat(v.outcome()).isEqualTo(outcome);
      assertThat(v.reason()).isEqualTo(reason);
    });
  }

  @Test void theJudgedFeatureCannotJudgeWithoutAJudgeAndNeverPasses() throws IOException {
    List<io.konvoqa.session.Session> sessions = new java.util.ArrayList<>(TestSessions.healthy("s", 300));
    for (int i = 0; i < 40; i++) {
      sessions.add(TestSessions.session("return-" + i).customer("I want to return my shoes")
          .ai("You have 14 days to return them.").build());
    }
    GateRunFixture fixture = new GateRunFixture(dir).set("KONVO_RUBRICS", dir.resolve("rubrics").toString())
        .sessions(sessions);
    List<ScenarioResult> results = fixture.run(Files.readString(Path.of("features/judged.feature"), StandardCharsets.UTF_8));
    assertThat(results).hasSize(2);
    notJudged(results.get(0), Outcome.CONFIGURATION_ERROR,
        "no judge configured: set KONVO_JUDGE_URL: cannot judge at least 90% of sessions pass the rubric \"resolution\"");
    notJudged(results.get(1), Outcome.CONFIGURATION_ERROR,
        "no judge configured: set KONVO_JUDGE_URL: cannot judge no session fails the rubric \"return-policy\"");
    assertThat(fixture.summary().exitCode()).isEqualTo(Summary.NOT_JUDGED);
  }

  @Test void everyJudgedStepCannotJudgeWithoutAJudge() {
    List<ScenarioResult> results = run("""
        Feature: f
          Background:
            Given the sessions updated in the last 7 days
          Scenario: inline
            Then at least 90% of sessions are judged to meet:
              \"\"\"
              The AI answers in the customer's language.
              \"\"\"
          Scenario: plain
            Then the fail rate on the rubric "resolution" is at most 10%
          Scenario: confident
            Then the fail rate on the rubric "resolution" is at most 10% with 95% confidence
          Scenario: tolerant
            Then the fail rate on the rubric "resolution" is not significantly above 10%
        """);
    assertThat(results).hasSize(4).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(ScenarioResult.Status.FAILED);
      assertThat(r.verdicts()).singleElement().satisfies(v -> {
        assertThat(v.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
        assertThat(v.reason()).startsWith("no judge configured: set KONVO_JUDGE_URL: cannot judge ");
      });
    });
  }

  @Test void aMissingRubricNamesTheFileAndTheRubricsThereAre() {
    List<ScenarioResult> results = run("""
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Then at least 90% of sessions pass the rubric "resolutoin"
        """);
    Path rubrics = dir.resolve("rubrics");
    notJudged(results.get(0), Outcome.CONFIGURATION_ERROR, "no rubric \"resolutoin\": " + rubrics.resolve("resolutoin.md")
        + " does not exist (rubrics are read from KONVO_RUBRICS=" + rubrics + "); write it, or set KONVO_RUBRICS to the"
        + " directory that has it (rubrics there: resolution, return-policy)");
  }

  @Test void aChoiceAfterTheSampleIsAConfigurationError() {
    List<ScenarioResult> results = run("""
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            And a random sample of 200 sessions
            And only completed sessions
            Then at least 90% of sessions pass the rubric "resolution"
        """);
    notJudged(results.get(0), Outcome.CONFIGURATION_ERROR, "a choice follows the random sample (completed): a sample is"
        + " drawn from the sessions chosen before it, so choose first, then write 'Given a random sample of 200 sessions'");
  }

  @Test void theRubricFileIsReadWithItsFrontMatter() {
    var rubric = io.konvoqa.grader.Rubrics.load(dir.resolve("rubrics"), "resolution", java.util.Map.of());
    assertThat(rubric.minAgreement()).isEqualTo(0.85);
    assertThat(rubric.correctForJudgeError()).isFalse();
    assertThat(rubric.text()).isEqualTo("# Resolution\nPasses when the AI resolves what the customer asked.");
  }
}
