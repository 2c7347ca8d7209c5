package io.konvoqa.run;

import io.konvoqa.config.Settings;
import io.konvoqa.report.Conversations;
import io.konvoqa.report.RunFacts;
import io.konvoqa.report.render.TranscriptOptions;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.session.Window;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything one gate run shares across its scenarios: its settings, where its sessions come from
 * (with the windows fetched so far), its personal-data masking, its log and where it writes. Built
 * once per run, by {@link GateRunner} or, under the JUnit Platform, by {@link GateRunPlugin};
 * steps get it from Cucumber's PicoContainer.
 *
 * <p>A run that could not open (bad settings, a bad data file) still has a context: every gate
 * asking for its sessions gets that same error, and its reports go where the settings say.
 */
public final class RunContext implements AutoCloseable {
  /** Cucumber builds the plugin and the glue in separate object graphs, so the run reaches the glue only through here. */
  private static RunContext active;

  private final Settings settings;
  private final GateRun run;
  private final RuntimeException openFailure;
  private final Path reportsDir;
  private final PrintStream console;
  private final RunLog log = new RunLog();
  private final BaselineSnapshots baselines = new BaselineSnapshots();
  private final RunTrends trends;
  private io.konvoqa.gate.Grader grader;
  /** The run's gates, planned before any is judged; null when the run judges each gate alone. */
  private Plan plan;
  /** The plan run's own log while it runs, else null. */
  private RunLog planning;
  private Privacy privacy;
  private Conversations conversations;

  private RunContext(Builder b, GateRun run, RuntimeException openFailure) {
    this.settings = b.settings;
    this.run = run;
    this.openFailure = openFailure;
    this.reportsDir = b.settings != null ? b.settings.reportsDir() : Builder.DEFAULT_REPORTS;
    this.console = b.console;
    this.trends = RunTrends.load(reportsDir, b.clock.instant(), b.console);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The run the environment describes (the JUnit Platform's way in, which has no command line). */
  static RunContext fromEnvironment() {
    Builder builder = builder().clock(Clock.systemUTC()).console(System.err);
    try {
      builder.settings(Settings.fromEnvironment());
    } catch (RuntimeException e) {
      builder.settingsFailure(e);
    }
    return builder.build();
  }

  /** The sessions' source; throws the error it could not open with, the same for every gate. */
  GateRun run() {
    if (openFailure != null) throw openFailure;
    return run;
  }

  /** Where the run's sessions come from; throws like {@link #run()}. */
  public SessionSource source() {
    return run();
  }

  /** False when the run could not open: {@link #run()} throws why. */
  public boolean opened() {
    return openFailure == null;
  }

  /** The run's settings; throws like {@link #run()} when the run did not open. */
  public Settings settings() {
    return run().settings();
  }

  /** Where the run speaks to its user (stderr under the JUnit Platform). */
  PrintStream console() {
    return console;
  }

  public Path reportsDir() {
    return reportsDir;
  }

  /** GitHub's job summary file, or null; read from the environment when the settings could not be. */
  Path stepSummary() {
    return settings != null ? settings.stepSummary() : Settings.stepSummary(System.getenv(), System.getProperties());
  }

  /** The run's log; while the gates are being planned, the plan run's own. */
  public synchronized RunLog log() {
    return planning != null ? planning : log;
  }

  /** True while {@link Planner} runs the features to plan the gates: gate steps then record, not judge. */
  public synchronized boolean planning() {
    return planning != null;
  }

  synchronized void startPlanning() {
    plan = new Plan();
    planning = new RunLog();
  }

  /** Ends the plan run; {@code keep} false drops the plan (every gate is then judged alone). */
  synchronized int stopPlanning(boolean keep) {
    planning = null;
    if (!keep) plan = null;
    return plan == null ? 0 : plan.size();
  }

  /**
   * Records the gate of the step running now in the plan run.
   *
   * @param selection the scenario's choices as written ({@code Selection.toString()})
   */
  public synchronized void plan(Window window, String selection, io.konvoqa.gate.OnePass.Scenario scenario) {
    String key = planning == null ? null : planning.currentStepKey();
    if (key != null) plan.add(new Plan.Entry(key, window, selection, scenario));
  }

  /**
   * The verdict of the gate of the step running now, judged with every planned gate of its window
   * in one pass over the window when the first of them asks; empty when the step was not planned
   * as it now stands (then it is judged alone). Throws what the window's fetch threw.
   */
  public synchronized java.util.Optional<io.konvoqa.gate.OnePass.Judged> planned(Window window, String selection,
      int minimumSample, String name) {
    String key = log.currentStepKey();
    Plan.Entry entry = plan == null || key == null ? null : plan.entry(key);
    if (entry == null || !entry.same(window, selection, minimumSample, name)) return java.util.Optional.empty();
    if (!plan.read(window)) pass(window);
    return java.util.Optional.ofNullable(plan.verdict(key));
  }

  /** The baseline snapshots read in this run, each read once. */
  public BaselineSnapshots baselines() {
    return baselines;
  }

  /** Each gate's figure in the earlier runs (read once, when the run opened) and in this one. */
  public RunTrends trends() {
    return trends;
  }

  /**
   * The run's one masking, so that a customer's token is the same in every verdict of the run;
   * made when the first gate asks, so that its warning comes where it always came. Masking when
   * the run did not open (never off by accident).
   */
  public synchronized Privacy privacy() {
    if (privacy == null) {
      if (openFailure != null) {
        privacy = Privacy.masking(Salt.random());
      } else {
        boolean mask = settings.maskPersonalData();
        privacy = Privacy.of(mask, mask ? Salt.of(settings.maskSalt(), saltStore(), run.workspace()) : null, console);
      }
    }
    return privacy;
  }

  /**
   * The offending sessions of the run's failing gates, for the conversations page. A dashboard
   * link template that is not a valid URL gives no links here (the verdict table says why).
   */
  public synchronized Conversations conversations() {
    if (conversations == null) {
      if (openFailure != null) {
        conversations = new Conversations(0, null);
      } else {
        TranscriptOptions options;
        try {
          options = new TranscriptOptions(settings.roles(), settings.dashboardUrl());
        } catch (IllegalArgumentException e) {
          options = new TranscriptOptions(settings.roles(), null);
        }
        conversations = new Conversations(settings.transcripts(), options);
      }
    }
    return conversations;
  }

  /**
   * The run's grader for semantic gates, made when the first judged gate asks: KONVO_JUDGE_URL's
   * judge; else, in demo mode only, the demo judge on the embedded simulator; else one whose every
   * grading could not judge ("no judge configured: set KONVO_JUDGE_URL"), never a pass.
   */
  public synchronized io.konvoqa.gate.Grader grader() {
    if (grader == null) {
      if (openFailure != null) {
        grader = io.konvoqa.grader.Graders.unavailable(openFailure.getMessage());
      } else {
        try {
          grader = io.konvoqa.grader.Graders.forRun(settings, run.demoJudgeUrl(), privacy(), console);
        } catch (RuntimeException e) {
          grader = io.konvoqa.grader.Graders.unavailable(e.getMessage());
        }
      }
    }
    return grader;
  }

  /** Judges every planned gate of the window in one pass over it, and says so on the console. */
  private void pass(Window window) {
    List<Plan.Entry> gates = plan.of(window);
    Counted sessions;
    List<io.konvoqa.gate.OnePass.Judged> verdicts;
    try {
      SessionSource.Read read = run().read(window);
      sessions = new Counted(read.sessions());
      verdicts = io.konvoqa.gate.OnePass.judgeEach(sessions, FetchCompleteness.of(read.summary()),
          settings().minimumSample(), settings().roles(), gates.stream().map(Plan.Entry::scenario).toList());
    } catch (RuntimeException e) {
      plan.judged(window, List.of(), List.of()); // no second try: each gate is judged alone, and says why
      throw e;
    }
    plan.judged(window, gates, verdicts);
    console.println(String.format(java.util.Locale.ROOT, "konvo-qa: %s: %,d gate%s judged in one pass over %,d sessions",
        window, gates.size(), gates.size() == 1 ? "" : "s", sessions.count()));
  }

  /** A window's sessions, counting those read. */
  private static final class Counted implements Iterable<io.konvoqa.session.Session> {
    private final Iterable<io.konvoqa.session.Session> sessions;
    private long count;

    Counted(Iterable<io.konvoqa.session.Session> sessions) {
      this.sessions = sessions;
    }

    long count() {
      return count;
    }

    @Override public java.util.Iterator<io.konvoqa.session.Session> iterator() {
      java.util.Iterator<io.konvoqa.session.Session> read = sessions.iterator();
      return new java.util.Iterator<>() {
        @Override public boolean hasNext() {
          return read.hasNext();
        }

        @Override public io.konvoqa.session.Session next() {
          count++;
          return read.next();
        }
      };
    }
  }

  // The build's tests point this into target/ (-Dkonvo.mask.salt.store): never at the user's salt.
  private static Path saltStore() {
    String store = System.getProperty("konvo.mask.salt.store");
    return store == null ? Salt.STORE : Path.of(store);
  }

  /** What the report says about the run, or null when it did not open. */
  RunFacts facts() {
    return openFailure != null ? null : run.facts();
  }

  @Override public void close() {
    if (run != null) run.close();
  }

  /** Makes this the run the steps see, until {@link #deactivate}. */
  static synchronized void activate(RunContext context) {
    if (active != null) {
      throw new IllegalStateException("a gate run is already running in this JVM: runs cannot overlap");
    }
    active = Objects.requireNonNull(context, "context");
  }

  static synchronized void deactivate(RunContext context) {
    if (active == context) active = null;
  }

  /** The run the steps see; for the step classes' PicoContainer, nothing else. */
  public static synchronized RunContext active() {
    if (active == null) {
      throw new IllegalStateException("no gate run is active: run the gates with 'konvo-qa.jar run'"
          + " or 'mvn -Pgate verify', whose plugin io.konvoqa.run.GateRunPlugin opens the run");
    }
    return active;
  }

  static synchronized RunContext activeOrNull() {
    return active;
  }

  /** Settings (or why they could not be read), clock and console; {@link #build()} opens the run. */
  public static final class Builder {
    static final Path DEFAULT_REPORTS = Path.of("reports");
    private Settings settings;
    private RuntimeException settingsFailure;
    private Clock clock;
    private PrintStream console;

    private Builder() {}

    public Builder settings(Settings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Settings that could not be read: the run does not open, and every gate says why. */
    Builder settingsFailure(RuntimeException failure) {
      this.settingsFailure = Objects.requireNonNull(failure, "failure");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder console(PrintStream console) {
      this.console = Objects.requireNonNull(console, "console");
      return this;
    }

    /** Opens the run; if it cannot, prints why and keeps the error for every gate. */
    public RunContext build() {
      if ((settings == null) == (settingsFailure == null)) {
        throw new IllegalStateException("a run needs either settings or the error reading them, and got "
            + (settings == null ? "neither" : "both"));
      }
      if (clock == null) throw new IllegalStateException("a run needs a clock: call clock(Clock.systemUTC())");
      if (console == null) throw new IllegalStateException("a run needs a console: call console(System.err)");
      RuntimeException failure = settingsFailure;
      GateRun run = null;
      if (failure == null) {
        try {
          run = GateRun.open(settings, clock, console);
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) console.println("konvo-qa: " + failure.getMessage());
      return new RunContext(this, run, failure);
    }
  }
}
