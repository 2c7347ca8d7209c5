package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Judged gates over a scripted grader: outcomes, sampling, judge errors, calibration, correction. */
class JudgedGatesTest {
  static final Rubric RESOLUTION = new Rubric("resolution", "The AI resolves what the customer asked.", Double.NaN,
      false, List.of());

  static Sample sample(List<Session> sessions, int minimum) {
    return Selection.all().apply(sessions, minimum, Role.parseMapping(null), TestSessions.NOW);
  }

  /** {@code pass} sessions "p…", {@code fail} sessions "f…", {@code error} sessions "e…". */
  static List<Session> sessions(int pass, int fail, int error) {
    List<Session> all = new ArrayList<>();
    for (int i = 0; i < pass; i++) all.add(session("p" + i).customer("hi").ai("hello").build());
    for (int i = 0; i < fail; i++) all.add(session("f" + i).customer("hi").ai("30 days").build());
    for (int i = 0; i < error; i++) all.add(session("e" + i).customer("hi").ai("hello").build());
    return all;
  }

  static final ScriptedGrader SCRIPT = ScriptedGrader.failing("f", "e");

  static Judgment judgment(Verdict v) {
    return v.evidence().stream().filter(e -> e instanceof Judgment).map(e -> (Judgment) e).findFirst().orElseThrow();
  }

  @Test void atLeast90PercentPassingPasses() {
    Verdict v = JudgedGates.passRate(sample(sessions(95, 5, 0), 30), RateClaim.atLeast(0.9), RESOLUTION,
        ScriptedGrader.failing("f", "e"), null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.reason()).isEqualTo("pass rate on the rubric \"resolution\" 95.0% of 100 graded sessions is at least 90%");
    assertThat(judgment(v).grades()).isEqualTo("100 sent to the judge: 95 pass, 5 fail, 0 judge errors");
    assertThat(judgment(v).drawn()).isEqualTo("every one of the 100 sessions chosen (no sample)");
    assertThat(judgment(v).grader().model()).isEqualTo("gpt-test");
  }

  @Test void tooFewPassingIsBreachedAndOffendersCarryTheJudgesReason() {
    Verdict v = JudgedGates.passRate(sample(sessions(85, 15, 0), 30), RateClaim.atLeast(0.9), RESOLUTION,
        ScriptedGrader.failing("f", "e"), null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.offenders()).hasSize(15);
    assertThat(v.offenders().get(0).reason()).isEqualTo("the judge found: the AI promised 30 days for f0");
    assertThat(v.offenders().get(0).gate()).isEqualTo("g");
  }

  @Test void theFailRateTakesTheThreeClaimsOfTheUnresolvedRate() {
    Sample tenOfHundred = sample(sessions(90, 10, 0), 30);
    // Wilson 95% for 10/100: 5.5% - 17.4%
    assertThat(JudgedGates.passRate(tenOfHundred, RateClaim.atMost(0.10), RESOLUTION, SCRIPT, null, "g").outcome())
        .isEqualTo(Outcome.PASSED);
    assertThat(JudgedGates.passRate(tenOfHundred, RateClaim.atMostWithConfidence(0.15, 0.95), RESOLUTION, SCRIPT, null,
        "g").outcome()).isEqualTo(Outcome.BREACHED);
    Verdict tolerant = JudgedGates.passRate(tenOfHundred, RateClaim.notSignificantlyAbove(0.06), RESOLUTION, SCRIPT,
        null, "g");
    assertThat(tolerant.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(tolerant.reason()).isEqualTo("fail rate on the rubric \"resolution\" 10.0% of 100 graded sessions is not"
        + " significantly above 6% (Wilson 95%: 5.5% - 17.4%)");
  }

  @Test void aSampleGradesOnlyItsSessionsWhateverTheirOrder() {
    List<Session> window = sessions(1_000, 0, 0);
    ScriptedGrader first = ScriptedGrader.failing("f", "e");
    Verdict v = JudgedGates.passRate(sample(window, 30), RateClaim.atLeast(0.9), RESOLUTION, first, new Draw(200, 42), "g");
    assertThat(first.asked).singleElement().satisfies(ids -> assertThat(ids).hasSize(200));
    assertThat(v.reason()).endsWith("; graded: 200 of 1,000 sessions sampled at random (seed 42)");
    assertThat(v.figures()).anySatisfy(f -> assertThat(f.value()).isEqualTo("200 of 1,000 sessions sampled at random (seed 42)"));

    List<Session> shuffled = new ArrayList<>(window);
    Collections.shuffle(shuffled, new Random(7));
    ScriptedGrader second = ScriptedGrader.failing("f", "e");
    JudgedGates.passRate(sample(shuffled, 30), RateClaim.atLeast(0.9), RESOLUTION, second, new Draw(200, 42), "g");
    assertThat(second.asked.get(0)).isEqualTo(first.asked.get(0));

    ScriptedGrader otherSeed = ScriptedGrader.failing("f", "e");
    JudgedGates.passRate(sample(window, 30), RateClaim.atLeast(0.9), RESOLUTION, otherSeed, new Draw(200, 43), "g");
    assertThat(otherSeed.graded).isNotEqualTo(first.graded);
  }

  @Test void aSampleIsASimpleRandomSampleOfTheSessions() {
    // each of 100 sessions should be drawn into a sample of 20 about 20% of the time over many seeds
    List<Session> window = sessions(100, 0, 0);
    int[] drawn = new int[100];
    int seeds = 2_000;
    for (long seed = 0; seed < seeds; seed++) {
      Draw.Keeper keeper = new Draw(20, seed).keeper();
      window.forEach(keeper::add);
      for (Session s : keeper.sessions()) drawn[Integer.parseInt(s.id().substring(1))]++;
    }
    for (int count : drawn) assertThat(count / (double) seeds).isBetween(0.15, 0.25);
  }

  @Test void fewerSessionsThanTheSampleAreAllGradedAndTheVerdictSaysSo() {
    ScriptedGrader grader = ScriptedGrader.failing("f", "e");
    Verdict v = JudgedGates.passRate(sample(sessions(150, 0, 0), 30), RateClaim.atLeast(0.9), RESOLUTION, grader,
        new Draw(200, 42), "g");
    assertThat(grader.asked.get(0)).hasSize(150);
    assertThat(v.reason()).endsWith("; graded: all 150 sessions: fewer than the sample of 200 (seed 42)");
    assertThat(judgment(v).drawn()).isEqualTo("all 150 sessions: fewer than the sample of 200 (seed 42)");
    assertThat(new Draw(200, 42).describe(200)).isEqualTo("all 200 sessions: as many as the sample of 200 (seed 42)");
  }

  @Test void theMinimumSampleAppliesToGradedSessions() {
    Verdict v = JudgedGates.passRate(sample(sessions(100, 0, 0), 30), RateClaim.atLeast(0.9), RESOLUTION, SCRIPT,
        new Draw(20, 42), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(v.reason()).startsWith("only 20 graded sessions, fewer than the minimum sample of 30");
  }

  @Test void moreThan5PercentJudgeErrorsCannotJudge() {
    Verdict v = JudgedGates.passRate(sample(sessions(94, 0, 6), 30), RateClaim.atLeast(0.9), RESOLUTION, SCRIPT, null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("the judge could not grade 6 of 100 sessions (6.0%, more than 5%; e.g. e0: no JSON"
        + " in the answer): cannot judge g; check the judge's endpoint and model");
    assertThat(judgment(v).errors()).isEqualTo(6);
  }

  @Test void fewJudgeErrorsThatCouldTipTheVerdictCannotJudge() {
    // 89 pass, 6 fail, 5 errors: 89/95 = 93.7% passes; if all 5 failed, 89/100 = 89% would breach
    Verdict v = JudgedGates.passRate(sample(sessions(89, 6, 5), 30), RateClaim.atLeast(0.9), RESOLUTION, SCRIPT, null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("5 of 100 sessions could not be graded (judge errors, e.g. e0: no JSON in the answer)");
    // 97 pass, 0 fail, 3 errors: at least 97% either way
    Verdict stands = JudgedGates.passRate(sample(sessions(97, 0, 3), 30), RateClaim.atLeast(0.9), RESOLUTION, SCRIPT, null, "g");
    assertThat(stands.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(stands.figures()).anySatisfy(f -> assertThat(f.name()).isEqualTo("judge errors"));
  }

  @Test void noGraderCannotJudgeAndNeverPasses() {
    Verdict v = JudgedGates.passRate(sample(sessions(100, 0, 0), 30), RateClaim.atLeast(0.9), RESOLUTION,
        ScriptedGrader.unavailable("no judge configured: set KONVO_JUDGE_URL"), null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
    assertThat(v.reason()).isEqualTo("no judge configured: set KONVO_JUDGE_URL: cannot judge g");
  }

  @Test void oneSessionFailingAZeroToleranceRubricBreaches() {
    ScriptedGrader grader = ScriptedGrader.failing("f", "e");
    Verdict v = JudgedGates.noneFails(sample(sessions(499, 1, 0), 30), RESOLUTION, grader, null, "g");
    assertThat(grader.asked.get(0)).hasSize(500);
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("1 of 500 graded sessions fail the rubric \"resolution\"");
    assertThat(v.offenders()).singleElement().satisfies(o -> assertThat(o.reason()).startsWith("the judge found: "));
  }

  @Test void aZeroToleranceRubricPassesOnlyWhenEverySessionIsGraded() {
    assertThat(JudgedGates.noneFails(sample(sessions(500, 0, 0), 30), RESOLUTION, SCRIPT, null, "g").reason())
        .isEqualTo("none of the 500 graded sessions fails the rubric \"resolution\"");
    Verdict v = JudgedGates.noneFails(sample(sessions(499, 0, 1), 30), RESOLUTION, SCRIPT, null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).contains("1 of 500 sessions could not be graded").contains("could offend");
  }

  static List<Rubric.Labelled> labels(int humanFails, int missed, int humanPasses, int falseFails,
      Map<String, Grade.Kind> script) {
    List<Rubric.Labelled> labels = new ArrayList<>();
    for (int i = 0; i < humanFails; i++) {
      labels.add(new Rubric.Labelled(session("lf" + i).customer("hi").ai("x").build(), false));
      script.put("lf" + i, i < missed ? Grade.Kind.PASS : Grade.Kind.FAIL);
    }
    for (int i = 0; i < humanPasses; i++) {
      labels.add(new Rubric.Labelled(session("lp" + i).customer("hi").ai("x").build(), true));
      script.put("lp" + i, i < falseFails ? Grade.Kind.FAIL : Grade.Kind.PASS);
    }
    return labels;
  }

  @Test void theJudgeIsMeasuredAgainstTheLabels() {
    Map<String, Grade.Kind> script = new HashMap<>();
    List<Rubric.Labelled> labels = labels(20, 2, 20, 1, script);
    for (int i = 0; i < 10; i++) script.put("f" + i, Grade.Kind.FAIL);
    Rubric rubric = new Rubric("resolution", "text", 0.85, false, labels);
    Verdict v = JudgedGates.passRate(sample(sessions(90, 10, 0), 30), RateClaim.atLeast(0.9), rubric,
        ScriptedGrader.table(script), null, "g");
    Calibration c = judgment(v).calibration();
    assertThat(c).isEqualTo(new Calibration(18, 2, 1, 19, 0));
    assertThat(c.describe()).isEqualTo("agreement 92.5% of 40, sensitivity 90.0% of 20, specificity 95.0% of 20,"
        + " Cohen's kappa 0.85");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void aJudgeThatDisagreesWithTheLabelsCannotJudge() {
    Map<String, Grade.Kind> script = new HashMap<>();
    Rubric rubric = new Rubric("resolution", "text", 0.85, false, labels(20, 5, 20, 4, script));
    Verdict v = JudgedGates.noneFails(sample(sessions(100, 0, 0), 30), rubric, ScriptedGrader.table(script), null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
    assertThat(v.reason()).isEqualTo("the judge disagrees with your labels in 22.5% of 40 cases (agreement 77.5%, below"
        + " the rubric's min_agreement 85%): cannot judge g; sharpen the rubric 'resolution' or use another model");
    assertThat(judgment(v).calibration().n()).isEqualTo(40);
  }

  @Test void theCorrectedRateIsJudgedAndTheUncorrectedShownBesideIt() {
    Map<String, Grade.Kind> script = new HashMap<>();
    Rubric rubric = new Rubric("resolution", "text", Double.NaN, true, labels(20, 2, 20, 1, script));
    for (int i = 0; i < 30; i++) script.put("f" + i, Grade.Kind.FAIL);
    // 30 of 200 failed (15%): corrected fail rate (0.15 + 0.95 - 1) / 0.85 = 11.8%, pass rate 88.2%
    Verdict v = JudgedGates.passRate(sample(sessions(170, 30, 0), 30), RateClaim.atLeast(0.85), rubric,
        ScriptedGrader.table(script), null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("corrected pass rate on the rubric \"resolution\" 88.2% (uncorrected 85.0% of 200"
        + " graded sessions)");
    assertThat(v.figure(Figure.Kind.RATE).number()).isCloseTo(1 - 0.1 / 0.85, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(judgment(v).corrected()).startsWith(v.figure() + ", interval ");
    assertThat(JudgedGates.passRate(sample(sessions(170, 30, 0), 30), RateClaim.atLeast(0.9), rubric,
        ScriptedGrader.table(script), null, "g").outcome()).isEqualTo(Outcome.BREACHED);
  }

  @Test void correctingWithoutLabelsIsAConfigurationError() {
    Rubric rubric = new Rubric("resolution", "text", Double.NaN, true, List.of());
    Verdict v = JudgedGates.passRate(sample(sessions(100, 0, 0), 30), RateClaim.atLeast(0.9), rubric, SCRIPT, null, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
    assertThat(v.reason()).contains("needs labelled examples of both verdicts");
  }

  @Test void theJudgmentIsMaskedWithTheVerdict() {
    Verdict v = JudgedGates.passRate(sample(sessions(85, 15, 0), 30), RateClaim.atLeast(0.9), RESOLUTION, SCRIPT,
        new Draw(50, 1), "g").mapText(t -> t.replace("30 days", "[masked]").replace("gpt-test", "[model]"));
    assertThat(v.offenders()).allSatisfy(o -> assertThat(o.reason()).doesNotContain("30 days"));
    assertThat(judgment(v).grader().model()).isEqualTo("[model]");
  }
}
