package io.konvoqa.gate;

/**
 * A gate judging: it takes the sessions of its sample one at a time, in window order, and keeps
 * counts and offenders (session id and reason), never the sessions; then it finishes into the verdict.
 */
public interface Accumulator {
  void add(SessionView session);

  Verdict finish(Scope scope);
}
