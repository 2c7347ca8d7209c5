package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Routing gates: trigger phrases in the first customer message stand in for labels on
 * unlabeled traffic, and the sub_intent_type the AI chose is checked against them. Each phrase
 * is judged on its own; one that matched no session cannot be judged and fails.
 */
public final class RoutingGates {
  private RoutingGates() {}

  public static Verdict routes(Sample sample, List<Route> routes, String gate) {
    if (routes.isEmpty()) {
      throw new ConfigurationException("the routing table has no rows: add"
          + " | trigger phrase | sub_intent_type | at least | rows");
    }
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null) early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early == null) early = Judging.tooFew(gate, sample, sample.size(), "sessions");
    if (early != null) return early;
    checkSpelling(sample, routes);

    // keyed by row, not by value: a row written twice must not count its sessions twice
    Map<Route, List<Session>> matched = new java.util.IdentityHashMap<>();
    for (Route route : routes) matched.put(route, new ArrayList<>());
    for (Session s : sample.sessions()) {
      String first = Conversation.of(s, sample.roles()).firstCustomerMessage();
      String lowered = TriggerPhrase.lower(first);
      for (Route route : routes) if (route.phrase().matches(first, lowered)) matched.get(route).add(s);
    }
    List<Figure> figures = new ArrayList<>();
    List<Offender> offenders = new ArrayList<>();
    List<String> breached = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    for (Route route : routes) {
      List<Session> hits = matched.get(route);
      if (hits.isEmpty()) {
        unmatched.add("no session matched " + route.phrase() + ": cannot judge routing");
        figures.add(new Figure(route.phrase().text(), "no session matched: not judged"));
        continue;
      }
      long right = hits.stream().filter(s -> route.subIntentType().equalsIgnoreCase(s.subIntentType())).count();
      double share = (double) right / hits.size();
      Interval interval = Wilson.interval95(right, hits.size());
      boolean holds = share >= route.atLeast() - 1e-12;
      figures.add(new Figure(route.phrase().text(), String.format(Locale.ROOT,
          "%s of %d routed to %s (at least %s required; Wilson 95%% %s - %s): %s",
          Percent.format(share), hits.size(), route.subIntentType(), Percent.format(route.atLeast()),
          Percent.format(interval.low()), Percent.format(interval.high()), holds ? "passed" : "breached")));
      if (!holds) {
        breached.add(String.format(Locale.ROOT, "%s routed to %s in %s of %d sessions, at least %s required",
            route.phrase(), route.subIntentType(), Percent.format(share), hits.size(),
            Percent.format(route.atLeast())));
        for (Session s : hits) {
          if (!route.subIntentType().equalsIgnoreCase(s.subIntentType())) {
            offenders.add(new Offender(s.id(), "sub_intent_type " + Judging.label(s.subIntentType())
                + ", expected " + route.subIntentType() + " (first customer message "
                + route.phrase().describe() + ")"));
          }
        }
      }
    }
    figures.add(new Figure("sessions", sample.describe()));
    Confusion confusion = confusion(routes, matched);
    String figure = (routes.size() - breached.size() - unmatched.size()) + " of " + routes.size()
        + " trigger phrases routed as expected";
    Outcome outcome = !breached.isEmpty() ? Outcome.BREACHED
        : !unmatched.isEmpty() ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
    List<String> problems = new ArrayList<>(breached);
    problems.addAll(unmatched);
    String reason = problems.isEmpty() ? "every trigger phrase routed as expected" : String.join("; ", problems);
    return new Verdict(gate, outcome, reason, figure, figures, offenders, List.of(), confusion);
  }

  private static Confusion confusion(List<Route> routes, Map<Route, List<Session>> matched) {
    TreeSet<String> actuals = new TreeSet<>();
    matched.values().forEach(list -> list.forEach(s -> actuals.add(Judging.label(s.subIntentType()))));
    List<String> columns = new ArrayList<>(actuals);
    long[][] counts = new long[routes.size()][columns.size()];
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> phrases = new ArrayList<>();
    for (int r = 0; r < routes.size(); r++) {
      Route route = routes.get(r);
      phrases.add(route.phrase().text());
      expected.put(route.phrase().text(), route.subIntentType());
      for (Session s : matched.get(route)) counts[r][columns.indexOf(Judging.label(s.subIntentType()))]++;
    }
    return new Confusion(phrases, columns, counts, expected);
  }

  /** An expected sub_intent_type that no session has but one close to it does: a typo. */
  private static void checkSpelling(Sample sample, List<Route> routes) {
    List<String> seen = sample.fetched().stream().map(Session::subIntentType).filter(Objects::nonNull)
        .map(v -> v.toUpperCase(Locale.ROOT)).distinct().sorted().toList();
    for (Route route : routes) {
      String wanted = route.subIntentType().toUpperCase(Locale.ROOT);
      if (seen.isEmpty() || seen.contains(wanted)) continue;
      String close = Spelling.closest(wanted, seen);
      if (close != null) {
        throw new ConfigurationException("no session has sub_intent_type '" + route.subIntentType()
            + "', but some have '" + close + "': did you mean '" + close + "'?");
      }
    }
  }
}
