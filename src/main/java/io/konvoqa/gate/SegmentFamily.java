package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of each segment of a per-segment gate, from its counts alone.
 *
 * <p>Each segment is judged by the claim at the claim's level; under the minimum sample it is
 * breached only when it misses the limit beyond doubt, else not judged. The tolerant claim ("not
 * significantly above") tests several segments at once, so it is Holm-corrected: the segment with
 * the strongest evidence is tested at level 1 - (1 - c)/k, the next at 1 - (1 - c)/(k - 1), and
 * so on until one is not significant. The chance that any segment sitting at the limit is called
 * significantly above it then stays at that of one segment.
 */
final class SegmentFamily {
  private SegmentFamily() {}

  /** One segment's counts: {@code hits} counted (unresolved) of {@code n}. */
  record Count(String name, long hits, long n) {}

  /** Whether the claim is Holm-corrected across segments: the tolerant one is. */
  static boolean corrected(RateClaim claim) {
    return claim.kind() == RateClaim.Kind.NOT_SIGNIFICANTLY_ABOVE;
  }

  /** The level each segment is tested at (the claim's own, or Holm's); 0 for an empty segment. */
  static double[] levels(RateClaim claim, List<Count> counts) {
    double[] levels = new double[counts.size()];
    List<Integer> family = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      if (counts.get(i).n() > 0) family.add(i);
      levels[i] = counts.get(i).n() > 0 ? claim.confidence() : 0;
    }
    if (!corrected(claim)) return levels;
    family.sort(Comparator.comparingDouble((Integer i) -> -score(counts.get(i), claim.limit()))
        .thenComparing(i -> counts.get(i).name()));
    for (int rank = 0; rank < family.size(); rank++) {
      levels[family.get(rank)] = 1 - (1 - claim.confidence()) / (family.size() - rank);
    }
    return levels;
  }

  /** PASSED, BREACHED or INSUFFICIENT_DATA for each segment. */
  static Outcome[] outcomes(RateClaim claim, List<Count> counts, int minimum) {
    double[] levels = levels(claim, counts);
    Outcome[] outcomes = new Outcome[counts.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) order.add(i);
    order.sort(Comparator.comparingDouble(i -> -levels[i])); // Holm's order; all equal otherwise
    boolean stopped = false;
    for (int i : order) {
      Count c = counts.get(i);
      if (c.n() == 0) {
        outcomes[i] = Outcome.INSUFFICIENT_DATA;
        continue;
      }
      Outcome own = claim.atLevel(levels[i]).judge(c.hits(), c.n(), minimum);
      if (corrected(claim) && (stopped || own != Outcome.BREACHED)) {
        stopped = true; // Holm steps down: after the first segment not significant, none is
        own = c.n() >= minimum ? Outcome.PASSED : Outcome.INSUFFICIENT_DATA;
      }
      outcomes[i] = own;
    }
    return outcomes;
  }

  /** Breached if any segment is; else passed if any was judged; else too few. */
  static Outcome overall(Outcome[] outcomes) {
    boolean judged = false;
    for (Outcome o : outcomes) {
      if (o == Outcome.BREACHED) return Outcome.BREACHED;
      judged |= o == Outcome.PASSED;
    }
    return judged ? Outcome.PASSED : Outcome.INSUFFICIENT_DATA;
  }

  /** The score statistic of a segment against the limit: how far above it, in standard errors. */
  private static double score(Count c, double limit) {
    if (limit >= 1) return Double.NEGATIVE_INFINITY;
    double rate = (double) c.hits() / c.n();
    if (limit <= 0) return rate > 0 ? Double.POSITIVE_INFINITY : 0;
    return (rate - limit) / Math.sqrt(limit * (1 - limit) / c.n());
  }
}
