package io.konvoqa.gate;

/**
 * How a rate is compared with its limit: the point estimate, the Wilson upper bound at a
 * confidence (strict), or the Wilson 95% lower bound (tolerant of noise in small windows).
 */
public record RateClaim(Kind kind, double limit, double confidence) {
  public enum Kind { POINT, CONFIDENT, NOT_SIGNIFICANTLY_ABOVE, AT_LEAST }

  public RateClaim {
    if (limit < 0 || limit > 1) throw new IllegalArgumentException("limit must be 0%..100% but was " + limit);
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be above 0% and below 100% but was "
          + Percent.format(confidence));
    }
  }

  public static RateClaim atMost(double limit) {
    return new RateClaim(Kind.POINT, limit, 0.95);
  }

  public static RateClaim atMostWithConfidence(double limit, double confidence) {
    return new RateClaim(Kind.CONFIDENT, limit, confidence);
  }

  /** The rate itself must be at least the limit: a share of sessions that did something right. */
  public static RateClaim atLeast(double limit) {
    return new RateClaim(Kind.AT_LEAST, limit, 0.95);
  }

  public static RateClaim notSignificantlyAbove(double limit) {
    return new RateClaim(Kind.NOT_SIGNIFICANTLY_ABOVE, limit, 0.95);
  }

  /** Whether {@code hits} of {@code n} keeps the claim. */
  boolean holds(long hits, long n) {
    return switch (kind) {
      case POINT -> (double) hits / n <= limit + 1e-12;
      case CONFIDENT -> Wilson.interval(hits, n, confidence).high() <= limit + 1e-12;
      case NOT_SIGNIFICANTLY_ABOVE -> Wilson.interval(hits, n, confidence).low() <= limit + 1e-12;
      case AT_LEAST -> (double) hits / n >= limit - 1e-12;
    };
  }

  /** The figure compared with the limit, named. */
  Figure compared(long hits, long n) {
    return switch (kind) {
      case POINT, AT_LEAST -> new Figure("compared with the limit", "the rate itself");
      case CONFIDENT -> new Figure("compared with the limit", "two-sided Wilson upper bound at "
          + Percent.format(confidence) + ": " + Percent.format(Wilson.interval(hits, n, confidence).high()));
      case NOT_SIGNIFICANTLY_ABOVE -> new Figure("compared with the limit", "two-sided Wilson 95% lower bound: "
          + Percent.format(Wilson.interval(hits, n, confidence).low()));
    };
  }

  public String describe() {
    return switch (kind) {
      case POINT -> "at most " + Percent.format(limit);
      case CONFIDENT -> "at most " + Percent.format(limit) + " with " + Percent.format(confidence)
          + " confidence";
      case NOT_SIGNIFICANTLY_ABOVE -> "not significantly above " + Percent.format(limit);
      case AT_LEAST -> "at least " + Percent.format(limit);
    };
  }
}
