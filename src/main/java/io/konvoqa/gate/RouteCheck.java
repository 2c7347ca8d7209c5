package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One row of a routing gate judged: the sessions its trigger phrase matched, the share routed to
 * its sub_intent_type, and the outcome, with sessions the gate cannot see as they are taken into
 * account (they might all have matched and been routed right, or all been routed elsewhere).
 *
 * @param figure the row in the report's figures
 * @param sentence the row in the verdict's reason
 */
record RouteCheck(Route route, long n, Outcome outcome, String figure, String sentence, List<Offender> offenders) {

  /**
   * @param n the sessions the phrase matched, {@code right} of them routed right
   * @param wrong the others, as offenders, in window order: asked for only when the row is breached
   * @param unreadable sessions whose first customer message could not be read, {@code unreadableRight}
   *     of them routed to this row's sub_intent_type
   */
  static RouteCheck of(Route route, long n, long right, Supplier<List<Offender>> wrong, long unreadable,
      long unreadableRight, Completeness unknown, int minimum) {
    String phrase = route.phrase().toString();
    if (n == 0) {
      return new RouteCheck(route, 0, Outcome.INSUFFICIENT_DATA, "no session matched: not judged",
          "no session matched " + phrase + ": cannot judge routing", List.of());
    }
    RateClaim claim = RateClaim.atLeast(route.atLeast());
    Outcome own = claim.judge(right, n, minimum);
    Interval wilson = Wilson.interval95(right, n);
    String share = Percent.against((double) right / n, route.atLeast());
    String required = Percent.written(route.atLeast());
    String figure = String.format(Locale.ROOT, "%s of %d routed to %s (at least %s required; Wilson 95%% %s - %s): %s",
        share, n, route.subIntentType(), required, Percent.format(wilson.low()), Percent.format(wilson.high()),
        own.label());
    String routed = phrase + " routed to " + route.subIntentType() + " in " + share + " of " + Judging.count(n)
        + (n == 1 ? " session" : " sessions") + ", at least " + required + " required";
    if (own == Outcome.INSUFFICIENT_DATA) {
      return new RouteCheck(route, n, own, figure, phrase + " matched only " + Judging.count(n)
          + (n == 1 ? " session" : " sessions") + ", fewer than the minimum sample of " + minimum
          + ": cannot judge its routing", List.of());
    }
    String changed = changed(claim, right, n, unreadable, unreadableRight, unknown, minimum, own);
    if (changed != null) {
      return new RouteCheck(route, n, Outcome.DATA_UNAVAILABLE, figure, routed + ", but " + changed, List.of());
    }
    if (own == Outcome.PASSED) return new RouteCheck(route, n, own, figure, routed, List.of());
    return new RouteCheck(route, n, own, figure, routed + (n < minimum
        ? ": significantly below it even with few sessions" : ""), wrong.get());
  }

  /**
   * Null when the outcome holds whether every unknown session matched the phrase and was routed
   * right, or matched and was routed elsewhere; else what would change.
   */
  private static String changed(RateClaim claim, long right, long n, long unreadable, long unreadableRight,
      Completeness unknown, int minimum, Outcome own) {
    if (unknown.whole()) return null;
    long elsewhere = unknown.uncertain() - unreadable; // not served: could be routed anywhere
    long maybeRight = unreadableRight + elsewhere, maybeWrong = unreadable - unreadableRight + elsewhere;
    Outcome best = claim.judge(right + maybeRight, n + maybeRight, minimum);
    Outcome worst = claim.judge(right, n + maybeWrong, minimum);
    if (best != own) return "if " + Judging.count(maybeRight) + " more had matched and been routed right, it " + Uncertain.would(best);
    if (worst != own) return "if " + Judging.count(maybeWrong) + " more had matched and been routed elsewhere, it " + Uncertain.would(worst);
    return null;
  }

  static boolean routedRight(Route route, Session s) {
    return route.subIntentType().equalsIgnoreCase(s.subIntentType());
  }

  /** Why a session the phrase matched offends: where it was routed instead. */
  static Offender wrong(Route route, String sessionId, String subIntentType) {
    return new Offender(sessionId, "sub_intent_type " + Judging.label(subIntentType) + ", expected "
        + route.subIntentType() + " (first customer message " + route.phrase().describe() + ")");
  }
}
