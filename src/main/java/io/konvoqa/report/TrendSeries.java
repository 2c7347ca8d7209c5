package io.konvoqa.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One gate's figure over its last runs, oldest first, the last entry this run's: what the verdict
 * table draws. A single entry means the gate is seen for the first time; none, that the gate has
 * no single figure to follow ({@link #NO_SINGLE_FIGURE}).
 */
public record TrendSeries(List<Entry> entries) {
  /** The gate's point in the run numbered {@code run}, made at {@code at}. */
  public record Entry(int run, Instant at, TrendPoint point) {
    public Entry {
      if (run < 1) throw new IllegalArgumentException("run must be at least 1 but was " + run);
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(point, "point");
    }
  }

  /** A gate that judges each segment or trigger phrase on its own. */
  public static final TrendSeries NO_SINGLE_FIGURE = new TrendSeries(List.of());

  public TrendSeries {
    entries = List.copyOf(entries);
  }

  public boolean firstRun() {
    return entries.size() == 1;
  }

  public Entry current() {
    if (entries.isEmpty()) throw new IllegalStateException("a gate with no single figure has no current entry");
    return entries.get(entries.size() - 1);
  }
}
