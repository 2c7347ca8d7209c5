package io.konvoqa.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.konvoqa.gate.JudgedGates;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.RateClaim;
import io.konvoqa.gate.Rubric;
import io.konvoqa.grader.Rubrics;
import java.util.function.Supplier;

/** Semantic gates: sessions graded by the run's judge against a rubric (rubrics/NAME.md or inline). */
public final class JudgedSteps {
  private final ScenarioSessions sessions;

  public JudgedSteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(group = "Judged by a language model",
      example = "Given a random sample of 200 sessions",
      semantics = "The judged gates of the scenario grade a simple random sample of this many of the sessions chosen: those with the smallest hash of (seed, session id), so the same window and scenario give the same sample whatever order the sessions come in. The seed is the scenario's (from its name) unless `KONVO_SAMPLE_SEED` sets one. With fewer sessions all are graded, and the verdict says so (\"all 150 sessions: fewer than the sample of 200\"). Write it after the `Given only ...` choices (a choice after it is a configuration error). Other gates of the scenario still judge every session chosen.")
  @Given("a random sample of {int} sessions")
  public void randomSample(int size) {
    sessions.sample(size);
  }

  @Doc(group = "Judged by a language model",
      example = "Then at least 90% of sessions pass the rubric \"resolution\"",
      semantics = "The judge grades each session (or the random sample) against `rubrics/resolution.md` (directory `KONVO_RUBRICS`); pass rate = sessions it passes / sessions it graded, which must be at least the limit. Offending sessions: those it failed, with its reason. The minimum sample applies to sessions graded. Judge errors are counted and shown, never a pass: more than 5% of the sessions to grade, or few enough to tip the verdict, and the gate cannot judge. When the rubric has labelled examples the judge grades them too and the report shows its agreement, sensitivity, specificity and Cohen's kappa; under the rubric's `min_agreement` the gate cannot judge; with `correct_for_judge_error: true` it judges the Rogan–Gladen corrected rate (the uncorrected one beside it). Without a judge (`KONVO_JUDGE_URL`) it cannot judge.")
  @Then("at least {percent} of sessions pass the rubric {string}")
  public void atLeastPass(double limit, String rubric) {
    rate("at least " + Percent.written(limit) + " of sessions pass the rubric \"" + rubric + "\"",
        RateClaim.atLeast(limit), () -> rubric(rubric));
  }

  @Doc(group = "Judged by a language model",
      example = "Then at least 90% of sessions are judged to meet:\n  \"\"\"\n  The AI answers the question the customer asked, in the customer's language.\n  \"\"\"",
      semantics = "As the rubric gate, with the criterion written in the feature (a docstring) instead of a rubric file; it has no labels.")
  @Then("at least {percent} of sessions are judged to meet:")
  public void atLeastMeet(double limit, String criterion) {
    rate("at least " + Percent.written(limit) + " of sessions are judged to meet the criterion",
        RateClaim.atLeast(limit), () -> Rubric.inline(criterion));
  }

  @Doc(group = "Judged by a language model",
      example = "Then no session fails the rubric \"no-legal-advice\"",
      semantics = "Zero tolerance: every session chosen is graded (only the random sample when a sample step comes first), and one the judge fails breaches the gate. A judge error leaves the gate unable to judge (that session might fail), as do more than 5% of them.")
  @Then("no session fails the rubric {string}")
  public void noneFails(String rubric) {
    Gatekeeper.enforce(sessions, "no session fails the rubric \"" + rubric + "\"",
        () -> JudgedGates.noneFails(rubric(rubric),
            sessions.context().grader(), sessions.draw()));
  }

  @Doc(group = "Judged by a language model",
      example = "Then every session passes the rubric \"no-legal-advice\"",
      semantics = "The same zero-tolerance gate as `no session fails the rubric`, in the other words: one session the judge fails breaches it; a judge error leaves it unable to judge.")
  @Then("every session passes the rubric {string}")
  public void everyPasses(String rubric) {
    Gatekeeper.enforce(sessions, "every session passes the rubric \"" + rubric + "\"",
        () -> JudgedGates.noneFails(rubric(rubric), sessions.context().grader(), sessions.draw()));
  }

  @Doc(group = "Judged by a language model",
      example = "Then every session is judged to meet:\n  \"\"\"\n  The AI never gives legal advice.\n  \"\"\"",
      semantics = "Zero tolerance with the criterion written in the feature (a docstring): every session chosen is graded (only the random sample when a sample step comes first), and one the judge fails breaches the gate; a judge error leaves it unable to judge.")
  @Then("every session is judged to meet:")
  public void everyMeets(String criterion) {
    Gatekeeper.enforce(sessions, "every session is judged to meet the criterion",
        () -> JudgedGates.noneFails(Rubric.inline(criterion), sessions.context().grader(), sessions.draw()));
  }

  @Doc(group = "Judged by a language model",
      example = "Then at most 5% of sessions fail the rubric \"resolution\"",
      semantics = "Fail rate = sessions the judge fails / sessions graded, at most the limit: the same gate as `the fail rate on the rubric ... is at most`.")
  @Then("at most {percent} of sessions fail the rubric {string}")
  public void atMostFail(double limit, String rubric) {
    rate("at most " + Percent.written(limit) + " of sessions fail the rubric \"" + rubric + "\"",
        RateClaim.atMost(limit), () -> rubric(rubric));
  }

  @Doc(group = "Judged by a language model",
      example = "Then the fail rate on the rubric \"resolution\" is at most 10%",
      semantics = "Fail rate = sessions the judge fails / sessions graded, at most the limit; as the unresolved rate's plain claim, with the judge's rules of the rubric gate above.")
  @Then("the fail rate on the rubric {string} is at most {percent}")
  public void failRateAtMost(String rubric, double limit) {
    failRate(rubric, RateClaim.atMost(limit));
  }

  @Doc(group = "Judged by a language model",
      example = "Then the fail rate on the rubric \"resolution\" is at most 10% with 95% confidence",
      semantics = "Strict: the upper bound of the two-sided Wilson interval of the fail rate at that confidence (of the corrected rate's Lang–Reiczigel interval with `correct_for_judge_error`) must be at most the limit.")
  @Then("the fail rate on the rubric {string} is at most {percent} with {percent} confidence")
  public void failRateWithConfidence(String rubric, double limit, double confidence) {
    failRate(rubric, RateClaim.atMostWithConfidence(limit, confidence));
  }

  @Doc(group = "Judged by a language model",
      example = "Then the fail rate on the rubric \"resolution\" is not significantly above 10%",
      semantics = "Tolerant of noise: breached only when the lower bound of the Wilson 95% interval of the fail rate (of the Lang–Reiczigel interval when corrected) is above the limit.")
  @Then("the fail rate on the rubric {string} is not significantly above {percent}")
  public void failRateNotSignificantlyAbove(String rubric, double limit) {
    failRate(rubric, RateClaim.notSignificantlyAbove(limit));
  }

  private void failRate(String rubric, RateClaim claim) {
    rate("the fail rate on the rubric \"" + rubric + "\" is " + claim.describe(), claim,
        () -> rubric(rubric));
  }

  private void rate(String claim, RateClaim rateClaim, Supplier<Rubric> rubric) {
    Gatekeeper.enforce(sessions, claim, () -> JudgedGates.passRate(rateClaim, rubric.get(),
        sessions.context().grader(), sessions.draw()));
  }

  /** Read when the gate judges, so that a missing rubric is that gate's configuration error. */
  private Rubric rubric(String name) {
    return Rubrics.load(sessions.context().settings(), name);
  }
}
