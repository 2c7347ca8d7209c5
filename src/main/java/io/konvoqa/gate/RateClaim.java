package io.konvoqa.gate;

/**
 * How a rate is compared with its limit: the point estimate ("at most", "at least"), the Wilson
 * upper bound at a confidence (strict), or the Wilson lower bound (tolerant of noise).
 *
 * <p>Below the minimum sample a rate is not judged, unless it misses its limit beyond doubt: its
 * Wilson interval at the claim's level lies wholly on the wrong side, and an exact binomial test
 * agrees (with a handful of sessions Wilson alone is too quick to call a difference significant).
 */
public record RateClaim(Kind kind, double limit, double confidence) {
  public enum Kind { POINT, CONFIDENT, NOT_SIGNIFICANTLY_ABOVE, AT_LEAST }

  public RateClaim {
    if (limit < 0 || limit > 1) throw new IllegalArgumentException("limit must be 0%..100% but was " + limit);
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be above 0% and below 100% but was "
          + Percent.written(confidence));
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

  /** The same claim at another level, e.g. the Holm-corrected level of one segment among several. */
  RateClaim atLevel(double level) {
    return new RateClaim(kind, limit, level);
  }

  /** Whether {@code hits} of {@code n} keeps the claim. */
  boolean holds(long hits, long n) {
    return switch (kind) {
      case POINT -> (double) hits / n <= limit + 1e-12;
      case CONFIDENT -> interval(hits, n).high() <= limit + 1e-12;
      case NOT_SIGNIFICANTLY_ABOVE -> interval(hits, n).low() <= limit + 1e-12;
      case AT_LEAST -> (double) hits / n >= limit - 1e-12;
    };
  }

  /** Whether {@code hits} of {@code n} misses the limit beyond doubt at the claim's level. */
  boolean clearlyMissed(long hits, long n) {
    double tail = (1 - confidence) / 2;
    Interval interval = interval(hits, n);
    return kind == Kind.AT_LEAST
        ? interval.high() < limit - 1e-12 && Binomial.atMost(hits, n, limit) < tail
        : interval.low() > limit + 1e-12 && Binomial.atLeast(hits, n, limit) < tail;
  }

  /** Passed, breached, or too few to judge (below {@code minimum} and not clearly missed). */
  Outcome judge(long hits, long n, int minimum) {
    if (n <= 0) return Outcome.INSUFFICIENT_DATA;
    if (n < minimum) return clearlyMissed(hits, n) ? Outcome.BREACHED : Outcome.INSUFFICIENT_DATA;
    return holds(hits, n) ? Outcome.PASSED : Outcome.BREACHED;
  }

  /** The Wilson interval at the claim's level. */
  Interval interval(long hits, long n) {
    return Wilson.interval(hits, n, confidence);
  }

  /** The rate as a figure: with the digits that tell it from the limit when the rate itself is compared. */
  String rate(long hits, long n) {
    double rate = (double) hits / n;
    return kind == Kind.POINT || kind == Kind.AT_LEAST ? Percent.against(rate, limit) : Percent.format(rate);
  }

  /** The figure compared with the limit, named. */
  Figure compared(long hits, long n) {
    Interval at = interval(hits, n);
    return switch (kind) {
      case POINT, AT_LEAST -> new Figure("compared with the limit", "the rate itself");
      case CONFIDENT -> Figure.rate("compared with the limit", "two-sided Wilson upper bound at "
          + level() + ": " + Percent.against(at.high(), limit), at.high());
      case NOT_SIGNIFICANTLY_ABOVE -> Figure.rate("compared with the limit", "two-sided Wilson "
          + level() + " lower bound: " + Percent.against(at.low(), limit), at.low());
    };
  }

  /** "at most 15%", "at most 15% with 99.95% confidence", "not significantly above 12%", "at least 90%". */
  public String describe() {
    String limit = Percent.written(this.limit);
    return switch (kind) {
      case POINT -> "at most " + limit;
      case CONFIDENT -> "at most " + limit + " with " + level() + " confidence";
      case NOT_SIGNIFICANTLY_ABOVE -> "not significantly above " + limit;
      case AT_LEAST -> "at least " + limit;
    };
  }

  /**
   * What a figure "is", in words that follow it: "is at most 15%", "is above 15% (Wilson 95%:
   * 10.1% - 24.4%)", "is significantly above 9%: its Wilson 95% interval 9.9% - 16.7% lies wholly
   * above 9%". {@code few} says the population is under the minimum sample.
   */
  String verdict(long hits, long n, boolean holds, boolean few) {
    Interval at = interval(hits, n);
    String limit = Percent.written(this.limit);
    String wilson = "Wilson " + level();
    String lowFirst = Percent.against(at.low(), this.limit) + " - " + Percent.format(at.high());
    String highFirst = Percent.format(at.low()) + " - " + Percent.against(at.high(), this.limit);
    if (few) {
      return kind == Kind.AT_LEAST
          ? "is significantly below " + limit + " even with few sessions: its " + wilson + " interval "
              + highFirst + " lies wholly below " + limit
          : "is significantly above " + limit + " even with few sessions: its " + wilson + " interval "
              + lowFirst + " lies wholly above " + limit;
    }
    return switch (kind) {
      case POINT -> holds ? "is at most " + limit : "is above " + limit + " (" + wilson + ": " + highFirst + ")";
      case AT_LEAST -> holds ? "is at least " + limit : "is below " + limit + " (" + wilson + ": " + lowFirst + ")";
      case CONFIDENT -> holds
          ? "is at most " + limit + " with " + level() + " confidence (" + wilson + ": " + highFirst + ")"
          : "is not at most " + limit + " with " + level() + " confidence: its " + wilson + " interval "
              + highFirst + " reaches above " + limit;
      case NOT_SIGNIFICANTLY_ABOVE -> holds
          ? "is not significantly above " + limit + " (" + wilson + ": " + lowFirst + ")"
          : "is significantly above " + limit + ": its " + wilson + " interval " + lowFirst
              + " lies wholly above " + limit;
    };
  }

  /** The confidence as written: "95%", "99.95%". */
  String level() {
    return Percent.written(confidence);
  }
}
