package io.konvoqa.gate;

/** A confidence interval of a proportion, both ends in 0..1. */
public record Interval(double low, double high, double confidence) {
  @Override public String toString() {
    return Percent.format(low) + " - " + Percent.format(high) + " (" + Percent.format(confidence)
        + " Wilson)";
  }
}
