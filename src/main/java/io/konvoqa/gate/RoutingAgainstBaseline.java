package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Routing accuracy per trigger phrase now against the baseline's: each phrase on its own, so that
 * a phrase that got worse cannot hide behind phrases that got better.
 */
final class RoutingAgainstBaseline {
  private RoutingAgainstBaseline() {}

  static Verdict judge(Comparison c, List<Route> routes, String gate) {
    if (routes.isEmpty()) {
      throw new ConfigurationException("the scenario has no trigger phrases to compare: add"
          + " 'Given the trigger phrases:' (or 'Then trigger phrases route to these sub_intent_types:')"
          + " with | trigger phrase | sub_intent_type | rows before this step");
    }
    Verdict early = fitness(gate, c.now());
    if (early == null) early = c.baselineUnfit(fitness(gate, c.baseline()));
    if (early != null) return early;

    List<Figure> figures = new ArrayList<>();
    List<Offender> offenders = new ArrayList<>();
    List<String> breached = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (Route route : routes) {
      List<Session> now = matching(c.now(), route);
      List<Session> base = matching(c.baseline(), route);
      if (now.isEmpty() || base.isEmpty()) {
        String side = now.isEmpty() && base.isEmpty() ? "now nor in the baseline"
            : now.isEmpty() ? "now" : "in the baseline";
        unmatched.add("no session matched " + route.phrase() + " " + side + ": cannot judge it");
        figures.add(new Figure(route.phrase().text(), "no session matched " + side + ": not judged"));
        continue;
      }
      long right = now.stream().filter(s -> routedRight(route, s)).count();
      long baseRight = base.stream().filter(s -> routedRight(route, s)).count();
      TwoProportion.Difference d = TwoProportion.difference95(right, now.size(), baseRight, base.size());
      boolean lower = d.high() < -1e-12;
      String detail = "routed to " + route.subIntentType() + " in "
          + Percent.format(d.rate()) + " of " + now.size() + " now vs " + Percent.format(d.baselineRate())
          + " of " + base.size() + " in the baseline: " + d.describe();
      figures.add(new Figure(route.phrase().text(),
          detail + (lower ? ": significantly lower" : ": not significantly lower")));
      if (lower) {
        breached.add(route.phrase() + " " + detail);
        now.stream().filter(s -> !routedRight(route, s)).forEach(s -> offenders.add(new Offender(s.id(),
            "sub_intent_type " + Judging.label(s.subIntentType()) + ", expected " + route.subIntentType()
                + " (first customer message contains " + route.phrase() + ")")));
      }
    }
    figures.add(new Figure("baseline", c.baselineLabel()));
    figures.add(new Figure("sessions now", c.now().describe()));
    figures.add(new Figure("sessions in the baseline", c.baseline().describe()));
    int judged = routes.size() - unmatched.size();
    String figure = (judged - breached.size()) + " of " + routes.size()
        + " trigger phrases route at least as well as in the baseline";
    Outcome outcome = !breached.isEmpty() ? Outcome.BREACHED
        : !unmatched.isEmpty() ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
    List<String> problems = new ArrayList<>();
    breached.forEach(b -> problems.add(b + ": significantly lower than in the baseline"));
    problems.addAll(unmatched);
    String reason = problems.isEmpty()
        ? "no trigger phrase routes significantly worse than in the baseline" : String.join("; ", problems);
    return new Verdict(gate, outcome, reason, figure, figures, offenders, List.of(), null);
  }

  private static Verdict fitness(String gate, Sample sample) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null) early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early == null) early = Judging.tooFew(gate, sample, sample.size(), "sessions");
    return early;
  }

  private static List<Session> matching(Sample sample, Route route) {
    return sample.sessions().stream()
        .filter(s -> route.phrase().matches(Conversation.of(s, sample.roles()).firstCustomerMessage()))
        .toList();
  }

  private static boolean routedRight(Route route, Session s) {
    return route.subIntentType().equalsIgnoreCase(s.subIntentType());
  }
}
