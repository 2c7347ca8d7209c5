package io.konvoqa.gate;

/**
 * The Wilson score interval for a proportion: honest at small n and at 0 or n successes, where
 * the textbook normal interval collapses to a point.
 */
public final class Wilson {
  private Wilson() {}

  /** The two-sided interval at {@code confidence} (e.g. 0.95) for {@code successes} of {@code n}. */
  public static Interval interval(long successes, long n, double confidence) {
    if (n <= 0) throw new IllegalArgumentException("n must be positive but was " + n);
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException("successes must be 0.." + n + " but was " + successes);
    }
    double z = Normal.quantile(1 - (1 - confidence) / 2);
    double p = (double) successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // Clamp only the floating-point dust: at 0 or n successes the bound is exactly 0 or 1.
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == n ? 1 : Math.min(1, centre + half);
    return new Interval(low, high, confidence);
  }

  public static Interval interval95(long successes, long n) {
    return interval(successes, n, 0.95);
  }
}
