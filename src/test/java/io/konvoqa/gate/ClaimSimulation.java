package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded simulations of how often each claim breaches when nothing is wrong: the figures of
 * "Choosing a claim" in docs/steps.md. Run {@link #main} to print them; {@code ClaimFalseAlarmsTest}
 * checks the targets with fewer trials.
 *
 * <p>Everything is judged by the gates' own code ({@link SegmentFamily} for rates, the drift gate
 * itself for distributions), so the figures are those of the gates as shipped.
 */
final class ClaimSimulation {
  private ClaimSimulation() {}

  static final long SEED = 20_261_127L;
  /** Shares of 8 sub_intent_types, roughly those of the demo workspace. */
  static final double[] SHARES = {0.25, 0.18, 0.15, 0.12, 0.10, 0.08, 0.07, 0.05};

  /**
   * The share of trials in which a per-segment gate over {@code segments} segments of {@code n}
   * completed sessions each, every one with a true unresolved rate of {@code trueRate}, breaches.
   */
  static double rateBreaches(RateClaim claim, int segments, int n, double trueRate, int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int breaches = 0;
    for (int t = 0; t < trials; t++) {
      List<SegmentFamily.Count> counts = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        int hits = 0;
        for (int i = 0; i < n; i++) if (random.nextDouble() < trueRate) hits++;
        counts.add(new SegmentFamily.Count("s" + s, hits, n));
      }
      if (SegmentFamily.overall(SegmentFamily.outcomes(claim, counts, 30)) == Outcome.BREACHED) breaches++;
    }
    return (double) breaches / trials;
  }

  /**
   * The share of trials in which the drift gate breaches, both sides drawn with {@code n} sessions
   * from {@link #SHARES}, the baseline's moved by {@code trueDrift} from the first value to the last.
   */
  static double driftBreaches(boolean noiseIncluded, int n, double trueDrift, double allowed, int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] moved = SHARES.clone();
    moved[0] -= trueDrift;
    moved[moved.length - 1] += trueDrift;
    int breaches = 0;
    for (int t = 0; t < trials; t++) {
      Comparison c = new Comparison(draw("n", SHARES, n, random), draw("b", moved, n, random), "simulated");
      Verdict v = noiseIncluded ? BaselineGates.subIntentDriftNoiseIncluded(c, allowed, "drift")
          : BaselineGates.subIntentDrift(c, allowed, "drift");
      if (v.outcome() == Outcome.BREACHED) breaches++;
    }
    return (double) breaches / trials;
  }

  private static Sample draw(String prefix, double[] shares, int n, SplittableRandom random) {
    List<Session> sessions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble(), sum = 0;
      int value = shares.length - 1;
      for (int k = 0; k < shares.length; k++) {
        sum += shares[k];
        if (u < sum) {
          value = k;
          break;
        }
      }
      String id = prefix + i;
      sessions.add(new Session(id, null, null, null, null, null, null, null,
          new SessionState(id, null, "TYPE_" + value, null), null));
    }
    return Selection.all().apply(sessions, 30, Role.parseMapping(null), java.time.Instant.EPOCH);
  }

  /** Prints the tables of docs/steps.md, "Choosing a claim". */
  public static void main(String[] args) {
    int rateTrials = 100_000, driftTrials = 10_000;
    System.out.println("| claim | 1 segment at 15% | 4 segments at 15% | 1 segment at 10% | 4 segments at 10% |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (RateClaim claim : List.of(RateClaim.atMost(0.15), RateClaim.atMostWithConfidence(0.15, 0.95),
        RateClaim.notSignificantlyAbove(0.15))) {
      StringBuilder row = new StringBuilder("| " + claim.describe() + " |");
      for (double rate : new double[] {0.15, 0.10}) {
        for (int segments : new int[] {1, 4}) {
          row.append(' ').append(percent(rateBreaches(claim, segments, 200, rate, rateTrials, SEED))).append(" |");
        }
      }
      System.out.println(row);
    }
    System.out.println();
    System.out.println("| sessions a side | default, no drift | noise included, no drift | default, 20% drift | noise included, 20% drift |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (int n : new int[] {30, 100, 200, 1000}) {
      int trials = n >= 1000 ? driftTrials / 5 : driftTrials;
      System.out.println("| " + n + " | " + percent(driftBreaches(false, n, 0, 0.10, trials, SEED))
          + " | " + percent(driftBreaches(true, n, 0, 0.10, trials, SEED))
          + " | " + percent(driftBreaches(false, n, 0.20, 0.10, trials, SEED))
          + " | " + percent(driftBreaches(true, n, 0.20, 0.10, trials, SEED)) + " |");
    }
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
