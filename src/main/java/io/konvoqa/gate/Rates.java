package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the verdict of a rate gate: figures, Wilson interval, and the offending sessions (the
 * counted ones for an "at most" claim, the others for an "at least" claim).
 */
final class Rates {
  private Rates() {}

  static Verdict verdict(String gate, RateClaim claim, long hits, long n, String rateName,
      String population, List<Session> offending, Function<Session, String> why, Sample sample) {
    double rate = (double) hits / n;
    Interval interval = Wilson.interval95(hits, n);
    boolean holds = claim.holds(hits, n);
    String figure = rateName + " " + Percent.format(rate) + " of " + Judging.count(n) + " " + population;
    List<Figure> figures = new java.util.ArrayList<>(List.of(
        new Figure(rateName, Percent.format(rate)),
        new Figure("n (" + population + ")", Judging.count(n)),
        new Figure("counted", Judging.count(hits)),
        new Figure("Wilson 95% interval", Percent.format(interval.low()) + " - " + Percent.format(interval.high())),
        new Figure("threshold", claim.describe()),
        claim.compared(hits, n)));
    if (claim.kind() == RateClaim.Kind.CONFIDENT && claim.confidence() != 0.95) {
      Interval at = Wilson.interval(hits, n, claim.confidence());
      figures.add(new Figure("Wilson " + Percent.format(claim.confidence()) + " interval",
          Percent.format(at.low()) + " - " + Percent.format(at.high())));
    }
    figures.add(new Figure("sessions", sample.describe()));
    String reason = holds
        ? figure + " is " + claim.describe()
        : figure + " is not " + claim.describe() + " (Wilson 95%: " + Percent.format(interval.low())
            + " - " + Percent.format(interval.high()) + ")";
    List<Offender> offenders = holds ? List.of()
        : offending.stream().map(s -> new Offender(s.id(), why.apply(s))).toList();
    return new Verdict(gate, holds ? Outcome.PASSED : Outcome.BREACHED, reason, figure, figures,
        offenders, List.of(), null);
  }
}
