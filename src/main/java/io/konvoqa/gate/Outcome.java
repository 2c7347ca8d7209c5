package io.konvoqa.gate;

/**
 * How a gate ended. Only {@link #PASSED} passes; the others say whether the AI misbehaved
 * ({@link #BREACHED}) or the gate could not judge it, and why.
 */
public enum Outcome {
  PASSED("passed"),
  BREACHED("gate breached"),
  INSUFFICIENT_DATA("could not judge: insufficient data"),
  DATA_UNAVAILABLE("could not judge: data unavailable"),
  CONFIGURATION_ERROR("could not judge: configuration error");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public boolean couldNotJudge() {
    return this != PASSED && this != BREACHED;
  }

  /** "passed", "gate breached", "could not judge: insufficient data", ... */
  public String label() {
    return label;
  }
}
