package io.konvoqa.run;

import io.konvoqa.gate.Verdict;
import io.konvoqa.report.FigureTrend;
import io.konvoqa.report.TrendKey;
import io.konvoqa.report.TrendPoint;
import io.konvoqa.report.TrendSeries;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figure trends of one run: the earlier runs, read once when the run opens; each gate's point
 * of this run, keyed by feature and scenario name as {@link GateRunPlugin} reports them; and the
 * write of both when the run ends.
 */
public final class RunTrends {
  private final Path file;
  private final PrintStream console;
  private final FigureTrend before;
  private final FigureTrend.Run draft;
  private final Map<String, Integer> examples = new HashMap<>();
  private final Map<TrendKey, TrendPoint> now = new LinkedHashMap<>();
  private TrendKey scenario;
  private int gates;

  private RunTrends(Path file, Instant at, PrintStream console) {
    this.file = file;
    this.console = console;
    this.before = FigureTrend.read(file, console);
    this.draft = new FigureTrend.Run(before.nextNumber(), at, Map.of());
  }

  static RunTrends load(Path reportsDir, Instant at, PrintStream console) {
    return new RunTrends(FigureTrend.file(reportsDir), at, console);
  }

  /** A scenario starts; a second scenario of the same name in a feature is its example 2. */
  synchronized void scenarioStarted(String feature, String name) {
    int example = examples.merge(feature + "\n" + name, 1, Integer::sum);
    scenario = new TrendKey(feature, name, example, 1);
    gates = 0;
  }

  /**
   * Records the verdict's point for this run and returns the gate's series to draw: null outside
   * a scenario, {@link TrendSeries#NO_SINGLE_FIGURE} for a gate with no single figure to follow.
   */
  public synchronized TrendSeries judged(Verdict verdict) {
    if (scenario == null) return null;
    gates++;
    TrendPoint point = TrendPoint.of(verdict);
    if (point == null) return TrendSeries.NO_SINGLE_FIGURE;
    TrendKey key = new TrendKey(scenario.feature(), scenario.scenario(), scenario.example(), gates);
    now.put(key, point);
    return before.series(key, new TrendSeries.Entry(draft.number(), draft.at(), point));
  }

  /** Writes the earlier runs and this one; a run without a gate adds nothing. Warns, never throws. */
  synchronized void write() {
    if (now.isEmpty()) return;
    try {
      before.with(new FigureTrend.Run(draft.number(), draft.at(), now)).write(file);
    } catch (RuntimeException e) {
      console.println("konvo-qa: WARNING: the figure trends could not be kept: " + e.getMessage());
    }
  }
}
