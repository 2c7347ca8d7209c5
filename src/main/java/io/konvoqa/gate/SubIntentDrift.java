package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sub_intent_type distribution now against the baseline's, by total variation distance. */
final class SubIntentDrift {
  private SubIntentDrift() {}

  static final int TOP_MOVERS = 5;

  static Verdict judge(Comparison c, double allowed, String gate) {
    if (!(allowed >= 0 && allowed <= 1)) {
      throw new ConfigurationException("the allowed drift must be 0%..100% but was " + allowed);
    }
    String state = "a state (sub_intent_type)";
    Verdict early = Judging.missing(gate, c.now(), Judging::hasState, state);
    if (early == null) early = c.baselineUnfit(Judging.missing(gate, c.baseline(), Judging::hasState, state));
    if (early == null) early = Judging.tooFew(gate, c.now(), c.now().size(), "sessions");
    if (early == null) early = c.baselineUnfit(Judging.tooFew(gate, c.baseline(), c.baseline().size(), "sessions"));
    if (early != null) return early;

    Distribution now = Distribution.of(c.now().sessions(), Session::subIntentType);
    Distribution base = Distribution.of(c.baseline().sessions(), Session::subIntentType);
    double distance = now.totalVariation(base);
    boolean breached = distance > allowed + 1e-12;
    List<Distribution.Move> moves = now.movesFrom(base);
    Outcome outcome = breached ? Outcome.BREACHED : Outcome.PASSED;
    String figure = "sub_intent_type drift " + Percent.format(distance) + " (total variation distance)";
    List<Figure> figures = new ArrayList<>(List.of(
        new Figure("total variation distance", Percent.format(distance)),
        new Figure("allowed drift", "at most " + Percent.format(allowed)),
        new Figure("drift from noise alone (approx.)", Percent.format(now.noiseFloor(base))),
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
    String reason = figure + (breached ? " is more than the allowed " : " is within the allowed ")
        + Percent.format(allowed) + "; moved most: " + movers(moves);
    List<Offender> offenders = breached ? offenders(c, moves) : List.of();
    return new Verdict(gate, outcome, reason, figure, figures, offenders, segments(moves, outcome), null);
  }

  /** The three biggest changes, e.g. "CONCIERGE +9.5 points, RETURN_REQUEST -6.0 points (vanished)". */
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
        .map(Distribution.Move::value).toList();
    return c.now().sessions().stream().filter(s -> grown.contains(Judging.label(s.subIntentType())))
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
