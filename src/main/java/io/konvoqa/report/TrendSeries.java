package io.konvoqa.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One gate's figure over its last runs, oldest first, the last entry this run's: what the verdict
 * table draws. A single entry means the gate is seen for the first time.
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

  public TrendSeries {
    entries = List.copyOf(entries);
    if (entries.isEmpty()) throw new IllegalArgumentException("a series holds at least this run's entry");
  }

  public boolean firstRun() {
    return entries.size() == 1;
  }

  public Entry current() {
    return entries.get(entries.size() - 1);
  }
}
