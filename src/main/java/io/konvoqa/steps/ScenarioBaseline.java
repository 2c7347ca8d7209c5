package io.konvoqa.steps;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.KonvoApiException;
import io.konvoqa.gate.Baseline;
import io.konvoqa.gate.Completeness;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Selection;
import io.konvoqa.run.FetchCompleteness;
import io.konvoqa.run.SessionSource;
import io.konvoqa.run.RunContext;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The baseline one scenario compares with: a snapshot file or another window of the same source.
 * Loaded only when a baseline gate finishes (in its window's one pass, or judged alone), so that a
 * missing or broken baseline becomes that gate's could-not-judge verdict rather than a failed step.
 */
public final class ScenarioBaseline {
  /** The baseline's sessions, and how complete the window they came from was. */
  private record Loaded(String label, List<Session> sessions, Completeness completeness, boolean snapshot) {}

  private interface Source {
    Loaded load();
  }

  private final RunContext context;
  private Source source;

  public ScenarioBaseline(RunContext context) {
    this.context = java.util.Objects.requireNonNull(context, "context");
  }

  void snapshot(Path file) {
    source = () -> {
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationException("no baseline snapshot at " + file.toAbsolutePath()
            + ": record one ('java -jar konvo-qa.jar record') and bless it ('... bless FILE'),"
            + " or fix the path in the feature");
      }
      io.konvoqa.run.BaselineSnapshots.Snapshot snapshot = context.baselines().read(file);
      Dataset dataset = snapshot.dataset();
      return new Loaded(snapshot.label(), dataset.sessions(),
          FetchCompleteness.of(dataset.shortfall(), dataset.countClaimed()), true);
    };
  }

  void window(Window window) {
    source = () -> {
      SessionSource run = context.source();
      FetchResult fetched = run.fetch(window);
      return new Loaded("window " + window + " of the " + run.sourceLabel(), fetched.sessions(),
          FetchCompleteness.of(fetched.summary()), false);
    };
  }

  /**
   * The baseline as this step sees it, for a gate judged now or in its window's one pass: the
   * baseline chosen so far, loaded when the gate finishes, and the scenario's choices so far
   * applied to it (a later step of the scenario does not change them).
   */
  Baseline chosen(ScenarioSessions sessions) {
    Source from = source;
    // judged now, the scenario's choices are those it has; planned, the gate finishes after the
    // plan run has gone through the rest of the scenario, so they are kept as they are now
    Selection choices = context.planning() ? sessions.selection() : null;
    return minimumSample -> {
      if (from == null) {
        throw new ConfigurationException("no baseline chosen: add 'Given the baseline snapshot"
            + " \"snapshots/baseline.json.gz\"', 'Given the blessed baseline' or 'Given the baseline"
            + " window from \"2026-11-13\" to \"2026-11-19\"' before this step");
      }
      Loaded loaded;
      try {
        loaded = from.load();
      } catch (KonvoApiException e) {
        throw new Baseline.Unavailable(ScenarioSessions.outcomeOf(e), "the baseline's sessions could not be fetched: " + e.getMessage());
      } catch (ConfigurationException e) {
        throw e;
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new Baseline.Unavailable(Outcome.DATA_UNAVAILABLE, "the baseline could not be read: " + e.getMessage());
      }
      Completeness completeness = loaded.completeness().whole() ? Completeness.WHOLE
          : new Completeness(loaded.completeness().uncertain(), "in the baseline: " + loaded.completeness().reason());
      Sample sample = choices == null ? sessions.sampleOf(loaded.sessions(), completeness)
          : choices.apply(loaded.sessions(), completeness, minimumSample, context.settings().roles(), context.source().now());
      return new Baseline.Side(sample, loaded.label(), loaded.snapshot());
    };
  }
}
