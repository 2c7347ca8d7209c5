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

  static Verdict judge(Comparison c, List<Route> routes, String gate) {
    if (routes.isEmpty()) {
      throw new ConfigurationException("the scenario has no trigger phrases to compare: add"
          + " 'Given the trigger phrases:' (or 'Then trigger phrases route to these sub_intent_types:')"
          + " with | trigger phrase | sub_intent_type | rows before this step");
    }
    Verdict early = fitness(gate, c.now());
    if (early == null) early = c.baselineUnfit(fitness(gate, c.baseline()));
    if (early != null) return early;
    Completeness unknownNow = c.now().completeness().plus(unreadable(c.now()));
    Completeness unknownBase = c.baseline().completeness().plus(unreadable(c.baseline()));
    int minimum = c.now().minimumSample();

    List<Figure> figures = new ArrayList<>();
    List<Offender> offenders = new ArrayList<>();
    List<String> breached = new ArrayList<>(), notJudged = new ArrayList<>(), unsure = new ArrayList<>();
    boolean baselineShort = false;
    for (Route route : routes) {
      List<Session> now = matching(c.now(), route), base = matching(c.baseline(), route);
      long right = now.stream().filter(s -> RouteCheck.routedRight(route, s)).count();
      long baseRight = base.stream().filter(s -> RouteCheck.routedRight(route, s)).count();
      Outcome outcome = outcome(right, now.size(), baseRight, base.size(), minimum);
      String detail = now.isEmpty() || base.isEmpty() ? "no session matched " + side(now, base)
          : detail(route, TwoProportion.difference95(right, now.size(), baseRight, base.size()));
      if (outcome == Outcome.INSUFFICIENT_DATA && !now.isEmpty() && !base.isEmpty()) {
        detail += ": fewer than the minimum sample of " + minimum + " "
            + side(now.size() < minimum, base.size() < minimum).replace("both sides", "on both sides");
      }
      if (!outcome.couldNotJudge() && !(unknownNow.whole() && unknownBase.whole())) {
        long u = unknownNow.uncertain(), ub = unknownBase.uncertain();
        // each side as seen, or with all its unknown sessions matched and routed right, or elsewhere
        Outcome own = outcome;
        for (long[] side : new long[][] {{right, now.size()}, {right + u, now.size() + u}, {right, now.size() + u}}) {
          for (long[] other : new long[][] {{baseRight, base.size()}, {baseRight + ub, base.size() + ub},
              {baseRight, base.size() + ub}}) {
            if (outcome(side[0], side[1], other[0], other[1], minimum) != own) outcome = Outcome.DATA_UNAVAILABLE;
          }
        }
      }
      figures.add(new Figure(route.phrase().text(), detail + ": " + switch (outcome) {
        case BREACHED -> "significantly lower";
        case PASSED -> "not significantly lower";
        default -> outcome.label();
      }));
      String line = now.isEmpty() || base.isEmpty() ? "no session matched " + route.phrase() + " " + side(now, base)
          : route.phrase() + " " + detail;
      switch (outcome) {
        case BREACHED -> {
          breached.add(line + ": significantly lower than in the baseline");
          now.stream().filter(s -> !RouteCheck.routedRight(route, s)).forEach(s -> offenders.add(new Offender(s.id(),
              "sub_intent_type " + Judging.label(s.subIntentType()) + ", expected " + route.subIntentType()
                  + " (first customer message " + route.phrase().describe() + ")")));
        }
        case DATA_UNAVAILABLE -> unsure.add(line + ": the sessions not seen as they are could change it");
        case INSUFFICIENT_DATA -> {
          notJudged.add(line + ": cannot judge it");
          baselineShort |= base.size() < minimum;
        }
        default -> { }
      }
    }
    figures.add(new Figure("baseline", c.baselineLabel()));
    figures.add(new Figure("sessions now", c.now().describe()));
    figures.add(new Figure("sessions in the baseline", c.baseline().describe()));
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
    if (outcome == Outcome.INSUFFICIENT_DATA && baselineShort && c.snapshot()) reason += Comparison.BLESS_PHRASES;
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

  private static String side(List<Session> now, List<Session> base) {
    return side(now.isEmpty(), base.isEmpty()).replace("both sides", "now nor in the baseline");
  }

  private static String side(boolean now, boolean base) {
    return now && base ? "both sides" : now ? "now" : "in the baseline";
  }

  private static Verdict fitness(String gate, Sample sample) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null) early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
    return early;
  }

  private static List<Session> matching(Sample sample, Route route) {
    return sample.sessions().stream().filter(s -> {
      Conversation c = Conversation.of(s, sample.roles());
      return !c.firstCustomerMessageUnknown() && route.phrase().matches(c.firstCustomerMessage());
    }).toList();
  }

  private static Completeness unreadable(Sample sample) {
    return TextGaps.firstCustomerMessages(TextGaps.unreadableFirstCustomerMessage(sample), sample.roles());
  }
}
