package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges each segment on its own, so a big healthy segment cannot average away a bad one (see
 * {@link SegmentFamily} for how). Segments that could not be judged are named in the verdict's
 * figure, so the one-line summary shows them.
 */
final class Segments {
  private Segments() {}

  /** @param bySegment the completed and unresolved sessions of each segment, by the segment's name as shown */
  static Verdict judge(Scope sample, RateClaim claim, String segmentName,
      Map<String, SegmentTally.Counts> bySegment, String gate) {
    return judge(sample, claim, SegmentMeasure.UNRESOLVED, segmentName, bySegment, sample.completeness(), gate);
  }

  /**
   * @param bySegment the population and the counted units of each segment, by the segment's name as shown
   * @param unknown the units the gate cannot see as they are (the window's and its own): the
   *     verdict stands only when it would be the same wherever they fell
   */
  static Verdict judge(Scope sample, RateClaim claim, SegmentMeasure measure, String segmentName,
      Map<String, SegmentTally.Counts> bySegment, Completeness unknown, String gate) {
    List<SegmentFamily.Count> counts = new ArrayList<>();
    bySegment.forEach((name, segment) -> counts.add(new SegmentFamily.Count(name, segment.hits, segment.n)));
    int minimum = sample.minimumSample();
    Outcome[] outcomes = SegmentFamily.outcomes(claim, counts, minimum);
    Verdict v = verdict(sample, claim, measure, segmentName, counts, outcomes, bySegment, gate);
    return SegmentUnknowns.check(v, unknown, claim, measure, segmentName, counts, minimum);
  }

  private static Verdict verdict(Scope sample, RateClaim claim, SegmentMeasure measure, String segmentName,
      List<SegmentFamily.Count> counts, Outcome[] outcomes, Map<String, SegmentTally.Counts> bySegment, String gate) {
    double[] levels = SegmentFamily.levels(claim, counts);
    int minimum = sample.minimumSample();
    List<Segment> segments = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    List<Offender> offenders = new ArrayList<>();
    List<String> breached = new ArrayList<>(), notJudged = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      SegmentFamily.Count c = counts.get(i);
      String note = note(claim.atLevel(Math.max(levels[i], claim.confidence())), measure, c, outcomes[i], minimum,
          SegmentFamily.corrected(claim) && counts.size() > 1);
      Double share = c.n() == 0 ? null : (double) c.hits() / c.n();
      segments.add(new Segment(c.name(), c.n(), share, outcomes[i], note));
      figures.add(new Figure(segmentName + " " + c.name(), (c.n() == 0 ? "-" : claim.rate(c.hits(), c.n()))
          + " of " + c.n() + " " + measure.per() + ": " + outcomes[i].label() + " (" + note + ")"));
      if (outcomes[i] == Outcome.INSUFFICIENT_DATA) notJudged.add(c.name() + " (n=" + c.n() + ")");
      if (outcomes[i] != Outcome.BREACHED) continue;
      breached.add(c.name() + " " + claim.rate(c.hits(), c.n()) + " of " + Judging.count(c.n())
          + (c.n() < minimum ? ", significantly " + (claim.kind() == RateClaim.Kind.AT_LEAST ? "below " : "above ")
              + Percent.written(claim.limit()) + " even with few sessions" : ""));
      for (Offender o : bySegment.get(c.name()).offending) {
        offenders.add(new Offender(o.sessionId(), o.reason() + ", " + segmentName + " " + c.name()));
      }
    }
    figures.add(Figure.threshold(claim.describe() + " in each " + segmentName
        + (SegmentFamily.corrected(claim) ? " (Holm-corrected across " + counts.size() + " " + segmentName + "s)" : ""),
        claim.limit()));
    figures.add(new Figure("sessions", sample.describe()));
    long judged = counts.size() - notJudged.size();
    String notJudgedNote = notJudged.isEmpty() ? "" : "; not judged: " + String.join(", ", notJudged);
    String figure = worst(claim, counts, outcomes) + (breached.isEmpty() ? "" : ", " + breached.size() + " breached")
        + notJudgedNote;
    if (judged == 0) figure = "0 of " + counts.size() + " " + segmentName + "s judged" + notJudgedNote;
    Outcome overall = SegmentFamily.overall(outcomes);
    if (overall == Outcome.INSUFFICIENT_DATA) {
      return Verdict.of(gate, overall, "no " + segmentName + " has at least " + minimum
          + " " + measure.population() + " (" + String.join(", ", notJudged) + "), and none is clearly over the"
          + " limit: cannot judge; widen the window or lower the minimum sample").figure(figure).figures(figures)
          .evidence(table(segments)).build();
    }
    String fewer = notJudged.isEmpty() ? "" : "; not judged (fewer than " + minimum
        + " " + measure.population() + "): " + String.join(", ", notJudged);
    String reason = overall == Outcome.BREACHED
        ? measure.rate() + " " + missed(claim) + " on " + breached.size() + " of " + counts.size() + " "
            + segmentName + "s: " + String.join("; ", breached) + fewer
        : measure.rate() + " " + claim.describe() + " on every " + segmentName + " judged (" + judged
            + " of " + counts.size() + ")" + fewer;
    return Verdict.of(gate, overall, reason).figure(figure).figures(figures)
        .offenders(overall == Outcome.BREACHED ? offenders : List.of()).evidence(table(segments)).build();
  }

  /**
   * The judged segment nearest to failing, for the one-line figure: "highest: email 12.1% of 410"
   * ("lowest:" for an at-least claim); "" when none was judged.
   */
  private static String worst(RateClaim claim, List<SegmentFamily.Count> counts, Outcome[] outcomes) {
    boolean atLeast = claim.kind() == RateClaim.Kind.AT_LEAST;
    SegmentFamily.Count worst = null;
    for (int i = 0; i < counts.size(); i++) {
      SegmentFamily.Count c = counts.get(i);
      if (c.n() == 0 || outcomes[i] == Outcome.INSUFFICIENT_DATA) continue;
      if (worst == null || (atLeast ? share(c) < share(worst) : share(c) > share(worst))) worst = c;
    }
    return worst == null ? "" : (atLeast ? "lowest: " : "highest: ") + worst.name() + " "
        + claim.rate(worst.hits(), worst.n()) + " of " + Judging.count(worst.n());
  }

  private static double share(SegmentFamily.Count c) {
    return (double) c.hits() / c.n();
  }

  private static SegmentTable table(List<Segment> segments) {
    return segments.isEmpty() ? null : new SegmentTable(segments);
  }

  /** "above 15%", "significantly above 15%", "not at most 15% with 95% confidence". */
  private static String missed(RateClaim claim) {
    String limit = Percent.written(claim.limit());
    return switch (claim.kind()) {
      case POINT -> "above " + limit;
      case NOT_SIGNIFICANTLY_ABOVE -> "significantly above " + limit;
      case CONFIDENT -> "not at most " + limit + " with " + claim.level() + " confidence";
      case AT_LEAST -> "below " + limit;
    };
  }

  /** The segment's note, for the chart and the figures: its interval at the level it was tested at. */
  private static String note(RateClaim at, SegmentMeasure measure, SegmentFamily.Count c, Outcome outcome,
      int minimum, boolean holm) {
    if (c.n() == 0) return "not judged: no " + measure.population();
    Interval interval = at.interval(c.hits(), c.n());
    String wilson = "Wilson " + at.level() + (holm ? " (Holm-corrected)" : "") + " "
        + Percent.format(interval.low()) + " - " + Percent.format(interval.high());
    if (outcome == Outcome.INSUFFICIENT_DATA) return "not judged: n=" + c.n() + " < " + minimum;
    if (c.n() < minimum) return "n=" + c.n() + " < " + minimum + ", but clearly over the limit: " + wilson;
    return wilson;
  }
}
