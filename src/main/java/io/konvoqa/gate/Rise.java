package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * A rate now against the baseline's (the unresolved rate, the handover rate). Breached when the
 * rise is significantly more than allowed, whatever the sample; otherwise judged only when both
 * sides hold the minimum sample. Units either side cannot see as they are could all be counted,
 * or none: the verdict stands only when it is the same in every such case.
 */
final class Rise {
  private Rise() {}

  /**
   * What a rise gate compares, in the words its verdict uses.
   *
   * @param rate e.g. "unresolved rate"
   * @param population e.g. "completed sessions"
   * @param counted what a counted session is, e.g. "unresolved"
   */
  record Words(String rate, String population, String counted) {}

  /**
   * One side counted: {@code hits} of {@code n}, the counted sessions, and what it cannot see as it is.
   */
  record Side(long hits, long n, List<Offender> counted, Completeness unknown) {}

  static void checkAllowed(double allowedRise) {
    if (!(allowedRise >= 0 && allowedRise <= 1)) {
      throw new ConfigurationException("the allowed rise must be 0%..100% but was " + allowedRise);
    }
  }

  static Verdict judge(Scope scope, Baseline.Side baseline, double allowedRise, Words words, Side now, Side base,
      String gate) {
    int minimum = scope.minimumSample();
    Outcome outcome = outcome(now.hits(), now.n(), base.hits(), base.n(), allowedRise, minimum);
    if (outcome == Outcome.INSUFFICIENT_DATA) {
      Verdict early = Judging.tooFew(gate, scope, now.n(), words.population());
      if (early == null) early = baseline.unfit(Judging.tooFew(gate, baseline.scope(), base.n(), words.population()));
      return early;
    }
    TwoProportion.Difference d = TwoProportion.difference95(now.hits(), now.n(), base.hits(), base.n());
    String allowed = TwoProportion.points(allowedRise);
    String figure = words.rate() + " " + Percent.format(d.rate()) + " vs " + Percent.format(d.baselineRate())
        + " in the baseline: " + d.describe();
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.rate(words.rate() + " now", rate(d.hits(), d.n(), words), d.rate()),
        Figure.rate(words.rate() + " in the baseline", rate(d.baselineHits(), d.baselineN(), words), d.baselineRate()),
        new Figure("difference (now - baseline)", TwoProportion.points(d.estimate())),
        new Figure("95% interval of the difference (Newcombe hybrid score)",
            TwoProportion.points(d.low()) + " to " + TwoProportion.points(d.high())),
        new Figure("allowed rise", "at most " + allowed),
        new Figure("compared with the allowed rise", "the lower end of the interval: "
            + TwoProportion.points(d.low())),
        new Figure("baseline", baseline.label()),
        new Figure("sessions now", scope.describe()),
        new Figure("sessions in the baseline", baseline.sample().describe())));
    String reason = outcome == Outcome.PASSED
        ? figure + (d.estimate() > allowedRise ? ": risen by more than the allowed " + allowed + ", but not significantly"
            : ": within the allowed rise of " + allowed)
        : figure + ": risen by significantly more than the allowed " + allowed + " (even the lower end of the"
            + " interval is " + TwoProportion.points(d.low()) + ")"
            + (now.n() < minimum || base.n() < minimum ? ", even with few sessions" : "");
    List<Offender> offenders = outcome == Outcome.PASSED ? List.of() : now.counted();
    Verdict v = Verdict.of(gate, outcome, reason).figure(figure).figures(figures).offenders(offenders).build();
    return unknowns(v, now, base, allowedRise, minimum, words);
  }

  /** Breached when the rise is significantly more than allowed; else passed on enough sessions. */
  private static Outcome outcome(long hits, long n, long baseHits, long baseN, double allowedRise, int minimum) {
    if (n == 0 || baseN == 0) return Outcome.INSUFFICIENT_DATA;
    if (TwoProportion.difference95(hits, n, baseHits, baseN).low() > allowedRise + 1e-12) return Outcome.BREACHED;
    return n < minimum || baseN < minimum ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
  }

  /** Cannot judge when the sessions either side cannot see could all be counted, or none, and that changes it. */
  private static Verdict unknowns(Verdict v, Side now, Side base, double allowedRise, int minimum, Words words) {
    long hits = now.hits(), n = now.n(), baseHits = base.hits(), baseN = base.n();
    long u = now.unknown().uncertain(), ub = base.unknown().uncertain();
    // each side as seen, or with all its unknown sessions counted, or none: in every pairing
    List<Outcome> cases = new ArrayList<>();
    for (long[] side : new long[][] {{hits, n}, {hits + u, n + u}, {hits, n + u}}) {
      for (long[] then : new long[][] {{baseHits, baseN}, {baseHits + ub, baseN + ub}, {baseHits, baseN + ub}}) {
        cases.add(outcome(side[0], side[1], then[0], then[1], allowedRise, minimum));
      }
    }
    return Uncertain.unlessAnyDiffers(v, now.unknown().plus(base.unknown()), cases, "with all of them "
        + words.counted() + ", or none, the gate could end otherwise");
  }

  private static String rate(long hits, long n, Words words) {
    return Percent.format((double) hits / n) + " (" + Judging.count(hits) + " of " + Judging.count(n)
        + " " + words.population() + ")";
  }
}
