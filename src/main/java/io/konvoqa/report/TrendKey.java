package io.konvoqa.report;

import java.util.Objects;

/**
 * Which gate a figure belongs to across runs: matched by feature and scenario name, not by file
 * or line, so moving a scenario keeps its trend and renaming it starts a new one.
 *
 * @param example which scenario of that name in that feature (1 unless an outline repeats a name)
 * @param gate which gate step of the scenario (1 unless the scenario judges more than one)
 */
public record TrendKey(String feature, String scenario, int example, int gate) {
  public TrendKey {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(scenario, "scenario");
    if (example < 1) throw new IllegalArgumentException("example must be at least 1 but was " + example);
    if (gate < 1) throw new IllegalArgumentException("gate must be at least 1 but was " + gate);
  }
}
