package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/** The unresolved rate now against the baseline's, among completed sessions on both sides. */
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
    early = Judging.tooFew(gate, c.now(), now.size(), "completed sessions");
    if (early == null) early = c.baselineUnfit(Judging.tooFew(gate, c.baseline(), base.size(), "completed sessions"));
    if (early != null) return early;

    List<Session> unresolved = now.stream().filter(s -> Boolean.TRUE.equals(s.unresolved())).toList();
    long baseHits = base.stream().filter(s -> Boolean.TRUE.equals(s.unresolved())).count();
    TwoProportion.Difference d = TwoProportion.difference95(unresolved.size(), now.size(), baseHits, base.size());
    boolean breached = d.low() > allowedRise + 1e-12;
    String figure = "unresolved rate " + Percent.format(d.rate()) + " vs " + Percent.format(d.baselineRate())
        + " in the baseline: " + d.describe();
    List<Figure> figures = new ArrayList<>(List.of(
        new Figure("unresolved rate now", rate(d.hits(), d.n())),
        new Figure("unresolved rate in the baseline", rate(d.baselineHits(), d.baselineN())),
        new Figure("difference (now - baseline)", TwoProportion.points(d.estimate())),
        new Figure("95% interval of the difference (Newcombe hybrid score)",
            TwoProportion.points(d.low()) + " to " + TwoProportion.points(d.high())),
        new Figure("allowed rise", "at most " + TwoProportion.points(allowedRise)),
        new Figure("compared with the allowed rise", "the lower end of the interval: "
            + TwoProportion.points(d.low())),
        new Figure("baseline", c.baselineLabel()),
        new Figure("sessions now", c.now().describe()),
        new Figure("sessions in the baseline", c.baseline().describe())));
    if (!breached) {
      String reason = figure + (d.estimate() > allowedRise
          ? ": above the allowed " + TwoProportion.points(allowedRise) + ", but not significantly"
          : ": within the allowed rise of " + TwoProportion.points(allowedRise));
      return new Verdict(gate, Outcome.PASSED, reason, figure, figures, List.of(), List.of(), null);
    }
    String reason = figure + ": risen by significantly more than the allowed "
        + TwoProportion.points(allowedRise) + " (even the lower end of the interval is "
        + TwoProportion.points(d.low()) + ")";
    List<Offender> offenders = unresolved.stream().map(s -> new Offender(s.id(), "unresolved")).toList();
    return new Verdict(gate, Outcome.BREACHED, reason, figure, figures, offenders, List.of(), null);
  }

  private static List<Session> completed(Sample sample) {
    return sample.sessions().stream().filter(Session::isCompleted).toList();
  }

  private static String rate(long hits, long n) {
    return Percent.format((double) hits / n) + " (" + Judging.count(hits) + " of " + Judging.count(n)
        + " completed sessions)";
  }
}
