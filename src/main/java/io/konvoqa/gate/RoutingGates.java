package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routing gates: trigger phrases in the first customer message stand in for labels on
 * unlabeled traffic, and the sub_intent_type the AI chose is checked against them. Each phrase
 * is judged on its own, over the sessions it matched: fewer than the minimum sample cannot be
 * judged unless they miss the required share beyond doubt, and a phrase that matched no session
 * cannot be judged. Sub_intent_types are compared ignoring case.
 */
public final class RoutingGates {
  private RoutingGates() {}

  /** Each row's trigger phrase, looked for in the first customer message, routes to its sub_intent_type. */
  public static Gate routes(List<Route> routes) {
    if (routes.isEmpty()) {
      throw new ConfigurationException("the routing table has no rows: add"
          + " | trigger phrase | sub_intent_type | at least | rows");
    }
    List<Route> rows = List.copyOf(routes);
    return gate -> new Tally(gate, Need.MESSAGES, Need.STATE) {
      final Matched[] matched = Matched.of(rows);
      final SessionCount unreadable = new SessionCount();

      @Override void take(SessionView v) {
        Conversation c = v.conversation();
        Session s = v.session();
        if (c.firstCustomerMessageUnknown()) {
          unreadable.add(v, c.textless(io.konvoqa.session.Role.CUSTOMER));
          for (Matched m : matched) if (RouteCheck.routedRight(m.route, s)) m.unreadableRight++;
          return;
        }
        for (Matched m : matched) if (c.firstCustomerMessageMatches(m.route.phrase())) m.add(s);
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = missing(Need.MESSAGES);
        if (early == null) early = missing(Need.STATE);
        if (early == null) early = none(scope);
        if (early != null) return early;
        checkSpelling(scope, rows);
        Completeness unknown = scope.completeness().plus(unreadable.unknown("the first customer message",
            "whether it holds a trigger phrase is unknown"));
        List<RouteCheck> checks = new ArrayList<>();
        for (Matched m : matched) {
          checks.add(RouteCheck.of(m.route, m.n, m.right, m::offenders, unreadable.sessions, m.unreadableRight,
              unknown, scope.minimumSample()));
        }
        return verdict(gate, scope, rows, checks, matched, unknown);
      }
    };
  }

  public static Verdict routes(Sample sample, List<Route> routes, String gate) {
    return sample.judge(routes(routes), gate);
  }

  /**
   * What one row's phrase matched so far, kept per row, not per value: a row written twice must
   * not count its sessions twice.
   */
  private static final class Matched {
    final Route route;
    long n, right, unreadableRight;
    /** The sessions routed elsewhere: id and sub_intent_type, in window order. */
    final List<String> wrong = new ArrayList<>();
    /** Matched sessions by sub_intent_type as sent (null too): folded ignoring case at the end. */
    final Map<String, Long> routedTo = new HashMap<>();

    Matched(Route route) {
      this.route = route;
    }

    static Matched[] of(List<Route> routes) {
      return routes.stream().map(Matched::new).toArray(Matched[]::new);
    }

    void add(Session s) {
      n++;
      if (RouteCheck.routedRight(route, s)) right++;
      else {
        wrong.add(s.id());
        wrong.add(s.subIntentType());
      }
      routedTo.merge(s.subIntentType(), 1L, Long::sum);
    }

    List<Offender> offenders() {
      List<Offender> offenders = new ArrayList<>(wrong.size() / 2);
      for (int i = 0; i < wrong.size(); i += 2) offenders.add(RouteCheck.wrong(route, wrong.get(i), wrong.get(i + 1)));
      return offenders;
    }
  }

  private static Verdict verdict(String gate, Scope sample, List<Route> routes, List<RouteCheck> checks,
      Matched[] matched, Completeness unknown) {
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
    return Verdict.of(gate, outcome, reason).figure(figure).figures(figures)
        .offenders(outcome == Outcome.BREACHED ? offenders : List.of()).evidence(confusion(routes, matched)).build();
  }

  private static Confusion confusion(List<Route> routes, Matched[] matched) {
    Spellings spellings = new Spellings();
    for (Matched m : matched) m.routedTo.forEach(spellings::add);
    Map<String, Integer> column = new LinkedHashMap<>();
    java.util.Arrays.stream(matched).flatMap(m -> m.routedTo.keySet().stream()).map(Spellings::key)
        .distinct().sorted((a, b) -> spellings.shown(a).compareTo(spellings.shown(b)))
        .forEach(key -> column.put(key, column.size()));
    long[][] counts = new long[routes.size()][column.size()];
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> phrases = new ArrayList<>();
    for (int r = 0; r < routes.size(); r++) {
      Route route = routes.get(r);
      phrases.add(route.phrase().text());
      expected.put(route.phrase().text(), route.subIntentType());
      long[] row = counts[r];
      matched[r].routedTo.forEach((value, count) -> row[column.get(Spellings.key(value))] += count);
    }
    List<String> actuals = column.keySet().stream().map(spellings::shown).toList();
    return new Confusion(phrases, actuals, counts, expected);
  }

  /** An expected sub_intent_type that no session has but one close to it does: a typo. */
  private static void checkSpelling(Scope sample, List<Route> routes) {
    List<String> seen = sample.seen().subIntentTypes().stream()
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
