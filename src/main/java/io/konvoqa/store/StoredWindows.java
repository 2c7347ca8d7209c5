package io.konvoqa.store;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.FetchSummary;
import io.konvoqa.config.StoreSettings;
import io.konvoqa.session.Session;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Serves a live workspace's windows through the store: asks the API only for the sessions updated
 * since the last sync (less an overlap), merges them by id, and reads the window from the store.
 * A window is fetched whole instead when the store does not cover it, when asked ({@code --full}),
 * or when its last full sync is older than the setting: that catches what deltas cannot (deleted
 * sessions, an API that filters {@code updated_at_min} on creation time).
 *
 * <p>A sync is marked only when its fetch was whole (nothing unserved, undated, conflicting or
 * possibly skipped): a fetch the run cannot be sure of is judged as it is, and the next run asks
 * again.
 */
public final class StoredWindows implements AutoCloseable {
  private SessionStore store;
  private final String workspace;
  private final StoreSettings settings;
  private final Function<Window, FetchResult> api;
  private final PrintStream console;
  private final int maxSessions;
  private final long sync = new SecureRandom().nextLong();

  /** A window and how it was put together, in the words a verdict quotes. */
  public record Assembled(FetchResult result, String assembly) {}

  public StoredWindows(SessionStore store, String workspace, StoreSettings settings,
      Function<Window, FetchResult> api, PrintStream console) {
    this(store, workspace, settings, api, console, Integer.MAX_VALUE);
  }

  /** With the safety cap on the sessions of a window read from the store (KONVO_MAX_SESSIONS). */
  public StoredWindows(SessionStore store, String workspace, StoreSettings settings,
      Function<Window, FetchResult> api, PrintStream console, int maxSessions) {
    if (maxSessions < 1) throw new IllegalArgumentException("the safety cap must be at least 1 but was " + maxSessions);
    this.maxSessions = maxSessions;
    this.store = Objects.requireNonNull(store, "store");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.api = Objects.requireNonNull(api, "api");
    this.console = Objects.requireNonNull(console, "console");
  }

  /** The window's sessions, from the store and what changed since the last sync; {@code now} is the run's. */
  public Assembled fetch(Window window, Instant now) {
    try {
      return assemble(window, now);
    } catch (StoreException e) {
      if (!e.corrupt()) throw e;
      store = SessionStore.rebuild(store, e.getMessage(), console);
      return full(window, now, "the store was damaged and begun again");
    }
  }

  private Assembled assemble(Window window, Instant now) {
    SessionStore.Mark mark = store.mark(workspace);
    String whole = wholeBecause(mark, window, now);
    return whole != null ? full(window, now, whole) : delta(window, now, mark);
  }

  /** Why the window must be fetched whole, or null when what changed is enough. */
  private String wholeBecause(SessionStore.Mark mark, Window window, Instant now) {
    if (settings.full()) return "asked for (--full or KONVO_FULL=true)";
    if (mark == null) return "the store holds no complete sync of this workspace yet";
    if (mark.coveredFrom().isAfter(window.from())) {
      return "the store covers only from " + Timestamps.format(mark.coveredFrom());
    }
    if (!mark.lastFull().plus(settings.fullSyncAge()).isAfter(now)) {
      return "the last full sync, " + Timestamps.format(mark.lastFull()) + ", is " + settings.fullSyncAge().toHours()
          + " hours old or more";
    }
    return null;
  }

  private Assembled full(Window window, Instant now, String why) {
    FetchResult fetched = api.apply(window);
    store.put(workspace, fetched.sessions(), sync);
    boolean whole = fetched.summary().uncertain() == 0;
    if (whole) store.markFull(workspace, window, sync, now);
    String assembly = String.format(Locale.ROOT, "%,d sessions fetched now in a full sync (%s)%s",
        fetched.sessions().size(), why, whole ? "" : "; not marked as synced: the fetch was not whole");
    console.println("konvo-qa: " + window + ": " + assembly);
    return new Assembled(fetched, assembly);
  }

  private Assembled delta(Window window, Instant now, SessionStore.Mark mark) {
    Instant until = latest(window.to(), now, mark.syncedTo());
    Window since = new Window(mark.syncedTo().minus(settings.overlap()), until);
    FetchResult changed = api.apply(since);
    store.put(workspace, changed.sessions(), sync);
    FetchSummary d = changed.summary();
    if (d.uncertain() == 0) store.markSynced(workspace, until);
    int stored = store.count(workspace, window);
    if (stored > maxSessions) {
      throw io.konvoqa.client.KonvoApiException.tooManySessions(String.format(Locale.ROOT, "%,d sessions", stored), maxSessions);
    }
    List<Session> sessions = store.window(workspace, window);
    long fresh = changed.sessions().stream().filter(s -> window.contains(s.updatedAt())).count();
    String assembly = String.format(Locale.ROOT, "%,d sessions from the store, %,d fetched now (updated since %s),"
            + " last full sync %s", sessions.size() - fresh, fresh, Timestamps.format(since.from()),
        Timestamps.format(mark.lastFull()));
    console.println("konvo-qa: " + window + ": " + assembly);
    return new Assembled(new FetchResult(window, sessions, List.of(), windowSummary(sessions.size(), d)), assembly);
  }

  /**
   * The window as one fetch would describe it: what the fetch of the changes could not be sure
   * of counts against the whole window (it may lie in it), nothing else is new.
   */
  static FetchSummary windowSummary(int kept, FetchSummary d) {
    Integer count = d.countKnown() ? kept + d.unserved() : null;
    return new FetchSummary(d.pages(), d.requests(), d.retries(), count, count, kept, 0, d.conflicts(), 0, d.undated(),
        d.mayBeMissing(), d.recovered(), kept, d.numbering(), d.elapsed());
  }

  private static Instant latest(Instant a, Instant b, Instant c) {
    Instant max = a.isAfter(b) ? a : b;
    return max.isAfter(c) ? max : c;
  }

  @Override public void close() {
    store.close();
  }
}
