package io.konvoqa.gate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The distance two samples show by chance alone, by permutation: both sides' sessions are pooled,
 * split at random into groups of the two sizes, and the total variation distance of the split is
 * taken, {@value #PERMUTATIONS} times with a fixed seed.
 *
 * <p>Why it bounds the true drift: the observed distance is at most the true one plus the
 * distance of the sampling noise alone (triangle inequality), and the permutation distribution is
 * that noise's distribution when both sides share one spread. So "observed minus the 95th
 * percentile of noise" is a lower bound of the true drift that is too high at most about 5% of the
 * time.
 */
final class DriftNoise {
  private DriftNoise() {}

  static final int PERMUTATIONS = 1_000;
  private static final long SEED = 20_261_127L;

  /** The {@code quantile} of the distance between random splits of both sides' counts pooled. */
  static double quantile(long[] now, long[] base, double quantile) {
    long n1 = Arrays.stream(now).sum(), n2 = Arrays.stream(base).sum();
    if (n1 == 0 || n2 == 0) throw new IllegalArgumentException("both sides need sessions");
    if (n1 + n2 > Integer.MAX_VALUE) throw new IllegalArgumentException("too many sessions: " + (n1 + n2));
    int[] pooled = new int[(int) (n1 + n2)];
    int at = 0;
    for (int value = 0; value < now.length; value++) {
      for (long i = 0; i < now[value] + base[value]; i++) pooled[at++] = value;
    }
    int drawn = (int) Math.min(n1, n2); // shuffle the smaller side in; the rest is the other side
    long drawnTotal = drawn, restTotal = n1 + n2 - drawn;
    SplittableRandom random = new SplittableRandom(SEED);
    double[] distances = new double[PERMUTATIONS];
    long[] counts = new long[now.length];
    for (int p = 0; p < PERMUTATIONS; p++) {
      Arrays.fill(counts, 0);
      for (int i = 0; i < drawn; i++) { // a partial Fisher-Yates shuffle: the first `drawn` are a random subset
        int j = i + random.nextInt(pooled.length - i);
        int swap = pooled[i];
        pooled[i] = pooled[j];
        pooled[j] = swap;
        counts[pooled[i]]++;
      }
      double sum = 0;
      for (int value = 0; value < counts.length; value++) {
        long rest = now[value] + base[value] - counts[value];
        sum += Math.abs((double) counts[value] / drawnTotal - (double) rest / restTotal);
      }
      distances[p] = sum / 2;
    }
    Arrays.sort(distances);
    return distances[Math.max(0, (int) Math.ceil(quantile * PERMUTATIONS) - 1)];
  }
}
