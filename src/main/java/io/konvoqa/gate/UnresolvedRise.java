package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The unresolved rate now against the baseline's, among completed sessions on both sides. Breached
 * when the rise is significantly more than allowed, whatever the sample; otherwise judged only
 * when both sides hold the minimum sample.
 */
final class UnresolvedRise {
  private UnresolvedRise() {}

  static Verdict judge(Comparison c, double allowedRise, String gate) {
    if (!(allowedRise >= 0 && allowedRise <= 1)) {
      throw new ConfigurationException("the allowed rise must be 0%..100% but was " + allowedRise);
    }
    String status = "a status (completed, unresolved)";
    Verdict early = Judging.missing(gate, c.now(), Judging::hasStatus, status);
    if (early == null) early = c.baselineUnfit(Judging.missing(gate, c.baseline(), Judging::hasStatus, status));
    if (early != null) return early;
    List<Session> now = completed(c.now());
    List<Session> base = completed(c.baseline());
    List<Session> unresolved = now.stream().filter(s -> Boolean.TRUE.equals(s.unresolved())).toList();
    long baseHits = base.stream().filter(s -> Boolean.TRUE.equals(s.unresolved())).count();
    int minimum = c.now().minimumSample();
    Outcome outcome = outcome(unresolved.size(), now.size(), baseHits, base.size(), allowedRise, minimum);
    if (outcome == Outcome.INSUFFICIENT_DATA) {
      early = Judging.tooFew(gate, c.now(), now.size(), "completed sessions");
      if (early == null) early = c.baselineUnfit(Judging.tooFew(gate, c.baseline(), base.size(), "completed sessions"));
      return early;
    }
    TwoProportion.Difference d = TwoProportion.difference95(unresolved.size(), now.size(), baseHits, base.size());
    String allowed = TwoProportion.points(allowedRise);
    String figure = "unresolved rate " + Percent.format(d.rate()) + " vs " + Percent.format(d.baselineRate())
        + " in the baseline: " + d.describe();
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.rate("unresolved rate now", rate(d.hits(), d.n()), d.rate()),
        Figure.rate("unresolved rate in the baseline", rate(d.baselineHits(), d.baselineN()), d.baselineRate()),
        new Figure("difference (now - baseline)", TwoProportion.points(d.estimate())),
        new Figure("95% interval of the difference (Newcombe hybrid score)",
            TwoProportion.points(d.low()) + " to " + TwoProportion.points(d.high())),
        new Figure("allowed rise", "at most " + allowed),
        new Figure("compared with the allowed rise", "the lower end of the interval: "
            + TwoProportion.points(d.low())),
        new Figure("baseline", c.baselineLabel()),
        new Figure("sessions now", c.now().describe()),
        new Figure("sessions in the baseline", c.baseline().describe())));
    String reason = outcome == Outcome.PASSED
        ? figure + (d.estimate() > allowedRise ? ": risen by more than the allowed " + allowed + ", but not significantly"
            : ": within the allowed rise of " + allowed)
        : figure + ": risen by significantly more than the allowed " + allowed + " (even the lower end of the"
            + " interval is " + TwoProportion.points(d.low()) + ")"
            + (now.size() < minimum || base.size() < minimum ? ", even with few sessions" : "");
    List<Offender> offenders = outcome == Outcome.PASSED ? List.of()
        : unresolved.stream().map(s -> new Offender(s.id(), "unresolved")).toList();
    Verdict v = Verdict.of(gate, outcome, reason).figure(figure).figures(figures).offenders(offenders).build();
    return unknowns(v, c, unresolved.size(), now.size(), baseHits, base.size(), allowedRise, minimum);
  }

  /** Breached when the rise is significantly more than allowed; else passed on enough sessions. */
  private static Outcome outcome(long hits, long n, long baseHits, long baseN, double allowedRise, int minimum) {
    if (n == 0 || baseN == 0) return Outcome.INSUFFICIENT_DATA;
    if (TwoProportion.difference95(hits, n, baseHits, baseN).low() > allowedRise + 1e-12) return Outcome.BREACHED;
    return n < minimum || baseN < minimum ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
  }

  /** Cannot judge when the sessions either side cannot see could all be unresolved, or none, and that changes it. */
  private static Verdict unknowns(Verdict v, Comparison c, long hits, long n, long baseHits, long baseN,
      double allowedRise, int minimum) {
    Completeness now = c.now().completeness(), base = c.baseline().completeness();
    long u = now.uncertain(), ub = base.uncertain();
    // each side as seen, or with all its unknown sessions unresolved, or none: in every pairing
    List<Outcome> cases = new ArrayList<>();
    for (long[] side : new long[][] {{hits, n}, {hits + u, n + u}, {hits, n + u}}) {
      for (long[] then : new long[][] {{baseHits, baseN}, {baseHits + ub, baseN + ub}, {baseHits, baseN + ub}}) {
        cases.add(outcome(side[0], side[1], then[0], then[1], allowedRise, minimum));
      }
    }
    return Uncertain.unlessAnyDiffers(v, now.plus(base), cases, "with all of them unresolved, or none,"
        + " the gate could end otherwise");
  }

  private static List<Session> completed(Sample sample) {
    return sample.sessions().stream().filter(Session::isCompleted).toList();
  }

  private static String rate(long hits, long n) {
    return Percent.format((double) hits / n) + " (" + Judging.count(hits) + " of " + Judging.count(n)
        + " completed sessions)";
  }
}
