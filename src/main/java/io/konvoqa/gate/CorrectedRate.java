package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A judged pass rate corrected for the judge's errors as the rubric's labels measure them
 * (Rogan–Gladen, clipped to [0, 1], with the Lang–Reiczigel interval), judged against the claim;
 * the uncorrected rate is always shown beside it. Judge errors count as unknown sessions: when
 * they could change the outcome the gate cannot judge.
 */
final class CorrectedRate {
  private CorrectedRate() {}

  static Verdict verdict(String gate, RateClaim claim, Grading.Grades g, Scope scope) {
    Calibration c = g.calibration();
    if (c == null || c.humanFails() == 0 || c.humanPasses() == 0) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, "the rubric '" + g.rubric().name()
          + "' asks to correct for judge error, which needs labelled examples of both verdicts the judge could grade"
          + (c == null ? ", and it has none" : ", and it has " + c.humanFails() + " human fails and " + c.humanPasses()
          + " human passes") + ": cannot judge " + gate + "; add labels (rubrics/" + g.rubric().name() + ".labels.jsonl)");
    }
    long n = g.graded();
    if (n < scope.minimumSample()) return Judging.tooFew(gate, scope, n, "graded sessions");
    RoganGladen.Corrected corrected;
    try {
      corrected = RoganGladen.correct(g.fails(), n, c, claim.confidence());
    } catch (IllegalArgumentException e) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, e.getMessage() + ": cannot judge " + gate
          + " corrected for judge error; sharpen the rubric '" + g.rubric().name() + "' or use another model");
    }
    boolean holds = holds(claim, corrected);
    boolean passes = claim.kind() == RateClaim.Kind.AT_LEAST;
    String what = (passes ? "corrected pass rate on " : "corrected fail rate on ") + JudgedGates.rubricName(g.rubric());
    double shown = passes ? 1 - corrected.rate() : corrected.rate();
    Interval interval = passes
        ? new Interval(1 - corrected.interval().high(), 1 - corrected.interval().low(), corrected.interval().confidence())
        : corrected.interval();
    double uncorrected = (double) (passes ? g.passes() : g.fails()) / n;
    String figure = what + " " + Percent.against(shown, claim.limit()) + " (uncorrected " + Percent.format(uncorrected)
        + " of " + Judging.count(n) + " graded sessions)";
    String reason = figure + " " + (holds ? "keeps" : "misses") + " the claim " + claim.describe() + " (Lang–Reiczigel "
        + Percent.written(interval.confidence()) + ": " + Percent.format(interval.low()) + " - "
        + Percent.format(interval.high()) + "; judge " + c.describe() + ")";
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.rate(what, Percent.against(shown, claim.limit()), shown),
        Figure.rate(passes ? "uncorrected pass rate" : "uncorrected fail rate", Percent.format(uncorrected), uncorrected),
        Figure.interval("Lang–Reiczigel " + Percent.written(interval.confidence()) + " interval", interval),
        Figure.n("n (graded sessions)", n),
        Figure.threshold(claim.describe(), claim.limit()),
        new Figure("sessions", scope.describe())));
    Outcome outcome = holds ? Outcome.PASSED : Outcome.BREACHED;
    Judgment judgment = g.corrected(figure + ", interval " + Percent.format(interval.low()) + " - "
        + Percent.format(interval.high()));
    String changes = changes(claim, g, c, outcome);
    Completeness unknown = scope.completeness().plus(g.unknown());
    if (changes != null) {
      return Verdict.of(gate, Outcome.DATA_UNAVAILABLE, Uncertain.couldChange(unknown, reason + changes))
          .figure("not judged: " + figure).figures(figures).evidence(judgment).build();
    }
    if (!unknown.whole()) figures.add(Uncertain.note(unknown));
    return Verdict.of(gate, outcome, reason).figure(figure).figures(figures).evidence(judgment)
        .offenders(holds ? List.of() : g.failing()).build();
  }

  private static boolean holds(RateClaim claim, RoganGladen.Corrected c) {
    double limit = claim.limit();
    return switch (claim.kind()) {
      case AT_LEAST -> 1 - c.rate() >= limit - 1e-12;
      case POINT -> c.rate() <= limit + 1e-12;
      case CONFIDENT -> c.interval().high() <= limit + 1e-12;
      case NOT_SIGNIFICANTLY_ABOVE -> c.interval().low() <= limit + 1e-12;
    };
  }

  /** Null when the outcome is the same whether the sessions the judge could not grade all fail or all pass. */
  private static String changes(RateClaim claim, Grading.Grades g, Calibration c, Outcome outcome) {
    if (g.errors() == 0) return null;
    long n = g.graded() + g.errors();
    List<String> differ = new ArrayList<>();
    boolean allFail = holds(claim, RoganGladen.correct(g.fails() + g.errors(), n, c, claim.confidence()));
    if ((allFail ? Outcome.PASSED : Outcome.BREACHED) != outcome) {
      differ.add(String.format(Locale.ROOT, "if all %,d failed, the gate %s", g.errors(), allFail ? "would pass" : "would be breached"));
    }
    boolean nonFail = holds(claim, RoganGladen.correct(g.fails(), n, c, claim.confidence()));
    if ((nonFail ? Outcome.PASSED : Outcome.BREACHED) != outcome) {
      differ.add(String.format(Locale.ROOT, "if all %,d passed, the gate %s", g.errors(), nonFail ? "would pass" : "would be breached"));
    }
    return differ.isEmpty() ? null : "; " + String.join("; ", differ);
  }
}
