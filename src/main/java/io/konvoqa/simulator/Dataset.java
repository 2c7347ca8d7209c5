package io.konvoqa.simulator;

import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A set of sessions as the API returned them, with the moment they were recorded.
 *
 * <p>The simulator serves one; a snapshot is one written to a file. {@code recordedAt} is "now"
 * for a gate run over it, so relative windows resolve as they did when it was recorded.
 *
 * @param window the window it was recorded for, or null
 * @param source where it came from (an API host, or "demo"), or null
 * @param countClaimed the {@code count} the API claimed when it was recorded, or null
 */
public record Dataset(
    Instant recordedAt, Window window, String source, Integer countClaimed, List<Session> sessions) {
  public Dataset {
    Objects.requireNonNull(recordedAt, "recordedAt");
    sessions = List.copyOf(sessions);
  }

  public static Dataset of(Instant recordedAt, List<Session> sessions) {
    return new Dataset(recordedAt, null, null, null, sessions);
  }
}
