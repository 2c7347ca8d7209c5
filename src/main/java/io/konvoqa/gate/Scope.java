package io.konvoqa.gate;

import java.util.List;

/**
 * What a verdict says about the sessions a gate judged beyond the sessions themselves: how they
 * were chosen, the minimum sample, and which sessions of the window are not seen as they are.
 *
 * @param size the sessions judged
 * @param seen the channels and sub_intent_types of the window: a misspelt sub_intent_type is told
 *     from one that did not occur by what the window has
 */
public record Scope(int size, List<Sample.Step> funnel, int minimumSample, Completeness completeness, Seen seen) {

  public Scope {
    funnel = List.copyOf(funnel);
    java.util.Objects.requireNonNull(completeness, "completeness");
    java.util.Objects.requireNonNull(seen, "seen");
  }

  /** "1,813 sessions: 2,013 fetched, 1,950 completed, ..." as {@link Sample#describe()}. */
  public String describe() {
    return Sample.describe(funnel);
  }
}
