package io.konvoqa.gate;

import java.util.Objects;

/**
 * One session's grade: pass, fail, or an error (no usable answer after retries), with the
 * grader's reason. {@code cached} grades cost no call; {@code tokens} is what the server reported
 * ({@code 0} when it sends no usage).
 */
public record Grade(String sessionId, Kind kind, String reason, boolean cached, long tokens) {
  public enum Kind { PASS, FAIL, ERROR }

  public Grade {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    if (tokens < 0) throw new IllegalArgumentException("tokens must be 0 or more but was " + tokens);
  }
}
