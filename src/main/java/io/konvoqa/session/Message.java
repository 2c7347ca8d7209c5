package io.konvoqa.session;

import java.time.Instant;

/** One text message of a session. {@code initiatorOrigin} is an open set; see {@link Role}. */
public record Message(
    String messageId, String sessionId, String initiatorOrigin, String message, Instant createdAt) {

  public String text() {
    return message == null ? "" : message;
  }
}
