package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges each segment on its own, so a big healthy segment cannot average away a bad one. A
 * segment under the minimum sample is listed as not judged.
 */
final class Segments {
  private Segments() {}

  static Verdict judge(Sample sample, RateClaim claim, String segmentName,
      Map<String, List<Session>> bySegment, String gate) {
    List<Segment> segments = new ArrayList<>();
    List<Offender> offenders = new ArrayList<>();
    List<String> breached = new ArrayList<>();
    List<String> notJudged = new ArrayList<>();
    for (Map.Entry<String, List<Session>> entry : bySegment.entrySet()) {
      List<Session> completed = entry.getValue();
      long n = completed.size();
      long hits = completed.stream().filter(s -> Boolean.TRUE.equals(s.unresolved())).count();
      String name = entry.getKey();
      if (n < sample.minimumSample()) {
        segments.add(new Segment(name, n, n == 0 ? null : (double) hits / n, Outcome.INSUFFICIENT_DATA,
            "not judged: n=" + n + " < " + sample.minimumSample()));
        notJudged.add(name + " (n=" + n + ")");
        continue;
      }
      boolean holds = claim.holds(hits, n);
      Interval interval = Wilson.interval95(hits, n);
      segments.add(new Segment(name, n, (double) hits / n, holds ? Outcome.PASSED : Outcome.BREACHED,
          "Wilson 95% " + Percent.format(interval.low()) + " - " + Percent.format(interval.high())));
      if (!holds) {
        breached.add(String.format(Locale.ROOT, "%s %s of %d", name, Percent.format((double) hits / n), n));
        completed.stream().filter(s -> Boolean.TRUE.equals(s.unresolved()))
            .forEach(s -> offenders.add(new Offender(s.id(), "unresolved, " + segmentName + " " + name)));
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (Segment s : segments) {
      figures.add(new Figure(segmentName + " " + s.name(), (s.share() == null ? "-" : Percent.format(s.share())) + " of "
          + s.n() + " completed: " + s.outcome().label() + " (" + s.note() + ")"));
    }
    figures.add(new Figure("threshold", claim.describe() + " in each " + segmentName));
    figures.add(new Figure("sessions", sample.describe()));
    long judged = segments.stream().filter(s -> !s.outcome().couldNotJudge()).count();
    String figure = judged + " of " + segments.size() + " " + segmentName + "s judged"
        + (breached.isEmpty() ? "" : ", " + breached.size() + " over the limit");
    if (judged == 0) {
      return new Verdict(gate, Outcome.INSUFFICIENT_DATA, "no " + segmentName + " has at least "
          + sample.minimumSample() + " completed sessions (" + String.join(", ", notJudged)
          + "): cannot judge; widen the window or lower the minimum sample", figure, figures,
          List.of(), segments, null);
    }
    String notJudgedNote = notJudged.isEmpty() ? "" : "; not judged: " + String.join(", ", notJudged);
    if (!breached.isEmpty()) {
      return new Verdict(gate, Outcome.BREACHED, "over " + Percent.format(claim.limit()) + ": "
          + String.join(", ", breached) + notJudgedNote, figure, figures, offenders, segments, null);
    }
    return new Verdict(gate, Outcome.PASSED, "every judged " + segmentName + " is " + claim.describe()
        + notJudgedNote, figure, figures, List.of(), segments, null);
  }
}
