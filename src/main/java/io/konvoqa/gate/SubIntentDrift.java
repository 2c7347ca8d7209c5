package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

  static Gate gate(double allowed, boolean noiseIncluded, Baseline baseline) {
    return gate -> new AgainstBaseline(gate, baseline) {
      final Counted now = new Counted(true);

      @Override public void add(SessionView session) {
        now.add(session);
      }

      @Override Verdict judge(Scope scope, Baseline.Side base) {
        Counted then = new Counted(false);
        then.addAll(base.sample());
        return SubIntentDrift.judge(gate, allowed, noiseIncluded, new Sides(scope, base.scope(), base), now, then);
      }
    };
  }

  /** Both sides' scopes, and the baseline as loaded. */
  private record Sides(Scope now, Scope then, Baseline.Side base) {}

  /** One side: its sessions per sub_intent_type; now, also each session's, for the offenders. */
  private static final class Counted extends AgainstBaseline.Side {
    final Map<String, Long> counts = new TreeMap<>();
    final Spellings spellings = new Spellings();
    /** Id and sub_intent_type of each session, in window order; only kept now. */
    final List<String> typed;
    /** One copy of each sub_intent_type as sent, shared by the sessions that have it. */
    private final Map<String, String> sent = new HashMap<>();

    Counted(boolean keep) {
      super(Need.STATE);
      typed = keep ? new ArrayList<>() : null;
    }

    @Override void take(SessionView v) {
      String value = v.session().subIntentType();
      counts.merge(Spellings.key(value), 1L, Long::sum);
      spellings.add(value, 1);
      if (typed != null) {
        typed.add(v.id());
        typed.add(value == null ? null : sent.computeIfAbsent(value, same -> same));
      }
    }

    Distribution distribution() {
      return new Distribution(counts, spellings);
    }
  }

  private static Verdict judge(String gate, double allowed, boolean noiseIncluded, Sides c, Counted nowSide,
      Counted thenSide) {
    if (!(allowed >= 0 && allowed <= 1)) {
      throw new ConfigurationException("the allowed drift must be 0%..100% but was " + allowed);
    }
    Verdict early = nowSide.missing(gate, Need.STATE);
    if (early == null) early = c.base().unfit(thenSide.missing(gate, Need.STATE));
    if (early == null && c.now().size() == 0) early = Judging.tooFew(gate, c.now(), 0, "sessions");
    if (early == null && c.then().size() == 0) early = c.base().unfit(Judging.tooFew(gate, c.then(), 0, "sessions"));
    if (early != null) return early;

    Distribution now = nowSide.distribution();
    Distribution base = thenSide.distribution();
    double distance = now.totalVariation(base);
    double noise = now.noise(base, NOISE_QUANTILE);
    double beyond = Math.max(0, distance - noise);
    double compared = noiseIncluded ? distance : beyond;
    Outcome outcome = outcome(compared, beyond, allowed, c);
    if (outcome == Outcome.INSUFFICIENT_DATA) {
      early = Judging.tooFew(gate, c.now(), c.now().size(), "sessions");
      return early != null ? early : c.base().unfit(Judging.tooFew(gate, c.then(), c.then().size(), "sessions"));
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
    List<Offender> offenders = outcome == Outcome.BREACHED ? offenders(nowSide, moves) : List.of();
    List<Segment> segments = segments(moves, outcome);
    Verdict v = Verdict.of(gate, outcome, figure + verdict + "; moved most: " + movers(moves)).figure(figure)
        .figures(figures).offenders(offenders).evidence(segments.isEmpty() ? null : new SegmentTable(segments)).build();
    return unknowns(v, c, compared, beyond, allowed);
  }

  /** Passed or breached on the figure compared; a small side is judged only on a significant drift. */
  private static Outcome outcome(double compared, double beyond, double allowed, Sides c) {
    int minimum = c.now().minimumSample();
    if (c.now().size() < minimum || c.then().size() < minimum) {
      return beyond > allowed + 1e-12 ? Outcome.BREACHED : Outcome.INSUFFICIENT_DATA;
    }
    return compared > allowed + 1e-12 ? Outcome.BREACHED : Outcome.PASSED;
  }

  /**
   * Sessions either side cannot see move the distance by at most their share of that side: the
   * verdict stands when it holds with the distance that much higher and that much lower.
   */
  private static Verdict unknowns(Verdict v, Sides c, double compared, double beyond, double allowed) {
    Completeness un = c.now().completeness(), ub = c.then().completeness();
    double shift = share(un, c.now()) + share(ub, c.then());
    List<Outcome> cases = List.of(outcome(compared + shift, beyond + shift, allowed, c),
        outcome(Math.max(0, compared - shift), Math.max(0, beyond - shift), allowed, c));
    return Uncertain.unlessAnyDiffers(v, un.plus(ub), cases, "they could move the distance by up to "
        + Percent.format(shift));
  }

  private static double share(Completeness unknown, Scope side) {
    return unknown.whole() ? 0 : (double) unknown.uncertain() / (side.size() + unknown.uncertain());
  }

  private static List<Figure> figures(Sides c, double distance, double noise, double beyond,
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
    figures.add(new Figure("baseline", c.base().label()));
    figures.add(new Figure("sessions now", c.now().describe()));
    figures.add(new Figure("sessions in the baseline", c.then().describe()));
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

  /** When breached, the sessions now in the sub_intent_types that grew most (or are new), in window order. */
  private static List<Offender> offenders(Counted now, List<Distribution.Move> moves) {
    List<String> grown = moves.stream().limit(TOP_MOVERS).filter(m -> m.change() > 1e-12)
        .map(m -> Spellings.key(m.value())).toList();
    List<Offender> offenders = new ArrayList<>();
    for (int i = 0; i < now.typed.size(); i += 2) {
      String type = now.typed.get(i + 1);
      if (grown.contains(Spellings.key(type))) {
        offenders.add(new Offender(now.typed.get(i), "sub_intent_type " + Judging.label(type)
            + ", which grew against the baseline"));
      }
    }
    return offenders;
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
