package io.konvoqa.gate;

import java.util.Objects;

/**
 * The sessions a baseline gate compares: the scenario's own and the baseline's, chosen the same way.
 *
 * @param baselineLabel what the baseline is, for the report, e.g. "snapshot snapshots/baseline.json.gz
 *     (recorded at 2026-11-27T12:00:00Z)"
 */
public record Comparison(Sample now, Sample baseline, String baselineLabel) {
  public Comparison {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(baselineLabel, "baselineLabel");
  }

  /** Could-not-judge when the baseline lacks data or sessions, saying it is the baseline; else null. */
  Verdict baselineUnfit(Verdict onBaseline) {
    if (onBaseline == null) return null;
    return Verdict.notJudged(onBaseline.gate(), onBaseline.outcome(),
        "in the baseline (" + baselineLabel + "): " + onBaseline.reason());
  }
}
