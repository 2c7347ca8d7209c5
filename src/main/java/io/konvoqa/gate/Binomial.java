package io.konvoqa.gate;

/**
 * Exact binomial tail probabilities. Used where the Wilson interval is too optimistic: below the
 * minimum sample, where a single unresolved session of one would otherwise be "significant".
 */
final class Binomial {
  private Binomial() {}

  /** P(X >= k) for X ~ Binomial(n, p). */
  static double atLeast(long k, long n, double p) {
    if (k <= 0) return 1;
    if (k > n) return 0;
    if (p <= 0) return 0;
    if (p >= 1) return 1;
    double logOdds = Math.log(p / (1 - p));
    double logPmf = n * Math.log1p(-p); // P(X = 0)
    double sum = 0;
    for (long i = 0; i <= n; i++) {
      if (i >= k) sum += Math.exp(logPmf);
      logPmf += Math.log((double) (n - i) / (i + 1)) + logOdds;
    }
    return Math.min(1, sum);
  }

  /** P(X <= k) for X ~ Binomial(n, p). */
  static double atMost(long k, long n, double p) {
    return atLeast(n - k, n, 1 - p);
  }
}
