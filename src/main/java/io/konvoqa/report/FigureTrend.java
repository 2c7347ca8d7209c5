package io.konvoqa.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each gate's main figure over the last {@value #KEPT_RUNS} runs, kept in
 * {@code reports/history/figures.json} beside Allure's history (which Allure itself would drop
 * unknown files from), so the CI cache that carries one carries both. Immutable: a run reads it
 * once at its start and writes {@link #with} its own points at its end.
 */
public final class FigureTrend {
  public static final int KEPT_RUNS = 100;
  public static final int SHOWN_RUNS = 30;

  /** One run: its number (counting on across the cap), when it ran, and each gate's point. */
  public record Run(int number, Instant at, Map<TrendKey, TrendPoint> gates) {
    public Run {
      if (number < 1) throw new IllegalArgumentException("run number must be at least 1 but was " + number);
      Objects.requireNonNull(at, "at");
      gates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gates));
    }
  }

  private final List<Run> runs;

  FigureTrend(List<Run> runs) {
    this.runs = List.copyOf(runs);
  }

  public static FigureTrend empty() {
    return new FigureTrend(List.of());
  }

  /** Where a reports directory keeps the trends. */
  public static Path file(Path reportsDir) {
    return reportsDir.resolve("history").resolve("figures.json");
  }

  /** The trends in {@code file}; none when there is no file, and none with a warning on {@code console} when it is unreadable. */
  public static FigureTrend read(Path file, PrintStream console) {
    return FigureTrendJson.read(file, console);
  }

  /** Writes to {@code file} through a temporary file, so an interrupted run never leaves half a file. */
  public void write(Path file) {
    FigureTrendJson.write(this, file);
  }

  public List<Run> runs() {
    return runs;
  }

  /** The number the next run gets. */
  public int nextNumber() {
    return runs.isEmpty() ? 1 : runs.get(runs.size() - 1).number() + 1;
  }

  /** These runs and one more, the oldest dropped beyond {@value #KEPT_RUNS}. */
  public FigureTrend with(Run run) {
    List<Run> all = new ArrayList<>(runs);
    all.add(run);
    return new FigureTrend(all.subList(Math.max(0, all.size() - KEPT_RUNS), all.size()));
  }

  /** The gate's last {@value #SHOWN_RUNS} runs, this run's {@code current} entry last. */
  public TrendSeries series(TrendKey key, TrendSeries.Entry current) {
    List<TrendSeries.Entry> entries = new ArrayList<>();
    for (Run run : runs) {
      TrendPoint point = run.gates().get(key);
      if (point != null) entries.add(new TrendSeries.Entry(run.number(), run.at(), point));
    }
    entries.add(current);
    return new TrendSeries(entries.subList(Math.max(0, entries.size() - SHOWN_RUNS), entries.size()));
  }
}
