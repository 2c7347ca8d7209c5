package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether sessions a per-segment gate cannot see could change its verdict. They could all fall
 * into any one segment, unresolved or not, or form a segment of their own: the verdict stands only
 * when it is the same in each of those cases.
 */
final class SegmentUnknowns {
  private SegmentUnknowns() {}

  static Verdict check(Verdict v, Completeness unknown, RateClaim claim, SegmentMeasure measure, String segmentName,
      List<SegmentFamily.Count> counts, int minimum) {
    if (unknown.whole() || v.outcome().couldNotJudge()) return v;
    long u = unknown.uncertain();
    String all = "all " + Judging.count(u);
    for (int i = 0; i <= counts.size(); i++) {
      String where = i < counts.size() ? "on " + segmentName + " " + counts.get(i).name()
          : "on a " + segmentName + " of their own";
      for (boolean unresolved : new boolean[] {true, false}) {
        Outcome outcome = SegmentFamily.overall(SegmentFamily.outcomes(claim, with(counts, i, u, unresolved), minimum));
        if (outcome != v.outcome()) {
          return Uncertain.unlessAnyDiffers(v, unknown, List.of(outcome), "if " + all + " were "
              + (unresolved ? measure.counted() : measure.notCounted()) + " and " + where + ", the gate "
              + Uncertain.would(outcome));
        }
      }
    }
    return Uncertain.unlessAnyDiffers(v, unknown, List.of(v.outcome()), "");
  }

  /** The counts with {@code u} more completed sessions in segment {@code i} (or a new one). */
  private static List<SegmentFamily.Count> with(List<SegmentFamily.Count> counts, int i, long u, boolean unresolved) {
    List<SegmentFamily.Count> changed = new ArrayList<>(counts);
    SegmentFamily.Count c = i < counts.size() ? counts.get(i) : new SegmentFamily.Count("(unknown)", 0, 0);
    SegmentFamily.Count more = new SegmentFamily.Count(c.name(), c.hits() + (unresolved ? u : 0), c.n() + u);
    if (i < counts.size()) changed.set(i, more);
    else changed.add(more);
    return changed;
  }
}
