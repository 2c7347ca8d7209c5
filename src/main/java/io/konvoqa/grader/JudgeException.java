package io.konvoqa.grader;

/** A judge call that failed after its retries, with what to do about it; never holds the key. */
final class JudgeException extends RuntimeException {
  enum Kind {
    /** Retrying cannot help and neither can other sessions: the settings need fixing. */
    BAD_CONFIGURATION,
    /** The judge would not take the request (HTTP 400): the reason is the server's. */
    BAD_REQUEST,
    /** 429, 5xx, time-outs, I/O errors or garbled bodies, still there after the last try. */
    UNAVAILABLE
  }

  private final Kind kind;

  JudgeException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  /** Whether every later call would fail the same way, so none should be made. */
  boolean fatal() {
    return kind == Kind.BAD_CONFIGURATION;
  }
}
