package io.konvoqa.steps;

import io.konvoqa.client.KonvoApiException;
import io.konvoqa.gate.Completeness;
import io.konvoqa.gate.Gate;
import io.konvoqa.gate.OnePass;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Selection;
import io.konvoqa.gate.Verdict;
import io.konvoqa.run.FetchCompleteness;
import io.konvoqa.run.SessionSource;
import io.konvoqa.run.RunContext;
import io.konvoqa.session.Window;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The sessions one scenario judges: its window and its choices. Step classes share it (one per
 * scenario); the fetched window itself is cached by the run's {@link SessionSource}.
 */
public final class ScenarioSessions {
  private final RunContext context;
  private Window window;
  private Selection selection = Selection.all();
  private Integer minimumSample;
  private Sample lastSample;
  private Integer sampleSize;
  private String choiceAfterSample;
  private java.util.List<io.konvoqa.gate.Route> routes = java.util.List.of();

  public ScenarioSessions(RunContext context) {
    this.context = java.util.Objects.requireNonNull(context, "context");
  }

  RunContext context() {
    return context;
  }

  /** The run's sessions' source; throws the run's error when it could not open. */
  SessionSource source() {
    return context.source();
  }

  void window(Window window) {
    this.window = window;
  }

  void lastDuration(Duration duration) {
    SessionSource source = source();
    window = new Window(source.now().minus(duration), source.now());
  }

  void choose(UnaryOperator<Selection> choice) {
    selection = choice.apply(selection);
    if (sampleSize != null && choiceAfterSample == null) choiceAfterSample = selection.toString();
  }

  /** Judged gates grade a seeded random sample of this many of the sessions chosen (see {@link #draw}). */
  void sample(int size) {
    if (size < 1) throw new ConfigurationException("a random sample must hold at least 1 session but was " + size);
    this.sampleSize = size;
  }

  /**
   * The sample judged gates grade, or null to grade every session chosen. Its seed is
   * KONVO_SAMPLE_SEED, else the scenario's name: the same window and scenario give the same sample.
   */
  io.konvoqa.gate.Draw draw() {
    if (sampleSize == null) return null;
    Long seed = context.settings().sampleSeed();
    String scenario = context.log().currentScenario();
    return new io.konvoqa.gate.Draw(sampleSize, seed != null ? seed
        : io.konvoqa.gate.Draw.seedOf(scenario == null ? "" : scenario));
  }

  void minimumSample(int minimum) {
    if (minimum < 1) {
      throw new ConfigurationException("the minimum sample must be at least 1 but was " + minimum);
    }
    this.minimumSample = minimum;
  }

  /** The minimum sample of this scenario's gates. */
  private int minimum() {
    return minimumSample != null ? minimumSample : context.settings().minimumSample();
  }

  /** In the plan run: records the gate for its window's one pass, when its sessions are known. */
  void plan(String name, Supplier<Gate> gate) {
    if (window == null || choiceAfterSample != null || !context.opened()) return;
    Gate made;
    try {
      made = gate.get();
    } catch (RuntimeException e) {
      return; // judged alone, where what it refuses becomes its verdict
    }
    int minimum = minimum();
    context.plan(window, selection.toString(), new OnePass.Scenario(name, selection, made, minimum));
  }

  /**
   * Judges a gate over the scenario's sessions: its verdict from the window's one pass when the
   * run planned it as it now stands, else alone, with the same verdict either way.
   */
  Verdict judgeGate(String name, Supplier<Gate> gate) {
    if (window != null && choiceAfterSample == null && context.opened()) {
      Optional<OnePass.Judged> planned;
      try {
        planned = context.planned(window, selection.toString(), minimum(), name);
      } catch (RuntimeException e) {
        planned = Optional.empty(); // judged alone, that gives the failure its verdict
      }
      if (planned.isPresent()) {
        Verdict verdict = planned.get().verdict();
        try {
          lastSample = source().held(window) ? sample() : shown(verdict);
        } catch (RuntimeException e) {
          lastSample = null;
        }
        return planned.get().refused() ? verdict : noted(verdict);
      }
    }
    return judge(name, sample -> sample.judge(gate.get(), name));
  }

  /** Runs a gate over the scenario's sessions; fetch and configuration problems become verdicts. */
  Verdict judge(String gate, Function<Sample, Verdict> judge) {
    Sample sample;
    lastSample = null;
    if (choiceAfterSample != null) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, "a choice follows the random sample (" + choiceAfterSample
          + "): a sample is drawn from the sessions chosen before it, so choose first, then write"
          + " 'Given a random sample of " + sampleSize + " sessions'");
    }
    try {
      sample = sample();
      lastSample = sample;
    } catch (KonvoApiException e) {
      return Verdict.notJudged(gate, outcomeOf(e), "the sessions could not be fetched: " + e.getMessage());
    } catch (io.konvoqa.run.WindowNotRecorded e) {
      return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, e.getMessage());
    } catch (IllegalArgumentException e) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, e.getMessage());
    }
    Verdict verdict;
    try {
      verdict = judge.apply(sample);
    } catch (ConfigurationException e) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, e.getMessage());
    }
    return noted(verdict);
  }

  /**
   * The sessions a report needs of a verdict over a window read from the store, not held: its
   * offenders, read back by id (the masking then knows their external_user_ids, which is what
   * their quoted messages can hold).
   */
  private Sample shown(Verdict verdict) {
    java.util.List<String> ids = verdict.offenders().stream().map(io.konvoqa.gate.Offender::sessionId).distinct().toList();
    java.util.List<io.konvoqa.session.Session> offenders = ids.isEmpty() ? java.util.List.of() : source().sessions(window, ids);
    return new Sample(offenders, java.util.List.of(), minimum(), context.settings().roles(), source().now(), offenders,
        FetchCompleteness.of(source().summary(window)));
  }

  /** The verdict with what the fetch noted about its window and how the window was assembled. */
  private Verdict noted(Verdict verdict) {
    // whether the window is complete enough is the gate's call, from sample.completeness()
    verdict = verdict.withFigures(FetchNotes.of(source().summary(window)));
    String assembly = source().assembly(window);
    return assembly == null ? verdict
        : verdict.withFigures(java.util.List.of(new io.konvoqa.gate.Figure("window assembled", assembly)));
  }

  /** A failed fetch: the user's to fix (key, settings) or the API's (outage, bad data). */
  static Outcome outcomeOf(KonvoApiException e) {
    return switch (e.kind()) {
      case KEY_REJECTED, BAD_CONFIGURATION, BAD_REQUEST -> Outcome.CONFIGURATION_ERROR;
      default -> Outcome.DATA_UNAVAILABLE;
    };
  }

  /** The scenario's routing table, once a routing step has read one; baseline gates reuse it. */
  void routes(java.util.List<io.konvoqa.gate.Route> table) {
    this.routes = java.util.List.copyOf(table);
  }

  java.util.List<io.konvoqa.gate.Route> routes() {
    return routes;
  }

  Window window() {
    return window;
  }

  /** The scenario's choices as they stand: a baseline gate planned now applies them to its baseline. */
  Selection selection() {
    return selection;
  }

  /** The sample the last gate judged, or null when it could not be made: for the report. */
  Sample lastSample() {
    return lastSample;
  }

  /** The sample, for gates and for the report's transcripts. */
  Sample sample() {
    if (window == null) {
      throw new ConfigurationException("no window chosen: start the scenario with a window, e.g."
          + " 'Given the sessions updated in the last 7 days'");
    }
    io.konvoqa.client.FetchResult fetched = source().fetch(window);
    return sampleOf(fetched.sessions(), FetchCompleteness.of(fetched.summary()));
  }

  /** Sessions chosen the way this scenario chooses, with how complete their window was. */
  Sample sampleOf(java.util.List<io.konvoqa.session.Session> sessions, Completeness completeness) {
    int minimum = minimum();
    return selection.apply(sessions, completeness, minimum, context.settings().roles(), source().now());
  }
}
