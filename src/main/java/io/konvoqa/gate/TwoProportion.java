package io.konvoqa.gate;

import java.util.Locale;

/**
 * The difference of two proportions (now minus baseline) with Newcombe's hybrid score interval.
 *
 * <p>Newcombe's method 10 (Statistics in Medicine 17, 1998, pp. 873-890) combines the Wilson
 * interval of each side. Unlike the textbook Wald interval it stays honest at small n and at 0 or
 * n successes, where Wald collapses to a point or leaves -1..1; it is the interval
 * {@link Wilson} already gives the single-rate gates, extended to a difference.
 */
public final class TwoProportion {
  private TwoProportion() {}

  /**
   * A difference with its interval, in shares (0.02 is two percentage points).
   *
   * @param estimate now minus baseline
   */
  public record Difference(long hits, long n, long baselineHits, long baselineN, double estimate,
      double low, double high, double confidence) {

    public double rate() {
      return (double) hits / n;
    }

    public double baselineRate() {
      return (double) baselineHits / baselineN;
    }

    /** "+2.0 points (95% -0.4 to +4.4)" */
    public String describe() {
      return points(estimate) + " (" + Percent.format(confidence).replace(".0%", "%") + " "
          + signed(low) + " to " + signed(high) + ")";
    }
  }

  /** Now {@code hits} of {@code n} against the baseline's {@code baselineHits} of {@code baselineN}. */
  public static Difference difference(long hits, long n, long baselineHits, long baselineN,
      double confidence) {
    Interval now = Wilson.interval(hits, n, confidence);
    Interval base = Wilson.interval(baselineHits, baselineN, confidence);
    double p1 = (double) hits / n;
    double p2 = (double) baselineHits / baselineN;
    double d = p1 - p2;
    double low = d - Math.sqrt(square(p1 - now.low()) + square(base.high() - p2));
    double high = d + Math.sqrt(square(now.high() - p1) + square(p2 - base.low()));
    return new Difference(hits, n, baselineHits, baselineN, d, Math.max(-1, low), Math.min(1, high),
        confidence);
  }

  public static Difference difference95(long hits, long n, long baselineHits, long baselineN) {
    return difference(hits, n, baselineHits, baselineN, 0.95);
  }

  /** 0.023 → "+2.3 points" */
  public static String points(double share) {
    return signed(share) + " points";
  }

  private static String signed(double share) {
    return String.format(Locale.ROOT, "%+.1f", share * 100);
  }

  private static double square(double x) {
    return x * x;
  }
}
