package io.konvoqa.client;

/**
 * A fetch from the Konvo API that failed, with a message that says what to do about it.
 *
 * <p>Messages never contain the API key.
 */
public final class KonvoApiException extends RuntimeException {
  /** What went wrong, so callers can tell a configuration problem from an outage. */
  public enum Kind {
    KEY_REJECTED, BAD_REQUEST, UNPARSEABLE_PAGE, UNREACHABLE, SERVER_ERROR, TOO_MANY_SESSIONS,
    BAD_CONFIGURATION,
    /** The API seems to ignore {@code page}: the window cannot be read past its first page. */
    PAGE_IGNORED
  }

  private final Kind kind;

  /** A window larger than the safety cap, in the words a fetch uses ({@code what}: "1,234,567 sessions"). */
  public static KonvoApiException tooManySessions(String what, int cap) {
    return new KonvoApiException(Kind.TOO_MANY_SESSIONS, "the window holds " + what
        + ", more than the safety cap of " + String.format(java.util.Locale.ROOT, "%,d", cap)
        + " per window: narrow the window, or raise KONVO_MAX_SESSIONS if the memory allows");
  }

  KonvoApiException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  KonvoApiException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
