package io.konvoqa.run;

import io.konvoqa.client.FetchResult;
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
