package io.konvoqa.report;

import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Interval;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import java.util.Objects;

/**
 * A gate's main figure in one run, from the verdict's typed figures: its rate (or, for a "no
 * session ..." gate, the share of offending sessions), the 95% interval and the threshold as
 * shares. A gate that could not judge is a gap: no value, its outcome kept.
 *
 * @param figure what the value is, e.g. "unresolved rate"
 * @param value the share 0..1, or null when the gate could not judge
 * @param low the interval's lower end, or null
 * @param high the interval's upper end, or null
 * @param threshold the limit as a share, or null when the gate has none
 */
public record TrendPoint(String figure, Outcome outcome, Double value, Double low, Double high, Double threshold) {
  public TrendPoint {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(outcome, "outcome");
    if (value == null && !outcome.couldNotJudge()) {
      throw new IllegalArgumentException("a judged gate's point needs its value, outcome " + outcome);
    }
  }

  /** The verdict's point, or null when a judged verdict has no single share to follow (a per-segment gate). */
  public static TrendPoint of(Verdict v) {
    Figure rate = v.figure(Figure.Kind.RATE);
    Figure threshold = v.figure(Figure.Kind.THRESHOLD);
    Double limit = threshold == null ? null : threshold.number();
    if (v.outcome().couldNotJudge()) {
      return new TrendPoint(rate == null ? "share" : rate.name(), v.outcome(), null, null, null, limit);
    }
    if (rate != null && rate.number() != null) {
      Interval i = interval(v);
      return new TrendPoint(rate.name(), v.outcome(), rate.number(), i == null ? null : i.low(),
          i == null ? null : i.high(), limit);
    }
    Figure count = v.figure(Figure.Kind.COUNT), n = v.figure(Figure.Kind.N);
    if (count == null || n == null || count.number() == null || n.number() == null || n.number() <= 0) return null;
    return new TrendPoint("share of " + stripped(n.name()), v.outcome(), count.number() / n.number(), null, null,
        limit == null && threshold != null ? Double.valueOf(0.0) : limit); // boxed: a null limit stays null
  }

  private static Interval interval(Verdict v) {
    Interval first = null;
    for (Figure f : v.figures()) {
      if (f.kind() != Figure.Kind.INTERVAL) continue;
      if (Math.abs(f.interval().confidence() - 0.95) < 1e-12) return f.interval();
      if (first == null) first = f.interval();
    }
    return first;
  }

  /** "n (completed sessions)" gives "completed sessions". */
  private static String stripped(String name) {
    String t = name.startsWith("n ") ? name.substring(2).strip() : name;
    return t.startsWith("(") && t.endsWith(")") ? t.substring(1, t.length() - 1) : t;
  }
}
