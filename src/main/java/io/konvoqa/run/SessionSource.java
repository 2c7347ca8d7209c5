package io.konvoqa.run;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.FetchSummary;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.konvoqa.report.RunFacts;
import io.konvoqa.session.Window;
import java.time.Instant;

/**
 * Where a run's sessions come from: the live API, the demo workspace, a snapshot (later a local
 * store). It serves each window once per run with how complete it is, as data, so that nothing
 * downstream (gates, report) asks where the sessions came from.
 */
public interface SessionSource extends AutoCloseable {
  /** The run's "now": the wall clock, or the end of a snapshot's recorded window. */
  Instant now();

  /** The sessions of a window and what the fetch knows of its completeness; the same on every call. */
  FetchResult fetch(Window window);

  /**
   * A window to read once, session by session, for its one pass: its sessions (from the local
   * store they are read from disk as the pass goes, never held together) and what its fetch knows.
   *
   * @param size the sessions in the window
   */
  record Read(Iterable<Session> sessions, FetchSummary summary, int size) {}

  /** The window for its one pass; throws what {@link #fetch} would. */
  default Read read(Window window) {
    FetchResult fetched = fetch(window);
    return new Read(fetched.sessions(), fetched.summary(), fetched.sessions().size());
  }

  /** What the window's fetch knows of its completeness, without its sessions. */
  default FetchSummary summary(Window window) {
    return fetch(window).summary();
  }

  /** Whether {@link #fetch} holds the window in memory, rather than reading it whole from the store first. */
  default boolean held(Window window) {
    return true;
  }

  /** The window's sessions with these ids, in window order: the offenders a report shows. */
  default List<Session> sessions(Window window, Collection<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    List<Session> found = new ArrayList<>();
    for (Session s : fetch(window).sessions()) if (wanted.contains(s.id())) found.add(s);
    return found;
  }

  /**
   * How the window was put together when it came from the local store ("1,980 sessions from the
   * store, 20 fetched now (updated since ...), last full sync ..."), or null when it was fetched
   * as before there was a store.
   */
  default String assembly(Window window) {
    return null;
  }

  /** "live API", "demo workspace (embedded simulator)", "snapshot FILE (recorded at ...)". */
  String sourceLabel();

  /** Whose customers these are, for the masking salt; never derived from a key. */
  String workspace();

  /** What the report says about the source and the windows fetched so far. */
  RunFacts facts();

  @Override void close();
}
