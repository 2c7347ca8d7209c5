package io.konvoqa.gate;

import java.util.Objects;

/**
 * Two samples at hand a baseline gate can compare: the scenario's own and the baseline's, chosen
 * the same way. A run streams the scenario's sessions instead and loads its {@link Baseline}.
 *
 * @param baselineLabel what the baseline is, for the report (see {@link Baseline.Side})
 * @param snapshot whether the baseline is a recorded snapshot (see {@link Baseline.Side})
 */
public record Comparison(Sample now, Sample baseline, String baselineLabel, boolean snapshot) {
  public Comparison {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(baselineLabel, "baselineLabel");
  }

  /** A baseline that is another window of the run's source, or not said to be a snapshot. */
  public Comparison(Sample now, Sample baseline, String baselineLabel) {
    this(now, baseline, baselineLabel, false);
  }

  /** The baseline's side, at hand. */
  Baseline asBaseline() {
    return Baseline.of(baseline, baselineLabel, snapshot);
  }
}
