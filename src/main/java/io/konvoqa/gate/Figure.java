package io.konvoqa.gate;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One row of a verdict's table: "unresolved rate" = "12.4%". The value is the text shown; a typed
 * figure also carries its number (and an interval its ends), so the report never parses text back.
 *
 * @param number the figure as a number (a count, a share 0..1, a limit 0..1), or null for text
 * @param interval the interval of an {@link Kind#INTERVAL} figure, else null
 */
public record Figure(String name, String value, Kind kind, Double number, Interval interval) {

  /** What a figure is, so the report can pick it without matching names. */
  public enum Kind {
    /** Any other figure, shown as its text. */
    TEXT,
    /** The number of sessions a figure is measured over (a rate's denominator). */
    N,
    /** A number of sessions (a rate's numerator, offenders, ...). */
    COUNT,
    /** A measured share. */
    RATE,
    /** A confidence interval of a share. */
    INTERVAL,
    /** The limit a figure is held to; its number is the limit as a share, when there is one. */
    THRESHOLD
  }

  public Figure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.INTERVAL && interval == null) throw new IllegalArgumentException("an interval figure needs its interval: " + name);
  }

  /** A text figure. */
  public Figure(String name, String value) {
    this(name, value, Kind.TEXT, null, null);
  }

  public static Figure n(String name, long n) {
    return new Figure(name, Judging.count(n), Kind.N, (double) n, null);
  }

  public static Figure count(String name, long count) {
    return new Figure(name, Judging.count(count), Kind.COUNT, (double) count, null);
  }

  public static Figure rate(String name, String shown, double share) {
    return new Figure(name, shown, Kind.RATE, share, null);
  }

  public static Figure interval(String name, Interval interval) {
    return new Figure(name, Percent.format(interval.low()) + " - " + Percent.format(interval.high()),
        Kind.INTERVAL, null, interval);
  }

  /** A threshold as written, e.g. "at most 15.0%"; {@code limit} is the share, or null when it is no share. */
  public static Figure threshold(String shown, Double limit) {
    return new Figure("threshold", shown, Kind.THRESHOLD, limit, null);
  }

  /** The same figure with its name and value passed through {@code text}; numbers stay. */
  public Figure mapText(UnaryOperator<String> text) {
    return new Figure(text.apply(name), text.apply(value), kind, number, interval);
  }
}
