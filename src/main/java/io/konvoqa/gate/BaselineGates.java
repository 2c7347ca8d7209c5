package io.konvoqa.gate;

import java.util.List;

/**
 * Gates that compare the scenario's sessions with a baseline (a blessed snapshot or an earlier
 * window) instead of a fixed limit: the unresolved rate has not risen, the sub_intent_type
 * distribution has not drifted, routing per trigger phrase has not got worse.
 *
 * <p>Each takes the scenario's sessions one at a time, like every gate, keeping only what its
 * claim needs, and loads the baseline when it finishes ({@link Baseline}). Rates are compared with
 * the 95% interval of their difference ({@link TwoProportion}), and a gate fails only when the
 * data shows the change significantly: a baseline gate should not fail a build on noise. Like
 * every gate it fails closed: too few sessions, or data missing, on either side cannot be judged.
 * Each also judges two samples at hand ({@link Comparison}), with the same verdict.
 */
public final class BaselineGates {
  private BaselineGates() {}

  /**
   * Fails when the unresolved rate has risen by significantly more than {@code allowedRise}: when
   * the lower end of the 95% interval of (now - baseline) is above it.
   */
  public static Gate unresolvedRise(double allowedRise, Baseline baseline) {
    return UnresolvedRise.gate(allowedRise, baseline);
  }

  public static Verdict unresolvedRise(Comparison sessions, double allowedRise, String gate) {
    return sessions.now().judge(unresolvedRise(allowedRise, sessions.asBaseline()), gate);
  }

  /**
   * Fails when the sub_intent_type distributions lie significantly more than {@code allowed} apart
   * (total variation distance): when the distance minus what noise alone reaches at these sample
   * sizes is above it. The segments are both distributions, in pairs per sub_intent_type: first
   * the share now (note "now ..."), then the baseline's (note "baseline ...").
   */
  public static Gate subIntentDrift(double allowed, Baseline baseline) {
    return SubIntentDrift.gate(allowed, false, baseline);
  }

  public static Verdict subIntentDrift(Comparison sessions, double allowed, String gate) {
    return sessions.now().judge(subIntentDrift(allowed, sessions.asBaseline()), gate);
  }

  /** As {@link #subIntentDrift(double, Baseline)}, comparing the measured distance itself, noise included. */
  public static Gate subIntentDriftNoiseIncluded(double allowed, Baseline baseline) {
    return SubIntentDrift.gate(allowed, true, baseline);
  }

  public static Verdict subIntentDriftNoiseIncluded(Comparison sessions, double allowed, String gate) {
    return sessions.now().judge(subIntentDriftNoiseIncluded(allowed, sessions.asBaseline()), gate);
  }

  /**
   * Fails when, for a trigger phrase, the share routed to its sub_intent_type is significantly
   * lower than in the baseline (the upper end of the 95% interval of now - baseline is below 0).
   */
  public static Gate routingHolds(List<Route> routes, Baseline baseline) {
    return RoutingAgainstBaseline.gate(routes, baseline);
  }

  public static Verdict routingHolds(Comparison sessions, List<Route> routes, String gate) {
    return sessions.now().judge(routingHolds(routes, sessions.asBaseline()), gate);
  }
}
