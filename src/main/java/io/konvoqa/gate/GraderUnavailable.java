package io.konvoqa.gate;

/** Nothing can be graded (no grader configured, budget exhausted): the gate could not judge, with this message. */
public final class GraderUnavailable extends RuntimeException {
  public GraderUnavailable(String message) {
    super(message);
  }
}
