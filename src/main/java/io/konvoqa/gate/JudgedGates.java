package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gates a language model grades: the share of sessions that pass a rubric, and zero tolerance for
 * a rubric failed. Each grades only the sessions it keeps (a {@link Draw}'s sample, else every
 * session chosen), through the run's {@link Grader}; a session the judge could not grade is never
 * a pass. Offenders are the sessions the judge failed, with its reason.
 */
public final class JudgedGates {
  private JudgedGates() {}

  /**
   * The pass rate on a rubric: "at least" claims count the passes; the others ("at most", "with N%
   * confidence", "not significantly above") count the fails, as the unresolved rate counts the
   * unresolved. Judged on the sessions graded; with {@code correct_for_judge_error}, on the rate
   * corrected for the judge's measured errors ({@link RoganGladen}).
   *
   * @param draw the sample to grade, or null to grade every session chosen
   */
  public static Gate passRate(RateClaim claim, Rubric rubric, Grader grader, Draw draw) {
    java.util.Objects.requireNonNull(claim, "claim");
    return gate -> new Grading(gate, rubric, grader, draw, (name, g, scope) -> rubric.correctForJudgeError()
        ? CorrectedRate.verdict(name, claim, g, scope) : rate(name, claim, g, scope));
  }

  public static Verdict passRate(Sample sample, RateClaim claim, Rubric rubric, Grader grader, Draw draw, String gate) {
    return sample.judge(passRate(claim, rubric, grader, draw), gate);
  }

  /** No session graded fails the rubric: one fail breaches; a judge error leaves it undecided. */
  public static Gate noneFails(Rubric rubric, Grader grader, Draw draw) {
    return gate -> new Grading(gate, rubric, grader, draw, JudgedGates::noneFail);
  }

  public static Verdict noneFails(Sample sample, Rubric rubric, Grader grader, Draw draw, String gate) {
    return sample.judge(noneFails(rubric, grader, draw), gate);
  }

  /** "the rubric \"resolution\"", or "the criterion" for one written inline. */
  static String rubricName(Rubric rubric) {
    return "inline".equals(rubric.name()) ? "the criterion" : "the rubric \"" + rubric.name() + "\"";
  }

  private static Verdict rate(String gate, RateClaim claim, Grading.Grades g, Scope scope) {
    boolean passes = claim.kind() == RateClaim.Kind.AT_LEAST;
    String rubric = rubricName(g.rubric());
    Rates.Rate rate = new Rates.Rate((passes ? "pass rate on " : "fail rate on ") + rubric, "graded sessions",
        passes ? "passed by the judge" : "failed by the judge", passes ? g.passes() : g.fails(), g.graded());
    return Rates.verdict(gate, claim, rate, scope.completeness().plus(g.unknown()), g.failing(), scope);
  }

  private static Verdict noneFail(String gate, Grading.Grades g, Scope scope) {
    String rubric = rubricName(g.rubric());
    if (g.fails() > 0) {
      String reason = String.format(Locale.ROOT, "%,d of %,d graded sessions fail %s", g.fails(), g.graded(), rubric);
      return Verdict.of(gate, Outcome.BREACHED, reason).figure(reason).figures(List.of(
          Figure.count("sessions failing " + rubric, g.fails()), Figure.n("n (graded sessions)", g.graded()),
          new Figure("sessions", scope.describe()))).offenders(g.failing()).build();
    }
    Verdict few = Judging.tooFew(gate, scope, g.graded(), "graded sessions");
    if (few != null) return few;
    String reason = String.format(Locale.ROOT, "none of the %,d graded sessions fails %s", g.graded(), rubric);
    List<Figure> figures = new ArrayList<>(List.of(Figure.count("sessions failing " + rubric, 0),
        Figure.n("n (graded sessions)", g.graded()), new Figure("sessions", scope.describe())));
    Verdict passed = Verdict.of(gate, Outcome.PASSED, reason).figure("none of " + Judging.count(g.graded()) + " fails")
        .figures(figures).build();
    return Uncertain.absence(passed, scope.completeness().plus(g.unknown()));
  }
}
