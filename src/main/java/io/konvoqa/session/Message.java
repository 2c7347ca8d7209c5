package io.konvoqa.session;

import java.time.Instant;

/**
 * One text message of a session. {@code initiatorOrigin} is an open set; see {@link Role}.
 * {@code message} is null when the API sent no text (null, or under another field name); a null
 * entry of the messages array is {@link #ABSENT}: no origin, no text.
 */
public record Message(
    String messageId, String sessionId, String initiatorOrigin, String message, Instant createdAt) {

  /** A null entry of a messages array: kept, so that what could not be read can be counted. */
  public static final Message ABSENT = new Message(null, null, null, null, null);

  /** Whether the API sent this message's text. */
  public boolean hasText() {
    return message != null;
  }

  public String text() {
    return message == null ? "" : message;
  }
}
