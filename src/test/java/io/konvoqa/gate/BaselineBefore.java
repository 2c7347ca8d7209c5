package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baseline gates as they judged before they streamed: two whole samples through a {@link
 * Comparison}. Kept as the oracle the streamed gates are checked against (BaselineStreamTest).
 */
final class BaselineBefore {
  private BaselineBefore() {}

  /** The advice for a snapshot baseline with no sessions (to judge), replacing "widen the window". */
  static final String BLESS_EMPTY = "; bless a snapshot that holds them: record a longer window"
      + " ('java -jar konvo-qa.jar record --last 30d --out FILE') and bless it ('java -jar konvo-qa.jar"
      + " bless FILE'), or loosen the choices";
  /** The advice for a snapshot baseline with fewer sessions than the minimum sample. */
  static final String BLESS_BIGGER = "; bless a snapshot with at least the minimum sample: record a"
      + " longer window ('java -jar konvo-qa.jar record --last 30d --out FILE') and bless it"
      + " ('java -jar konvo-qa.jar bless FILE'), or lower the minimum with 'Given at least N sessions are needed'";

  /** The advice when trigger phrases have too few sessions in a snapshot baseline. */
  static final String BLESS_PHRASES = "; the baseline is a snapshot, so no wider window helps: bless one"
      + " that holds enough sessions per trigger phrase: record a longer window ('java -jar konvo-qa.jar"
      + " record --last 30d --out FILE') and bless it ('java -jar konvo-qa.jar bless FILE')";

  /** Could-not-judge when the baseline lacks data or sessions, saying it is the baseline; else null. */
  static Verdict unfit(Comparison c, Verdict onBaseline) {
    if (onBaseline == null) return null;
    return Verdict.notJudged(onBaseline.gate(), onBaseline.outcome(),
        "in the baseline (" + c.baselineLabel() + "): " + advised(c, onBaseline.reason()));
  }

  /** A snapshot cannot be widened: its "too few" advice says to bless a proper one instead. */
  private static String advised(Comparison c, String reason) {
    if (!c.snapshot()) return reason;
    if (reason.endsWith(Judging.WIDEN_OR_LOOSEN)) return replaceEnd(reason, Judging.WIDEN_OR_LOOSEN, BLESS_EMPTY);
    if (reason.endsWith(Judging.WIDEN_OR_LOWER)) return replaceEnd(reason, Judging.WIDEN_OR_LOWER, BLESS_BIGGER);
    return reason;
  }

  private static String replaceEnd(String text, String end, String with) {
    return text.substring(0, text.length() - end.length()) + with;
  }

  /** Could-not-judge when some sessions lack data the gate needs; null when all have it. */
  static Verdict missing(String gate, Sample sample, java.util.function.Predicate<Session> has, String what) {
    List<Session> without = sample.sessions().stream().filter(has.negate()).toList();
    if (without.isEmpty()) return null;
    return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, String.format(Locale.ROOT,
        "%,d of %,d sessions came without %s (e.g. %s): cannot judge %s; the API sends it only"
            + " when asked (messages=true, state=true): check the API or the dataset",
        without.size(), sample.size(), what, without.get(0).id(), gate));
  }

  static Completeness unreadableFirst(Sample sample) {
    List<Session> affected = new ArrayList<>();
    for (Session s : sample.sessions()) {
      if (Conversation.of(s, sample.roles()).firstCustomerMessageUnknown()) affected.add(s);
    }
    long gaps = 0;
    for (Session s : affected) gaps += Conversation.of(s, sample.roles()).textless(Role.CUSTOMER);
    return TextGaps.of(affected, gaps, "the first customer message", "whether it holds a trigger phrase is unknown");
  }

  static final class Rise {
    private Rise() {}

    /**
     * What a rise gate compares, in the words its verdict uses.
     *
     * @param rate e.g. "unresolved rate"
     * @param population e.g. "completed sessions"
     * @param counted what a counted session is, e.g. "unresolved"
     */
    record Words(String rate, String population, String counted) {}

    /**
     * One side counted: {@code hits} of {@code n}, the counted sessions, and what it cannot see as it is.
     */
    record Side(long hits, long n, List<Offender> counted, Completeness unknown) {}

    static void checkAllowed(double allowedRise) {
      if (!(allowedRise >= 0 && allowedRise <= 1)) {
        throw new ConfigurationException("the allowed rise must be 0%..100% but was " + allowedRise);
      }
    }

    static Verdict judge(Comparison c, double allowedRise, Words words, Side now, Side base, String gate) {
      int minimum = c.now().minimumSample();
      Outcome outcome = outcome(now.hits(), now.n(), base.hits(), base.n(), allowedRise, minimum);
      if (outcome == Outcome.INSUFFICIENT_DATA) {
        Verdict early = Judging.tooFew(gate, c.now(), now.n(), words.population());
        if (early == null) early = unfit(c, Judging.tooFew(gate, c.baseline(), base.n(), words.population()));
        return early;
      }
      TwoProportion.Difference d = TwoProportion.difference95(now.hits(), now.n(), base.hits(), base.n());
      String allowed = TwoProportion.points(allowedRise);
      String figure = words.rate() + " " + Percent.format(d.rate()) + " vs " + Percent.format(d.baselineRate())
          + " in the baseline: " + d.describe();
      List<Figure> figures = new ArrayList<>(List.of(
          Figure.rate(words.rate() + " now", rate(d.hits(), d.n(), words), d.rate()),
          Figure.rate(words.rate() + " in the baseline", rate(d.baselineHits(), d.baselineN(), words), d.baselineRate()),
          new Figure("difference (now - baseline)", TwoProportion.points(d.estimate())),
          new Figure("95% interval of the difference (Newcombe hybrid score)",
              TwoProportion.points(d.low()) + " to " + TwoProportion.points(d.high())),
          new Figure("allowed rise", "at most " + allowed),
          new Figure("compared with the allowed rise", "the lower end of the interval: "
              + TwoProportion.points(d.low())),
          new Figure("baseline", c.baselineLabel()),
          new Figure("sessions now", c.now().describe()),
          new Figure("sessions in the baseline", c.baseline().describe())));
      String reason = outcome == Outcome.PASSED
          ? figure + (d.estimate() > allowedRise ? ": risen by more than the allowed " + allowed + ", but not significantly"
              : ": within the allowed rise of " + allowed)
          : figure + ": risen by significantly more than the allowed " + allowed + " (even the lower end of the"
              + " interval is " + TwoProportion.points(d.low()) + ")"
              + (now.n() < minimum || base.n() < minimum ? ", even with few sessions" : "");
      List<Offender> offenders = outcome == Outcome.PASSED ? List.of() : now.counted();
      Verdict v = Verdict.of(gate, outcome, reason).figure(figure).figures(figures).offenders(offenders).build();
      return unknowns(v, now, base, allowedRise, minimum, words);
    }

    /** Breached when the rise is significantly more than allowed; else passed on enough sessions. */
    private static Outcome outcome(long hits, long n, long baseHits, long baseN, double allowedRise, int minimum) {
      if (n == 0 || baseN == 0) return Outcome.INSUFFICIENT_DATA;
      if (TwoProportion.difference95(hits, n, baseHits, baseN).low() > allowedRise + 1e-12) return Outcome.BREACHED;
      return n < minimum || baseN < minimum ? Outcome.INSUFFICIENT_DATA : Outcome.PASSED;
    }

    /** Cannot judge when the sessions either side cannot see could all be counted, or none, and that changes it. */
    private static Verdict unknowns(Verdict v, Side now, Side base, double allowedRise, int minimum, Words words) {
      long hits = now.hits(), n = now.n(), baseHits = base.hits(), baseN = base.n();
      long u = now.unknown().uncertain(), ub = base.unknown().uncertain();
      // each side as seen, or with all its unknown sessions counted, or none: in every pairing
      List<Outcome> cases = new ArrayList<>();
      for (long[] side : new long[][] {{hits, n}, {hits + u, n + u}, {hits, n + u}}) {
        for (long[] then : new long[][] {{baseHits, baseN}, {baseHits + ub, baseN + ub}, {baseHits, baseN + ub}}) {
          cases.add(outcome(side[0], side[1], then[0], then[1], allowedRise, minimum));
        }
      }
      return Uncertain.unlessAnyDiffers(v, now.unknown().plus(base.unknown()), cases, "with all of them "
          + words.counted() + ", or none, the gate could end otherwise");
    }

    private static String rate(long hits, long n, Words words) {
      return Percent.format((double) hits / n) + " (" + Judging.count(hits) + " of " + Judging.count(n)
          + " " + words.population() + ")";
    }
  }

  static final class UnresolvedRise {
    private UnresolvedRise() {}

    private static final Rise.Words WORDS = new Rise.Words("unresolved rate", "completed sessions", "unresolved");

    static Verdict judge(Comparison c, double allowedRise, String gate) {
      Rise.checkAllowed(allowedRise);
      String status = "a status (completed, unresolved)";
      Verdict early = missing(gate, c.now(), Judging::hasStatus, status);
      if (early == null) early = unfit(c, missing(gate, c.baseline(), Judging::hasStatus, status));
      if (early != null) return early;
      return Rise.judge(c, allowedRise, WORDS, side(c.now()), side(c.baseline()), gate);
    }

    private static Rise.Side side(Sample sample) {
      List<Session> completed = sample.sessions().stream().filter(Session::isCompleted).toList();
      List<Offender> unresolved = completed.stream().filter(s -> Boolean.TRUE.equals(s.unresolved()))
          .map(s -> new Offender(s.id(), "unresolved")).toList();
      return new Rise.Side(unresolved.size(), completed.size(), unresolved, sample.completeness());
    }
  }

  static final class HandoverRise {
    private HandoverRise() {}

    private static final Rise.Words WORDS = new Rise.Words("handover rate", "sessions", "handed over");

    static Verdict judge(Comparison c, double allowedRise, String gate) {
      Rise.checkAllowed(allowedRise);
      Verdict early = null;
      for (Need need : new Need[] {Need.MESSAGES, Need.STATE}) {
        if (early == null) early = missing(gate, c.now(), need::in, need.what);
        if (early == null) early = unfit(c, missing(gate, c.baseline(), need::in, need.what));
      }
      if (early != null) return early;
      Origins agents = new Origins(Role.HUMAN_AGENT);
      Rise.Side now = side(c.now(), agents), base = side(c.baseline(), agents);
      early = agents.unmappedInsteadOf(gate);
      if (early != null) return early;
      return Rise.judge(c, allowedRise, WORDS, now, base, gate);
    }

    private static Rise.Side side(Sample sample, Origins agents) {
      List<Offender> handedOver = new ArrayList<>();
      SessionCount unknown = new SessionCount();
      long n = 0;
      for (Session s : sample.sessions()) {
        SessionView v = new SessionView(s, sample.roles());
        agents.add(v.conversation());
        HandoverGates.Handover h = HandoverGates.handover(v);
        if (h.handedOver()) handedOver.add(new Offender(s.id(), h.why()));
        else if (h.unknownMessages() > 0) {
          unknown.add(v, h.unknownMessages());
          continue;
        }
        n++;
      }
      return new Rise.Side(handedOver.size(), n, handedOver,
          sample.completeness().plus(HandoverGates.unknown(unknown)));
    }
  }

  static final class SubIntentDrift {
    private SubIntentDrift() {}

    static final int TOP_MOVERS = 5;
    private static final double NOISE_QUANTILE = 0.95;

    static Verdict judge(Comparison c, double allowed, boolean noiseIncluded, String gate) {
      if (!(allowed >= 0 && allowed <= 1)) {
        throw new ConfigurationException("the allowed drift must be 0%..100% but was " + allowed);
      }
      String state = "a state (sub_intent_type)";
      Verdict early = missing(gate, c.now(), Judging::hasState, state);
      if (early == null) early = unfit(c, missing(gate, c.baseline(), Judging::hasState, state));
      if (early == null && c.now().size() == 0) early = Judging.tooFew(gate, c.now(), 0, "sessions");
      if (early == null && c.baseline().size() == 0) early = unfit(c, Judging.tooFew(gate, c.baseline(), 0, "sessions"));
      if (early != null) return early;

      Distribution now = Distribution.of(c.now().sessions(), Session::subIntentType);
      Distribution base = Distribution.of(c.baseline().sessions(), Session::subIntentType);
      double distance = now.totalVariation(base);
      double noise = now.noise(base, NOISE_QUANTILE);
      double beyond = Math.max(0, distance - noise);
      double compared = noiseIncluded ? distance : beyond;
      Outcome outcome = outcome(compared, beyond, allowed, c);
      if (outcome == Outcome.INSUFFICIENT_DATA) {
        early = Judging.tooFew(gate, c.now(), c.now().size(), "sessions");
        return early != null ? early : unfit(c, Judging.tooFew(gate, c.baseline(), c.baseline().size(), "sessions"));
      }
      List<Distribution.Move> moves = now.movesFrom(base);
      String figure = "sub_intent_type drift " + (noiseIncluded ? Percent.against(distance, allowed)
          : Percent.format(distance)) + " (total variation distance)";
      String limit = Percent.written(allowed);
      String noiseText = Percent.format(noise) + " that noise alone reaches at these sample sizes leaves "
          + Percent.against(beyond, allowed);
      String verdict = noiseIncluded
          ? (outcome == Outcome.BREACHED ? " is more than the allowed " : " is within the allowed ") + limit + ", noise included"
          : outcome == Outcome.BREACHED
              ? " is significantly more than the allowed " + limit + ": even taking away the " + noiseText
              : " is not significantly more than the allowed " + limit + ": taking away the " + noiseText;
      List<Figure> figures = figures(c, distance, noise, beyond, allowed, noiseIncluded, moves);
      List<Offender> offenders = outcome == Outcome.BREACHED ? offenders(c, moves) : List.of();
      List<Segment> segments = segments(moves, outcome);
      Verdict v = Verdict.of(gate, outcome, figure + verdict + "; moved most: " + movers(moves)).figure(figure)
          .figures(figures).offenders(offenders).evidence(segments.isEmpty() ? null : new SegmentTable(segments)).build();
      return unknowns(v, c, compared, beyond, allowed);
    }

    /** Passed or breached on the figure compared; a small side is judged only on a significant drift. */
    private static Outcome outcome(double compared, double beyond, double allowed, Comparison c) {
      int minimum = c.now().minimumSample();
      if (c.now().size() < minimum || c.baseline().size() < minimum) {
        return beyond > allowed + 1e-12 ? Outcome.BREACHED : Outcome.INSUFFICIENT_DATA;
      }
      return compared > allowed + 1e-12 ? Outcome.BREACHED : Outcome.PASSED;
    }

    /**
     * Sessions either side cannot see move the distance by at most their share of that side: the
     * verdict stands when it holds with the distance that much higher and that much lower.
     */
    private static Verdict unknowns(Verdict v, Comparison c, double compared, double beyond, double allowed) {
      Completeness un = c.now().completeness(), ub = c.baseline().completeness();
      double shift = share(un, c.now()) + share(ub, c.baseline());
      List<Outcome> cases = List.of(outcome(compared + shift, beyond + shift, allowed, c),
          outcome(Math.max(0, compared - shift), Math.max(0, beyond - shift), allowed, c));
      return Uncertain.unlessAnyDiffers(v, un.plus(ub), cases, "they could move the distance by up to "
          + Percent.format(shift));
    }

    private static double share(Completeness unknown, Sample side) {
      return unknown.whole() ? 0 : (double) unknown.uncertain() / (side.size() + unknown.uncertain());
    }

    private static List<Figure> figures(Comparison c, double distance, double noise, double beyond,
        double allowed, boolean noiseIncluded, List<Distribution.Move> moves) {
      List<Figure> figures = new ArrayList<>(List.of(
          Figure.rate("total variation distance", Percent.format(distance), distance),
          new Figure("allowed drift", "at most " + Percent.written(allowed) + (noiseIncluded ? ", noise included" : "")),
          new Figure("drift from noise alone (95th percentile of " + String.format(Locale.ROOT, "%,d",
              DriftNoise.PERMUTATIONS) + " seeded permutations)", Percent.format(noise)),
          Figure.rate("drift beyond noise (at least)", Percent.format(beyond), beyond),
          new Figure("compared with the allowed drift", noiseIncluded ? "the distance itself" : "the drift beyond noise"),
          new Figure("moved most", movers(moves)),
          new Figure("new sub_intent_types", list(moves.stream().filter(Distribution.Move::isNew).toList())),
          new Figure("vanished sub_intent_types", list(moves.stream().filter(Distribution.Move::vanished).toList()))));
      for (Distribution.Move m : moves) {
        figures.add(new Figure("sub_intent_type " + m.value(), share(m.share(), m.count()) + " now, "
            + share(m.baselineShare(), m.baselineCount()) + " in the baseline ("
            + TwoProportion.points(m.change()) + ")"));
      }
      figures.add(new Figure("baseline", c.baselineLabel()));
      figures.add(new Figure("sessions now", c.now().describe()));
      figures.add(new Figure("sessions in the baseline", c.baseline().describe()));
      return figures;
    }

    /** The biggest changes, e.g. "CONCIERGE +9.5 points, RETURN_REQUEST -6.0 points (vanished)". */
    private static String movers(List<Distribution.Move> moves) {
      List<String> top = new ArrayList<>();
      for (Distribution.Move m : moves.subList(0, Math.min(TOP_MOVERS, moves.size()))) {
        if (Math.abs(m.change()) < 1e-12) break;
        top.add(m.value() + " " + TwoProportion.points(m.change())
            + (m.isNew() ? " (new)" : m.vanished() ? " (vanished)" : ""));
      }
      return top.isEmpty() ? "none" : String.join(", ", top);
    }

    private static String list(List<Distribution.Move> moves) {
      return moves.isEmpty() ? "none" : String.join(", ", moves.stream().map(Distribution.Move::value).toList());
    }

    private static String share(double share, long count) {
      return String.format(Locale.ROOT, "%s (%,d)", Percent.format(share), count);
    }

    /** When breached, the sessions now in the sub_intent_types that grew most (or are new). */
    private static List<Offender> offenders(Comparison c, List<Distribution.Move> moves) {
      List<String> grown = moves.stream().limit(TOP_MOVERS).filter(m -> m.change() > 1e-12)
          .map(m -> Spellings.key(m.value())).toList();
      return c.now().sessions().stream().filter(s -> grown.contains(Spellings.key(s.subIntentType())))
          .map(s -> new Offender(s.id(), "sub_intent_type " + Judging.label(s.subIntentType())
              + ", which grew against the baseline")).toList();
    }

    private static List<Segment> segments(List<Distribution.Move> moves, Outcome outcome) {
      List<Segment> segments = new ArrayList<>();
      for (Distribution.Move m : moves) {
        segments.add(new Segment(m.value(), m.count(), m.share(), outcome, "now " + TwoProportion.points(m.change())));
        segments.add(new Segment(m.value(), m.baselineCount(), m.baselineShare(), Outcome.PASSED, "baseline"));
      }
      return segments;
    }
  }

  static final class RoutingAgainstBaseline {
    private RoutingAgainstBaseline() {}

    static Verdict judge(Comparison c, List<Route> routes, String gate) {
      if (routes.isEmpty()) {
        throw new ConfigurationException("the scenario has no trigger phrases to compare: add"
            + " 'Given the trigger phrases:' (or 'Then trigger phrases route to these sub_intent_types:')"
            + " with | trigger phrase | sub_intent_type | rows before this step");
      }
      Verdict early = fitness(gate, c.now());
      if (early == null) early = unfit(c, fitness(gate, c.baseline()));
      if (early != null) return early;
      Completeness unknownNow = c.now().completeness().plus(unreadableFirst(c.now()));
      Completeness unknownBase = c.baseline().completeness().plus(unreadableFirst(c.baseline()));
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
      if (outcome == Outcome.INSUFFICIENT_DATA && baselineShort && c.snapshot()) reason += BLESS_PHRASES;
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
      Verdict early = missing(gate, sample, Judging::hasMessages, "messages");
      if (early == null) early = missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
      if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
      return early;
    }

    private static List<Session> matching(Sample sample, Route route) {
      return sample.sessions().stream().filter(s -> {
        Conversation c = Conversation.of(s, sample.roles());
        return !c.firstCustomerMessageUnknown() && route.phrase().matches(c.firstCustomerMessage());
      }).toList();
    }

  }
}
