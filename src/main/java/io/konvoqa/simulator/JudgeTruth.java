package io.konvoqa.simulator;

import java.util.Set;

/**
 * What the demo judge knows: for each rubric it knows, the true verdict on a transcript (the user
 * message the judge gets). The demo workspace supplies it from its own script.
 */
public interface JudgeTruth {
  /** The rubrics it can grade, by name. */
  Set<String> rubrics();

  /** The true verdict on {@code transcript} by the rubric named {@code rubric}, one of {@link #rubrics()}. */
  Verdict grade(String rubric, String transcript);

  /** A verdict with a reason of one or two sentences. */
  record Verdict(boolean pass, String reason) {}
}
