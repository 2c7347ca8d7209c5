package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Routing accuracy per trigger phrase now against the baseline's: each phrase on its own, so that
 * a phrase that got worse cannot hide behind phrases that got better. A phrase is breached when
 * its accuracy is significantly lower (whatever the sample); otherwise it is judged only when it
 * matched at least the minimum sample on both sides.
 */
final class RoutingAgainstBaseline {
  private RoutingAgainstBaseline() {}

  static Gate gate(List<Route> routes, Baseline baseline) {
    List<Route> rows = List.copyOf(routes);
    return gate -> new AgainstBaseline(gate, baseline) {
      final Counted now = new Counted(rows, true);

      @Override public void add(SessionView session) {
        now.add(session);
      }

      @Override Verdict judge(Scope scope, Baseline.Side base) {
        Counted then = new Counted(rows, false);
        then.addAll(base.sample());
        return RoutingAgainstBaseline.judge(gate, rows, scope, now, base, then);
      }
    };
  }

  /**
   * One side: per trigger phrase, the sessions whose first customer message it matched and those
   * routed right; now, also the others' ids and sub_intent_types, in window order.
   */
  private static final class Counted extends AgainstBaseline.Side {
    final List<Route> routes;
    final long[] n, right;
    final List<List<String>> wrong;
    final SessionCount unreadable = new SessionCount();

    Counted(List<Route> routes, boolean keep) {
      super(Need.MESSAGES, Need.STATE);
      this.routes = routes;
      n = new long[routes.size()];
      right = new long[routes.size()];
      wrong = keep ? new ArrayList<>() : null;
      if (keep) for (int r = 0; r < routes.size(); r++) wrong.add(new ArrayList<>());
    }

    @Override void take(SessionView v) {
      Conversation c = v.conversation();
      if (c.firstCustomerMessageUnknown()) {
        unreadable.add(v, c.textless(io.konvoqa.session.Role.CUSTOMER));
        return;
      }
      Session s = v.session();
      for (int r = 0; r < n.length; r++) {
        Route route = routes.get(r);
        if (!route.phrase().matches(c.firstCustomerMessage())) continue;
        n[r]++;
        if (RouteCheck.routedRight(route, s)) right[r]++;
        else if (wrong != null) {
          wrong.get(r).add(s.id());
          wrong.get(r).add(s.subIntentType());
        }
      }
    }

    /** What this side cannot see as it is: its window's unknowns, and first customer messages not readable. */
    Completeness unknown(Completeness window) {
      return window.plus(unreadable.unknown("the first customer message", "whether it holds a trigger phrase is unknown"));
    }

    /** Could-not-judge when data is missing or there is no session; null otherwise. */
    Verdict unfit(String gate, Scope scope) {
      Verdict early = missing(gate, Need.MESSAGES);
      if (early == null) early = missing(gate, Need.STATE);
      if (early == null && scope.size() == 0) early = Judging.tooFew(gate, scope, 0, "sessions");
      return early;
    }
  }

  private static Verdict judge(String gate, List<Route> routes, Scope scope, Counted nowSide, Baseline.Side c,
      Counted thenSide) {
    if (routes.isEmpty()) {
      throw new ConfigurationException("the scenario has no trigger phrases to compare: add"
          + " 'Given the trigger phrases:' (or 'Then trigger phrases route to these sub_intent_types:')"
          + " with | trigger phrase | sub_intent_type | rows before this step");
    }
    Scope then = c.scope();
    Verdict early = nowSide.unfit(gate, scope);
    if (early == null) early = c.unfit(thenSide.unfit(gate, then));
    if (early != null) return early;
    Completeness unknownNow = nowSide.unknown(scope.completeness());
    Completeness unknownBase = thenSide.unknown(then.completeness());
    int minimum = scope.minimumSample();

    List<Figure> figures = new ArrayList<>();
    List<Offender> offenders = new ArrayList<>();
    List<String> breached = new ArrayList<>(), notJudged = new ArrayList<>(), unsure = new ArrayList<>();
    boolean baselineShort = false;
    for (int r = 0; r < routes.size(); r++) {
      Route route = routes.get(r);
      long n = nowSide.n[r], baseN = thenSide.n[r];
      long right = nowSide.right[r], baseRight = thenSide.right[r];
      Outcome outcome = outcome(right, n, baseRight, baseN, minimum);
      String detail = n == 0 || baseN == 0 ? "no session matched " + side(n, baseN)
          : detail(route, TwoProportion.difference95(right, n, baseRight, baseN));
      if (outcome == Outcome.INSUFFICIENT_DATA && n > 0 && baseN > 0) {
        detail += ": fewer than the minimum sample of " + minimum + " "
            + side(n < minimum, baseN < minimum).replace("both sides", "on both sides");
      }
      if (!outcome.couldNotJudge() && !(unknownNow.whole() && unknownBase.whole())) {
        long u = unknownNow.uncertain(), ub = unknownBase.uncertain();
        // each side as seen, or with all its unknown sessions matched and routed right, or elsewhere
        Outcome own = outcome;
        for (long[] side : new long[][] {{right, n}, {right + u, n + u}, {right, n + u}}) {
          for (long[] other : new long[][] {{baseRight, baseN}, {baseRight + ub, baseN + ub}, {baseRight, baseN + ub}}) {
            if (outcome(side[0], side[1], other[0], other[1], minimum) != own) outcome = Outcome.DATA_UNAVAILABLE;
          }
        }
      }
      figures.add(new Figure(route.phrase().text(), detail + ": " + switch (outcome) {
        case BREACHED -> "significantly lower";
        case PASSED -> "not significantly lower";
        default -> outcome.label();
      }));
      String line = n == 0 || baseN == 0 ? "no session matched " + route.phrase() + " " + side(n, baseN)
          : route.phrase() + " " + detail;
      switch (outcome) {
        case BREACHED -> {
          breached.add(line + ": significantly lower than in the baseline");
          List<String> wrong = nowSide.wrong.get(r);
          for (int i = 0; i < wrong.size(); i += 2) offenders.add(RouteCheck.wrong(route, wrong.get(i), wrong.get(i + 1)));
        }
        case DATA_UNAVAILABLE -> unsure.add(line + ": the sessions not seen as they are could change it");
        case INSUFFICIENT_DATA -> {
          notJudged.add(line + ": cannot judge it");
          baselineShort |= baseN < minimum;
        }
        default -> { }
      }
    }
    figures.add(new Figure("baseline", c.label()));
    figures.add(new Figure("sessions now", scope.describe()));
    figures.add(new Figure("sessions in the baseline", then.describe()));
    Completeness unknown = unknownNow.plus(unknownBase);
    if (!unknown.whole()) figures.add(Uncertain.note(unknown));
    int judged = routes.size() - notJudged.size() - unsure.size();
    String figure = (judged - breached.size()) + " of " + routes.size()
        + " trigger phrases route at least as well as in the baseline"
        + (judged == routes.size() ? "" : "; " + (routes.size() - judged) + " not judged");
    Outcome outcome = !breached.isEmpty() ? Outcome.BREACHED : !unsure.isEmpty() ? Outcome.DATA_UNAVAILABLE
        : !notJudged.isEmpty() ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
    List<String> problems = new ArrayList<>(breached);
    problems.addAll(unsure);
    problems.addAll(notJudged);
    String reason = problems.isEmpty()
        ? "no trigger phrase routes significantly worse than in the baseline (" + routes.size() + " judged)"
        : String.join("; ", problems);
    if (outcome == Outcome.DATA_UNAVAILABLE) reason = Uncertain.couldChange(unknown, reason);
    if (outcome == Outcome.INSUFFICIENT_DATA && baselineShort && c.snapshot()) reason += Baseline.Side.BLESS_PHRASES;
    return Verdict.of(gate, outcome, reason).figure(figure).figures(figures)
        .offenders(outcome == Outcome.BREACHED ? offenders : List.of()).build();
  }

  /** Breached when significantly lower, whatever the sample; else judged only on enough sessions. */
  private static Outcome outcome(long right, long n, long baseRight, long baseN, int minimum) {
    if (n == 0 || baseN == 0) return Outcome.INSUFFICIENT_DATA;
    if (TwoProportion.difference95(right, n, baseRight, baseN).high() < -1e-12) return Outcome.BREACHED;
    return n < minimum || baseN < minimum ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
  }

  private static String detail(Route route, TwoProportion.Difference d) {
    return "routed to " + route.subIntentType() + " in " + Percent.format(d.rate()) + " of " + d.n()
        + " now vs " + Percent.format(d.baselineRate()) + " of " + d.baselineN() + " in the baseline: " + d.describe();
  }

  private static String side(long now, long base) {
    return side(now == 0, base == 0).replace("both sides", "now nor in the baseline");
  }

  private static String side(boolean now, boolean base) {
    return now && base ? "both sides" : now ? "now" : "in the baseline";
  }
}
