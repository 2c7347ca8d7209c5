package io.konvoqa.run;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.report.RunFacts;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.simulator.Shortfall;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the sessions of one gate run come from: its settings, its "now", and the windows fetched
 * so far. A window is fetched once per run and shared by every scenario that asks for it.
 *
 * <p>Without a key or data file the run serves the demo workspace from an embedded simulator
 * (outside CI, or with {@code KONVO_DEMO=true}; in CI it does not open, so every gate could not
 * judge); with {@code KONVO_DATA} it serves that file, with "now" the end of its recorded window.
 */
public final class GateRun implements SessionSource {
  private final Settings settings;
  private final Instant now;
  private final String sourceLabel;
  private final String apiHost;
  private final String workspace;
  private final Instant recordedAt;
  /** The window a replayed snapshot holds (null: any), and what its recording could not keep. */
  private final Window recordedWindow;
  private final Shortfall shortfall;
  private final KonvoSimulator simulator;
  private final KonvoClient client;
  private final Map<Window, Object> fetched = new LinkedHashMap<>();
  /** Windows read from the store for their one pass, not held: their summary, and their sessions on disk. */
  private final Map<Window, io.konvoqa.store.StoredWindows.Streamed> streamed = new LinkedHashMap<>();
  /** Every window asked for, in the order first asked: the report lists them so. */
  private final java.util.Set<Window> windows = new java.util.LinkedHashSet<>();
  /** How each window served from the store was put together; none without a store. */
  private final Map<Window, String> assemblies = new LinkedHashMap<>();
  private final PrintStream console;
  /** The live workspace's store, or null (no store set, the demo, a snapshot, or it could not open). */
  private final io.konvoqa.store.StoredWindows stored;

  private GateRun(Settings settings, Clock clock, PrintStream console) {
    this.settings = settings;
    this.console = console;
    settings.warn(console);
    Instant wallNow = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String key = settings.apiKey();
    if (settings.source() == Settings.Source.NONE) throw new IllegalArgumentException(settings.noSource());
    switch (settings.source()) {
      case SNAPSHOT -> {
        Dataset dataset = DatasetFile.read(settings.dataFile());
        this.simulator = KonvoSimulator.start(dataset);
        this.now = dataset.now();
        this.recordedAt = dataset.recordedAt();
        this.recordedWindow = dataset.window();
        this.shortfall = dataset.shortfall();
        this.sourceLabel = "snapshot " + settings.dataFile() + " (recorded at " + dataset.recordedAt()
            + (dataset.source() == null ? "" : " from " + dataset.source())
            + (dataset.window() == null ? "" : ", window " + dataset.window()) + ")";
        this.apiHost = simulator.url();
        this.workspace = dataset.source() != null ? dataset.source()
            : "snapshot " + settings.dataFile().toAbsolutePath().normalize();
        key = "local-simulator";
        console.println("konvo-qa: replaying " + sourceLabel + ": " + count(dataset.sessions().size())
            + " sessions, \"now\" is " + now);
      }
      case DEMO -> {
        Dataset dataset = DemoWorkspace.generate(wallNow);
        this.simulator = KonvoSimulator.start(dataset);
        this.now = wallNow;
        this.recordedAt = null;
        this.recordedWindow = null;
        this.shortfall = Shortfall.NONE;
        if (settings.judge().url() == null) {
          simulator.serveJudge(DemoWorkspace.judgeTruth(), settings.judge().demoErrorRate(),
              io.konvoqa.grader.Graders.DEMO_SEED);
        }
        this.sourceLabel = "demo workspace (embedded simulator)";
        this.apiHost = simulator.url();
        this.workspace = "demo";
        key = "demo-workspace";
        console.println("konvo-qa: no KONVO_API_KEY set: judging the bundled demo workspace ("
            + count(dataset.sessions().size()) + " sessions) on an embedded simulator at "
            + simulator.url() + "; set KONVO_API_KEY to gate your live sessions");
      }
      default -> {
        this.simulator = null;
        this.now = wallNow;
        this.recordedAt = null;
        this.recordedWindow = null;
        this.shortfall = Shortfall.NONE;
        this.sourceLabel = "live API";
        this.apiHost = settings.baseUrl();
        this.workspace = settings.baseUrl();
      }
    }
    KonvoClient.Builder builder = KonvoClient.builder(settings).progressOnConsole();
    if (simulator != null) builder.baseUrl(simulator.url());
    this.client = builder.apiKey(key).build();
    this.stored = settings.source() == Settings.Source.LIVE ? openStore(settings, key, console) : null;
  }

  /**
   * The store of a live run, or null when none is set or it cannot be opened (the run then
   * fetches every window whole, as without a store, and says why). The demo workspace and
   * snapshots never come here: they never write into a live workspace's data.
   */
  private io.konvoqa.store.StoredWindows openStore(Settings settings, String key, PrintStream console) {
    if (!settings.store().enabled()) return null;
    try {
      io.konvoqa.store.SessionStore store = io.konvoqa.store.SessionStore.open(settings.store().file(), console);
      // the page sink (the second client::fetch): a full sync writes each page as it comes, holding no window
      return new io.konvoqa.store.StoredWindows(store, store.workspace(client.baseUrl(), key), settings.store(),
          client::fetch, client::fetch, console, settings.maxSessions());
    } catch (io.konvoqa.store.StoreException e) {
      console.println("konvo-qa: warning: " + e.getMessage() + "; fetching every window whole (KONVO_STORE=none"
          + " turns the store off)");
      return null;
    }
  }

  /**
   * Starts the sessions' source of a run with these settings: the embedded simulator of the demo
   * workspace or a snapshot, or the client of the live API. Throws when it cannot (a bad data
   * file, a bad setting); {@link RunContext} keeps that error for every gate of the run.
   */
  public static GateRun open(Settings settings, Clock clock, PrintStream console) {
    return new GateRun(settings, clock, console);
  }

  public Settings settings() {
    return settings;
  }

  @Override public Instant now() {
    return now;
  }

  public Settings.Source source() {
    return settings.source();
  }

  @Override public String sourceLabel() {
    return sourceLabel;
  }

  /** The API host sessions came from (the simulator's address for demo and snapshots). */
  public String apiHost() {
    return apiHost;
  }

  /**
   * Whose customers these are, for the masking salt: the API base URL, "demo", or the API a
   * snapshot was recorded from (its path when it does not say).
   */
  @Override public String workspace() {
    return workspace;
  }

  /** The demo judge's URL: in demo mode without KONVO_JUDGE_URL only, else null (never on real data). */
  public String demoJudgeUrl() {
    return source() == Settings.Source.DEMO && settings.judge().url() == null ? simulator.judgeUrl() : null;
  }

  /** When the snapshot was recorded, or null. */
  public Instant recordedAt() {
    return recordedAt;
  }

  /**
   * The sessions of a window, fetched once per run; a failed fetch fails every time it is asked.
   * A snapshot serves only windows inside the one it recorded, and reports what its recording
   * could not keep as part of every window's fetch.
   */
  @Override public synchronized FetchResult fetch(Window window) {
    Object cached = fetched.get(window);
    if (cached == null) {
      try {
        if (!recorded(window)) throw new WindowNotRecorded(settings.dataFile(), recordedWindow, window);
        io.konvoqa.store.StoredWindows.Streamed read = streamed.get(window);
        if (read != null) {
          cached = held(window, read); // synced and said already, for the window's one pass
        } else {
          FetchResult result;
          if (stored != null) {
            result = fromStore(window);
          } else {
            result = Replay.withShortfall(client.fetch(window), shortfall);
          }
          fetched(window, result.summary());
          cached = result;
        }
      } catch (RuntimeException e) {
        cached = e;
      }
      fetched.put(window, cached);
      windows.add(window);
    }
    if (cached instanceof RuntimeException e) throw e;
    return (FetchResult) cached;
  }

  /** Says what the fetch of a window found: its page numbering, and whether it may be incomplete. */
  private void fetched(Window window, io.konvoqa.client.FetchSummary summary) {
    if (source() == Settings.Source.LIVE) console.println("konvo-qa: " + window + ": " + summary.numbering());
    String incomplete = FetchCompleteness.of(summary).reason();
    if (!incomplete.isEmpty()) {
      console.println("konvo-qa: warning: the window " + window + " may be incomplete: " + incomplete
          + "; every gate over it says so");
    }
  }

  /**
   * A live window with a store, for its one pass: synced as {@link #fetch} syncs it, then read
   * from the store a session at a time, never held in memory. Without a store, or when the store
   * fails, as {@link #fetch}.
   */
  @Override public synchronized Read read(Window window) {
    if (stored == null || fetched.containsKey(window)) return SessionSource.super.read(window);
    io.konvoqa.store.StoredWindows.Streamed read = streamed.get(window);
    if (read == null) {
      try {
        read = stored.stream(window, now);
      } catch (io.konvoqa.store.StoreException e) {
        return SessionSource.super.read(window); // fetch says why and fetches the window whole
      } catch (RuntimeException e) {
        fetched.put(window, e); // the API's failure: every gate over the window gets it
        windows.add(window);
        throw e;
      }
      streamed.put(window, read);
      windows.add(window);
      assemblies.put(window, read.assembly());
      fetched(window, read.summary());
    }
    return new Read(read.sessions(), read.summary());
  }

  @Override public synchronized io.konvoqa.client.FetchSummary summary(Window window) {
    io.konvoqa.store.StoredWindows.Streamed read = streamed.get(window);
    return read != null ? read.summary() : SessionSource.super.summary(window);
  }

  @Override public synchronized boolean held(Window window) {
    return !streamed.containsKey(window) || fetched.get(window) instanceof FetchResult;
  }

  @Override public synchronized List<io.konvoqa.session.Session> sessions(Window window, java.util.Collection<String> ids) {
    if (held(window)) return SessionSource.super.sessions(window, ids);
    Map<String, io.konvoqa.session.Session> byId = stored.sessions(ids);
    List<io.konvoqa.session.Session> found = new ArrayList<>();
    for (String id : ids) if (byId.containsKey(id)) found.add(byId.get(id));
    return found;
  }

  /**
   * A window read for its one pass, now asked for whole (a gate judged alone): read from the
   * store into memory, within the safety cap (KONVO_MAX_SESSIONS).
   */
  private FetchResult held(Window window, io.konvoqa.store.StoredWindows.Streamed read) {
    io.konvoqa.client.HeldWindow.check(read.summary().received());
    List<io.konvoqa.session.Session> sessions = new ArrayList<>();
    for (io.konvoqa.session.Session s : read.sessions()) {
      if (sessions.size() == settings.maxSessions()) {
        throw io.konvoqa.client.KonvoApiException.tooManySessions(
            String.format(Locale.ROOT, "more than %,d sessions", settings.maxSessions()), settings.maxSessions());
      }
      sessions.add(s);
    }
    return new FetchResult(window, sessions, List.of(), read.summary());
  }

  /** The window through the store; a store that fails (not the API) leaves the window fetched whole. */
  private FetchResult fromStore(Window window) {
    try {
      io.konvoqa.store.StoredWindows.Assembled assembled = stored.fetch(window, now);
      assemblies.put(window, assembled.assembly());
      return assembled.result();
    } catch (io.konvoqa.store.StoreException e) {
      console.println("konvo-qa: warning: " + e.getMessage() + "; fetching the window " + window + " whole");
      return client.fetch(window);
    }
  }

  @Override public synchronized String assembly(Window window) {
    return assemblies.get(window);
  }

  /** True unless this is a snapshot that does not hold all of {@code window}. */
  private boolean recorded(Window window) {
    return recordedWindow == null
        || recordedWindow.contains(window.from()) && recordedWindow.contains(window.to());
  }

  /** Every window fetched (or held after its one pass) so far, successful ones only. */
  public synchronized List<FetchResult> fetchResults() {
    List<FetchResult> results = new ArrayList<>();
    for (Object value : fetched.values()) if (value instanceof FetchResult r) results.add(r);
    return results;
  }

  /** Every window fetched so far, held or read from the store, with what its fetch knows. */
  private synchronized Map<Window, io.konvoqa.client.FetchSummary> summaries() {
    Map<Window, io.konvoqa.client.FetchSummary> summaries = new LinkedHashMap<>();
    for (Window window : windows) {
      io.konvoqa.store.StoredWindows.Streamed read = streamed.get(window);
      if (read != null) summaries.put(window, read.summary());
      else if (fetched.get(window) instanceof FetchResult r) summaries.put(window, r.summary());
    }
    return summaries;
  }

  @Override public synchronized void close() {
    client.close();
    if (stored != null) stored.close();
    if (simulator != null) simulator.close();
  }

  /** What the report says about this run: its source, the windows fetched so far, its masking. */
  @Override public RunFacts facts() {
    String dataSource = switch (source()) {
      case LIVE -> "live API at " + apiHost;
      case DEMO -> "demo workspace (embedded simulator)";
      case SNAPSHOT -> sourceLabel;
      case NONE -> "none";
    };
    return new RunFacts(sourceLabel, dataSource, summaries().entrySet().stream()
        .map(e -> new RunFacts.Fetched(e.getKey(), e.getValue(), FetchCompleteness.note(e.getValue()), assembly(e.getKey())))
        .toList(),
        settings.maskPersonalData());
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
