package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Routing gates: trigger phrases in the first customer message stand in for labels on
 * unlabeled traffic, and the sub_intent_type the AI chose is checked against them. Each phrase
 * is judged on its own, over the sessions it matched: fewer than the minimum sample cannot be
 * judged unless they miss the required share beyond doubt, and a phrase that matched no session
 * cannot be judged. Sub_intent_types are compared ignoring case.
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
    if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
    if (early != null) return early;
    checkSpelling(sample, routes);

    // keyed by row, not by value: a row written twice must not count its sessions twice
    Map<Route, List<Session>> matched = new java.util.IdentityHashMap<>();
    for (Route route : routes) matched.put(route, new ArrayList<>());
    List<Session> unreadable = new ArrayList<>();
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      if (c.firstCustomerMessageUnknown()) {
        unreadable.add(s);
        continue;
      }
      String first = c.firstCustomerMessage();
      String lowered = TriggerPhrase.lower(first);
      for (Route route : routes) if (route.phrase().matches(first, lowered)) matched.get(route).add(s);
    }
    Completeness unknown = sample.completeness().plus(TextGaps.firstCustomerMessages(unreadable, sample.roles()));
    List<RouteCheck> checks = new ArrayList<>();
    for (Route route : routes) {
      checks.add(RouteCheck.of(route, matched.get(route), unreadable, unknown, sample.minimumSample()));
    }
    return verdict(gate, sample, routes, checks, matched, unknown);
  }

  private static Verdict verdict(String gate, Sample sample, List<Route> routes, List<RouteCheck> checks,
      Map<Route, List<Session>> matched, Completeness unknown) {
    List<Figure> figures = new ArrayList<>();
    List<Offender> offenders = new ArrayList<>();
    List<String> breached = new ArrayList<>(), notJudged = new ArrayList<>(), unsure = new ArrayList<>();
    for (RouteCheck check : checks) {
      figures.add(new Figure(check.route().phrase().text(), check.figure()));
      switch (check.outcome()) {
        case BREACHED -> {
          breached.add(check.sentence());
          offenders.addAll(check.offenders());
        }
        case DATA_UNAVAILABLE -> unsure.add(check.sentence());
        case INSUFFICIENT_DATA -> notJudged.add(check.sentence());
        default -> { }
      }
    }
    figures.add(new Figure("sessions", sample.describe()));
    if (!unknown.whole()) figures.add(Uncertain.note(unknown));
    long ok = checks.stream().filter(c -> c.outcome() == Outcome.PASSED).count();
    List<String> unjudged = checks.stream().filter(c -> c.outcome().couldNotJudge())
        .map(c -> c.route().phrase() + " (" + c.n() + (c.n() == 1 ? " session)" : " sessions)")).toList();
    String figure = ok + " of " + routes.size() + " trigger phrases routed as expected"
        + (unjudged.isEmpty() ? "" : "; not judged: " + String.join(", ", unjudged));
    Outcome outcome = !breached.isEmpty() ? Outcome.BREACHED : !unsure.isEmpty() ? Outcome.DATA_UNAVAILABLE
        : !notJudged.isEmpty() ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
    List<String> problems = new ArrayList<>(breached);
    problems.addAll(unsure);
    problems.addAll(notJudged);
    String reason = problems.isEmpty()
        ? "every trigger phrase routed as expected (" + routes.size() + " of " + routes.size() + ")"
        : String.join("; ", problems);
    if (outcome == Outcome.DATA_UNAVAILABLE) reason = Uncertain.couldChange(unknown, reason);
    return new Verdict(gate, outcome, reason, figure, figures,
        outcome == Outcome.BREACHED ? offenders : List.of(), List.of(), confusion(routes, matched));
  }

  private static Confusion confusion(List<Route> routes, Map<Route, List<Session>> matched) {
    Spellings spellings = new Spellings();
    matched.values().forEach(list -> list.forEach(s -> spellings.add(s.subIntentType(), 1)));
    Map<String, Integer> column = new LinkedHashMap<>();
    matched.values().stream().flatMap(List::stream).map(s -> Spellings.key(s.subIntentType()))
        .distinct().sorted((a, b) -> spellings.shown(a).compareTo(spellings.shown(b)))
        .forEach(key -> column.put(key, column.size()));
    long[][] counts = new long[routes.size()][column.size()];
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> phrases = new ArrayList<>();
    for (int r = 0; r < routes.size(); r++) {
      Route route = routes.get(r);
      phrases.add(route.phrase().text());
      expected.put(route.phrase().text(), route.subIntentType());
      for (Session s : matched.get(route)) counts[r][column.get(Spellings.key(s.subIntentType()))]++;
    }
    List<String> actuals = column.keySet().stream().map(spellings::shown).toList();
    return new Confusion(phrases, actuals, counts, expected);
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
