package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The sessions a gate judges, and how they were chosen.
 *
 * @param funnel how many sessions were left after each choice, starting with those fetched, so a
 *     reader sees that nothing was dropped silently
 * @param minimumSample fewer sessions than this (in the sample, or in the population a rate is
 *     computed over) cannot be judged
 * @param fetched every session of the window before the scenario's choices: used to tell a
 *     misspelt channel or sub_intent_type from one that simply did not occur
 * @param completeness sessions of the window the run cannot be sure of: a gate whose verdict could
 *     change if they were all offenders (or none were) cannot judge
 */
public record Sample(
    List<Session> sessions,
    List<Step> funnel,
    int minimumSample,
    Map<String, Role> roles,
    Instant now,
    List<Session> fetched,
    Completeness completeness) {

  /** One choice and the number of sessions left after it. */
  public record Step(String description, int remaining) {}

  public Sample {
    sessions = List.copyOf(sessions);
    funnel = List.copyOf(funnel);
    roles = Map.copyOf(roles);
    fetched = List.copyOf(fetched);
    java.util.Objects.requireNonNull(completeness, "completeness");
  }

  /** A sample of a window seen whole. */
  public Sample(List<Session> sessions, List<Step> funnel, int minimumSample, Map<String, Role> roles,
      Instant now, List<Session> fetched) {
    this(sessions, funnel, minimumSample, roles, now, fetched, Completeness.WHOLE);
  }

  public int size() {
    return sessions.size();
  }

  /** "1,813 sessions: 2,013 fetched, 1,950 completed, 1,812 on channel whatsapp" */
  public String describe() {
    return describe(funnel);
  }

  static String describe(List<Step> funnel) {
    StringBuilder text = new StringBuilder();
    for (Step step : funnel) {
      if (text.length() > 0) text.append(", ");
      text.append(String.format(java.util.Locale.ROOT, "%,d %s", step.remaining(), step.description()));
    }
    return text.toString();
  }

  /** What a verdict on this sample says about it beyond its sessions. */
  public Scope scope() {
    return new Scope(size(), funnel, minimumSample, completeness, Seen.of(fetched));
  }

  /** Judges this sample with {@code gate}, one session at a time, naming the verdict {@code name}. */
  public Verdict judge(Gate gate, String name) {
    Accumulator judging = gate.start(name);
    for (Session s : sessions) judging.add(new SessionView(s, roles));
    return judging.finish(scope());
  }
}
