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

  /**
   * The reason a judge wrongly giving {@code pass} on {@code transcript} would write: for the demo
   * judge's deliberate mistakes, which a reviewer should find as plausible as a real model's.
   */
  default String mistaken(String rubric, String transcript, boolean pass) {
    return pass ? "The conversation meets the rubric." : "The conversation does not meet the rubric.";
  }

  /** A verdict with a reason of one or two sentences. */
  record Verdict(boolean pass, String reason) {}
}
