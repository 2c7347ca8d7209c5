package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sub_intent_type distribution now against the baseline's, by total variation distance.
 *
 * <p>Two samples of one and the same distribution lie apart by chance: with 8 sub_intent_types
 * and 100 sessions a side, by about 14%. So the default claim takes the noise away first (the 95th
 * percentile of the distance between random splits of both sides pooled, see {@link DriftNoise})
 * and fails only when what is left is above the limit: the drift is significantly more than
 * allowed. The strict claim ("noise included") compares the measured distance itself.
 */
final class SubIntentDrift {
  private SubIntentDrift() {}

  static final int TOP_MOVERS = 5;
  private static final double NOISE_QUANTILE = 0.95;

  static Verdict judge(Comparison c, double allowed, boolean noiseIncluded, String gate) {
    if (!(allowed >= 0 && allowed <= 1)) {
      throw new ConfigurationException("the allowed drift must be 0%..100% but was " + allowed);
    }
    String state = "a state (sub_intent_type)";
    Verdict early = Judging.missing(gate, c.now(), Judging::hasState, state);
    if (early == null) early = c.baselineUnfit(Judging.missing(gate, c.baseline(), Judging::hasState, state));
    if (early == null && c.now().size() == 0) early = Judging.tooFew(gate, c.now(), 0, "sessions");
    if (early == null && c.baseline().size() == 0) early = c.baselineUnfit(Judging.tooFew(gate, c.baseline(), 0, "sessions"));
    if (early != null) return early;

    Distribution now = Distribution.of(c.now().sessions(), Session::subIntentType);
    Distribution base = Distribution.of(c.baseline().sessions(), Session::subIntentType);
    double distance = now.totalVariation(base);
    double noise = now.noise(base, NOISE_QUANTILE);
    double beyond = Math.max(0, distance - noise);
    double compared = noiseIncluded ? distance : beyond;
    Outcome outcome = outcome(compared, beyond, allowed, c);
    if (outcome == Outcome.INSUFFICIENT_DATA) {
      early = Judging.tooFew(gate, c.now(), c.now().size(), "sessions");
      return early != null ? early : c.baselineUnfit(Judging.tooFew(gate, c.baseline(), c.baseline().size(), "sessions"));
    }
    List<Distribution.Move> moves = now.movesFrom(base);
    String figure = "sub_intent_type drift " + (noiseIncluded ? Percent.against(distance, allowed)
        : Percent.format(distance)) + " (total variation distance)";
    String limit = Percent.written(allowed);
    String noiseText = Percent.format(noise) + " that noise alone reaches at these sample sizes leaves "
        + Percent.against(beyond, allowed);
    String verdict = noiseIncluded
        ? (outcome == Outcome.BREACHED ? " is more than the allowed " : " is within the allowed ") + limit + ", noise included"
        : outcome == Outcome.BREACHED
            ? " is significantly more than the allowed " + limit + ": even taking away the " + noiseText
            : " is not significantly more than the allowed " + limit + ": taking away the " + noiseText;
    List<Figure> figures = figures(c, distance, noise, beyond, allowed, noiseIncluded, moves);
    List<Offender> offenders = outcome == Outcome.BREACHED ? offenders(c, moves) : List.of();
    List<Segment> segments = segments(moves, outcome);
    Verdict v = Verdict.of(gate, outcome, figure + verdict + "; moved most: " + movers(moves)).figure(figure)
        .figures(figures).offenders(offenders).evidence(segments.isEmpty() ? null : new SegmentTable(segments)).build();
    return unknowns(v, c, compared, beyond, allowed);
  }

  /** Passed or breached on the figure compared; a small side is judged only on a significant drift. */
  private static Outcome outcome(double compared, double beyond, double allowed, Comparison c) {
    int minimum = c.now().minimumSample();
    if (c.now().size() < minimum || c.baseline().size() < minimum) {
      return beyond > allowed + 1e-12 ? Outcome.BREACHED : Outcome.INSUFFICIENT_DATA;
    }
    return compared > allowed + 1e-12 ? Outcome.BREACHED : Outcome.PASSED;
  }

  /**
   * Sessions either side cannot see move the distance by at most their share of that side: the
   * verdict stands when it holds with the distance that much higher and that much lower.
   */
  private static Verdict unknowns(Verdict v, Comparison c, double compared, double beyond, double allowed) {
    Completeness un = c.now().completeness(), ub = c.baseline().completeness();
    double shift = share(un, c.now()) + share(ub, c.baseline());
    List<Outcome> cases = List.of(outcome(compared + shift, beyond + shift, allowed, c),
        outcome(Math.max(0, compared - shift), Math.max(0, beyond - shift), allowed, c));
    return Uncertain.unlessAnyDiffers(v, un.plus(ub), cases, "they could move the distance by up to "
        + Percent.format(shift));
  }

  private static double share(Completeness unknown, Sample side) {
    return unknown.whole() ? 0 : (double) unknown.uncertain() / (side.size() + unknown.uncertain());
  }

  private static List<Figure> figures(Comparison c, double distance, double noise, double beyond,
      double allowed, boolean noiseIncluded, List<Distribution.Move> moves) {
    List<Figure> figures = new ArrayList<>(List.of(
        Figure.rate("total variation distance", Percent.format(distance), distance),
        new Figure("allowed drift", "at most " + Percent.written(allowed) + (noiseIncluded ? ", noise included" : "")),
        new Figure("drift from noise alone (95th percentile of " + String.format(Locale.ROOT, "%,d",
            DriftNoise.PERMUTATIONS) + " seeded permutations)", Percent.format(noise)),
        Figure.rate("drift beyond noise (at least)", Percent.format(beyond), beyond),
        new Figure("compared with the allowed drift", noiseIncluded ? "the distance itself" : "the drift beyond noise"),
        new Figure("moved most", movers(moves)),
        new Figure("new sub_intent_types", list(moves.stream().filter(Distribution.Move::isNew).toList())),
        new Figure("vanished sub_intent_types", list(moves.stream().filter(Distribution.Move::vanished).toList()))));
    for (Distribution.Move m : moves) {
      figures.add(new Figure("sub_intent_type " + m.value(), share(m.share(), m.count()) + " now, "
          + share(m.baselineShare(), m.baselineCount()) + " in the baseline ("
          + TwoProportion.points(m.change()) + ")"));
    }
    figures.add(new Figure("baseline", c.baselineLabel()));
    figures.add(new Figure("sessions now", c.now().describe()));
    figures.add(new Figure("sessions in the baseline", c.baseline().describe()));
    return figures;
  }

  /** The biggest changes, e.g. "CONCIERGE +9.5 points, RETURN_REQUEST -6.0 points (vanished)". */
  private static String movers(List<Distribution.Move> moves) {
    List<String> top = new ArrayList<>();
    for (Distribution.Move m : moves.subList(0, Math.min(TOP_MOVERS, moves.size()))) {
      if (Math.abs(m.change()) < 1e-12) break;
      top.add(m.value() + " " + TwoProportion.points(m.change())
          + (m.isNew() ? " (new)" : m.vanished() ? " (vanished)" : ""));
    }
    return top.isEmpty() ? "none" : String.join(", ", top);
  }

  private static String list(List<Distribution.Move> moves) {
    return moves.isEmpty() ? "none" : String.join(", ", moves.stream().map(Distribution.Move::value).toList());
  }

  private static String share(double share, long count) {
    return String.format(Locale.ROOT, "%s (%,d)", Percent.format(share), count);
  }

  /** When breached, the sessions now in the sub_intent_types that grew most (or are new). */
  private static List<Offender> offenders(Comparison c, List<Distribution.Move> moves) {
    List<String> grown = moves.stream().limit(TOP_MOVERS).filter(m -> m.change() > 1e-12)
        .map(m -> Spellings.key(m.value())).toList();
    return c.now().sessions().stream().filter(s -> grown.contains(Spellings.key(s.subIntentType())))
        .map(s -> new Offender(s.id(), "sub_intent_type " + Judging.label(s.subIntentType())
            + ", which grew against the baseline")).toList();
  }

  private static List<Segment> segments(List<Distribution.Move> moves, Outcome outcome) {
    List<Segment> segments = new ArrayList<>();
    for (Distribution.Move m : moves) {
      segments.add(new Segment(m.value(), m.count(), m.share(), outcome, "now " + TwoProportion.points(m.change())));
      segments.add(new Segment(m.value(), m.baselineCount(), m.baselineShare(), Outcome.PASSED, "baseline"));
    }
    return segments;
  }
}
