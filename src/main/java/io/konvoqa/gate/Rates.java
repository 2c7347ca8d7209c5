package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the verdict of a rate gate: figures, Wilson interval, and the offending sessions (the
 * counted ones for an "at most" claim, the others for an "at least" claim). A rate under the
 * minimum sample is judged only when it misses its limit beyond doubt, and a rate that sessions
 * the gate cannot see could tip either way cannot be judged.
 */
final class Rates {
  private Rates() {}

  /**
   * A rate as a gate measured it.
   *
   * @param name e.g. "unresolved rate"
   * @param population the sessions it is a share of, e.g. "completed sessions"
   * @param counted what a counted session is, e.g. "unresolved"
   * @param sentence the figure as a sentence, when the rate reads better so: a format of the rate
   *     and n, e.g. "%s of %s sessions with a customer message were answered within 30 seconds";
   *     null for "unresolved rate 9.6% of 1,919 completed sessions"
   */
  record Rate(String name, String population, String counted, long hits, long n, String sentence) {
    Rate(String name, String population, String counted, long hits, long n) {
      this(name, population, counted, hits, n, null);
    }

    String figure(RateClaim claim) {
      return sentence == null ? name + " " + claim.rate(hits, n) + " of " + Judging.count(n) + " " + population
          : String.format(java.util.Locale.ROOT, sentence, claim.rate(hits, n), Judging.count(n));
    }

    /** The figure followed by what it is: "... sessions is at most 15%", "... within 30 seconds, which is below 95%". */
    String reason(RateClaim claim, boolean holds, boolean few) {
      return figure(claim) + (sentence == null ? " " : ", which ") + claim.verdict(hits, n, holds, few);
    }
  }

  /** @param offending the counted sessions (or the others, for an "at least" claim), in window order */
  static Verdict verdict(String gate, RateClaim claim, Rate rate, Completeness unknown,
      List<Offender> offending, Scope sample) {
    int minimum = sample.minimumSample();
    Outcome outcome = claim.judge(rate.hits(), rate.n(), minimum);
    if (outcome == Outcome.INSUFFICIENT_DATA) {
      return Judging.tooFew(gate, sample, rate.n(), rate.population());
    }
    String figure = rate.figure(claim);
    boolean few = rate.n() < minimum;
    String reason = rate.reason(claim, outcome == Outcome.PASSED, few);
    List<Figure> figures = figures(claim, rate, sample);
    String changes = Uncertain.rateChanges(claim, rate, unknown, minimum, outcome);
    if (changes != null) {
      return Verdict.of(gate, Outcome.DATA_UNAVAILABLE, Uncertain.couldChange(unknown, reason + changes))
          .figure("not judged: " + figure).figures(figures).build();
    }
    if (!unknown.whole()) figures.add(Uncertain.note(unknown));
    return Verdict.of(gate, outcome, reason).figure(figure).figures(figures)
        .offenders(outcome == Outcome.PASSED ? List.of() : offending).build();
  }

  private static List<Figure> figures(RateClaim claim, Rate rate, Scope sample) {
    long hits = rate.hits(), n = rate.n();
    Interval interval = Wilson.interval95(hits, n);
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.rate(rate.name(), claim.rate(hits, n), (double) hits / n),
        Figure.n("n (" + rate.population() + ")", n),
        Figure.count("counted", hits),
        Figure.interval("Wilson 95% interval", interval),
        Figure.threshold(claim.describe(), claim.limit()),
        claim.compared(hits, n)));
    if (Math.abs(claim.confidence() - 0.95) > 1e-12) {
      Interval at = claim.interval(hits, n);
      figures.add(Figure.interval("Wilson " + claim.level() + " interval", at));
    }
    if (n < sample.minimumSample()) {
      figures.add(new Figure("minimum sample", Judging.count(sample.minimumSample())
          + ": fewer, but the limit is missed beyond doubt"));
    }
    figures.add(new Figure("sessions", sample.describe()));
    return figures;
  }
}
