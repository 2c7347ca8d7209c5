package io.konvoqa.simulator;

import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A set of sessions as the API returned them, with the moment they were recorded.
 *
 * <p>The simulator serves one; a snapshot is one written to a file. A gate run over it takes the
 * end of its {@code window} (else {@code recordedAt}) as "now", so relative windows resolve to the
 * window it was recorded for.
 *
 * @param window the window it was recorded for, or null
 * @param source where it came from (an API host, or "demo"), or null
 * @param countClaimed the {@code count} the API claimed when it was recorded, or null
 * @param shortfall what the recording could not keep; when not known (a file from before it was
 *     recorded), the sessions {@code countClaimed} claims beyond those held count as unserved
 */
public record Dataset(Instant recordedAt, Window window, String source, Integer countClaimed,
    List<Session> sessions, Shortfall shortfall) {
  public Dataset {
    Objects.requireNonNull(recordedAt, "recordedAt");
    sessions = List.copyOf(sessions);
    if (shortfall == null) {
      shortfall = countClaimed == null || countClaimed <= sessions.size() ? Shortfall.NONE
          : new Shortfall(countClaimed - sessions.size(), 0, 0, 0);
    }
  }

  /** A dataset whose shortfall, if any, is what {@code countClaimed} claims beyond the sessions. */
  public Dataset(Instant recordedAt, Window window, String source, Integer countClaimed, List<Session> sessions) {
    this(recordedAt, window, source, countClaimed, sessions, null);
  }

  public static Dataset of(Instant recordedAt, List<Session> sessions) {
    return new Dataset(recordedAt, null, null, null, sessions);
  }

  /** "Now" for a run over it: the end of the window it was recorded for, else when it was recorded. */
  public Instant now() {
    return window != null ? window.to() : recordedAt;
  }
}
