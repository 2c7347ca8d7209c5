package io.konvoqa.store;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.FetchSummary;
import io.konvoqa.client.PageSink;
import io.konvoqa.config.StoreSettings;
import io.konvoqa.session.Session;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
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
  private final BiFunction<Window, PageSink, FetchSummary> pages;
  private final PrintStream console;
  private final int maxSessions;
  private final SecureRandom syncs = new SecureRandom();

  /** A window and how it was put together, in the words a verdict quotes. */
  public record Assembled(FetchResult result, String assembly) {}

  /**
   * A window read from the store one session at a time, in the order {@link #fetch} lists it:
   * each {@code iterator()} reads it again with a cursor of its own. The summary is the one
   * {@link #fetch} gives.
   */
  public record Streamed(FetchSummary summary, Iterable<Session> sessions, String assembly) {}

  public StoredWindows(SessionStore store, String workspace, StoreSettings settings,
      Function<Window, FetchResult> api, PrintStream console) {
    this(store, workspace, settings, api, console, Integer.MAX_VALUE);
  }

  /** With the safety cap on the sessions of a window read from the store (KONVO_MAX_SESSIONS). */
  public StoredWindows(SessionStore store, String workspace, StoreSettings settings,
      Function<Window, FetchResult> api, PrintStream console, int maxSessions) {
    this(store, workspace, settings, api, listed(api), console, maxSessions);
  }

  /**
   * With the fetch into a page sink ({@code client::fetch} for both) that {@link #stream} syncs
   * with: then a full sync keeps no window in memory.
   */
  public StoredWindows(SessionStore store, String workspace, StoreSettings settings,
      Function<Window, FetchResult> api, BiFunction<Window, PageSink, FetchSummary> pages, PrintStream console,
      int maxSessions) {
    if (maxSessions < 1) throw new IllegalArgumentException("the safety cap must be at least 1 but was " + maxSessions);
    this.maxSessions = maxSessions;
    this.store = Objects.requireNonNull(store, "store");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.api = Objects.requireNonNull(api, "api");
    this.pages = Objects.requireNonNull(pages, "pages");
    this.console = Objects.requireNonNull(console, "console");
  }

  /** The list fetch as a page sink's: one page, and its order handed over as it is. */
  private static BiFunction<Window, PageSink, FetchSummary> listed(Function<Window, FetchResult> api) {
    return (window, sink) -> {
      FetchResult result = api.apply(window);
      sink.page(result.sessions());
      sink.order(result.sessions().stream().map(Session::id).toList());
      return result.summary();
    };
  }

  /** The window's sessions, from the store and what changed since the last sync; {@code now} is the run's. */
  public Assembled fetch(Window window, Instant now) {
    Synced synced = sync(window, now, false);
    return new Assembled(new FetchResult(window, synced.list(), synced.outside(), synced.summary()), synced.assembly());
  }

  /**
   * Syncs as {@link #fetch} does (the same reasons, assembly and console line), then reads the
   * window from the store one session at a time, in {@link #fetch}'s order. A full sync goes
   * through the page sink: no window is held in memory, and the safety cap does not apply.
   */
  public Streamed stream(Window window, Instant now) {
    Synced synced = sync(window, now, true);
    return new Streamed(synced.summary(), synced.sessions(), synced.assembly());
  }

  /** The workspace's stored sessions with these ids (ids not stored are left out): an offender's transcript. */
  public Map<String, Session> sessions(Collection<String> ids) {
    return store.sessions(workspace, ids);
  }

  /** A sync's outcome: the list and what was set aside only when not streamed. */
  private record Synced(FetchSummary summary, List<Session> list, List<Session> outside, Iterable<Session> sessions,
      String assembly) {}

  private Synced sync(Window window, Instant now, boolean streamed) {
    try {
      SessionStore.Mark mark = store.mark(workspace);
      String whole = wholeBecause(mark, window, now);
      if (whole == null) return delta(window, now, mark, streamed);
      return streamed ? fullStreamed(window, now, whole) : full(window, now, whole);
    } catch (StoreException e) {
      if (!e.corrupt()) throw e;
      store = SessionStore.rebuild(store, e.getMessage(), console);
      String why = "the store was damaged and begun again";
      return streamed ? fullStreamed(window, now, why) : full(window, now, why);
    }
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

  private Synced full(Window window, Instant now, String why) {
    long sync = syncs.nextLong();
    FetchResult fetched = api.apply(window);
    store.put(workspace, fetched.sessions(), sync);
    String assembly = marked(window, now, sync, fetched.summary(), why);
    return new Synced(fetched.summary(), fetched.sessions(), fetched.outsideWindow(), fetched.sessions(), assembly);
  }

  /** A full sync through the page sink: each page written as it comes, then read back from the store. */
  private Synced fullStreamed(Window window, Instant now, String why) {
    long sync = syncs.nextLong();
    List<List<String>> order = new ArrayList<>(1);
    FetchSummary summary = pages.apply(window, new PageSink() {
      @Override public void page(List<Session> sessions) {
        store.put(workspace, sessions.stream().filter(s -> s.updatedAt() != null).toList(), sync);
      }

      @Override public void order(List<String> ids) {
        order.add(ids);
      }
    });
    String assembly = marked(window, now, sync, summary, why);
    SessionStore opened = store;
    Iterable<Session> sessions = order.isEmpty() ? opened.stream(workspace, window, sync)
        : opened.inOrder(workspace, order.get(0));
    return new Synced(summary, null, null, sessions, assembly);
  }

  /** Marks a whole full sync, and says on the console how the window was put together. */
  private String marked(Window window, Instant now, long sync, FetchSummary fetched, String why) {
    boolean whole = fetched.uncertain() == 0;
    if (whole) store.markFull(workspace, window, sync, now);
    String assembly = String.format(Locale.ROOT, "%,d sessions fetched now in a full sync (%s)%s",
        fetched.kept(), why, whole ? "" : "; not marked as synced: the fetch was not whole");
    console.println("konvo-qa: " + window + ": " + assembly);
    return assembly;
  }

  private Synced delta(Window window, Instant now, SessionStore.Mark mark, boolean streamed) {
    Instant until = latest(window.to(), now, mark.syncedTo());
    Window since = new Window(mark.syncedTo().minus(settings.overlap()), until);
    FetchResult changed = api.apply(since);
    store.put(workspace, changed.sessions(), syncs.nextLong());
    FetchSummary d = changed.summary();
    if (d.uncertain() == 0) store.markSynced(workspace, until);
    int stored = store.count(workspace, window);
    if (!streamed && stored > maxSessions) {
      throw io.konvoqa.client.KonvoApiException.tooManySessions(String.format(Locale.ROOT, "%,d sessions", stored), maxSessions);
    }
    List<Session> list = streamed ? null : store.window(workspace, window);
    long fresh = changed.sessions().stream().filter(s -> window.contains(s.updatedAt())).count();
    String assembly = String.format(Locale.ROOT, "%,d sessions from the store, %,d fetched now (updated since %s),"
            + " last full sync %s", stored - fresh, fresh, Timestamps.format(since.from()),
        Timestamps.format(mark.lastFull()));
    console.println("konvo-qa: " + window + ": " + assembly);
    return new Synced(windowSummary(stored, d), list, List.of(), streamed ? store.stream(workspace, window, null) : list,
        assembly);
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
