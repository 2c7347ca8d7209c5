package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.Locale;

/** The fail-closed checks every gate makes before it judges, and small formatting helpers. */
final class Judging {
  private Judging() {}

  /** The advice closing {@link #tooFew} when there are no sessions at all. */
  static final String WIDEN_OR_LOOSEN = "; widen the window or loosen the choices";
  /** The advice closing {@link #tooFew} when there are fewer than the minimum sample. */
  static final String WIDEN_OR_LOWER = "; widen the window, or lower it with 'Given at least N sessions are needed'";

  /** Could-not-judge when there are too few sessions; null when there are enough. */
  static Verdict tooFew(String gate, Sample sample, long n, String population) {
    return tooFew(gate, sample.scope(), n, population);
  }

  /** Could-not-judge when there are too few sessions; null when there are enough. */
  static Verdict tooFew(String gate, Scope scope, long n, String population) {
    if (scope.size() == 0) {
      return Verdict.notJudged(gate, Outcome.INSUFFICIENT_DATA,
          "no sessions to judge (" + scope.describe() + "): cannot judge " + gate
              + WIDEN_OR_LOOSEN);
    }
    if (n < scope.minimumSample()) {
      return Verdict.notJudged(gate, Outcome.INSUFFICIENT_DATA, String.format(Locale.ROOT,
          "only %,d %s, fewer than the minimum sample of %,d (%s): too few to judge" + WIDEN_OR_LOWER,
          n, population, scope.minimumSample(), scope.describe()));
    }
    return null;
  }

  /**
   * Could-not-judge when {@code without} of the {@code size} sessions lack data the gate needs
   * ({@code first}: the first of them); null when none does.
   */
  static Verdict missing(String gate, int without, int size, String first, String what) {
    if (without == 0) return null;
    return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, String.format(Locale.ROOT,
        "%,d of %,d sessions came without %s (e.g. %s): cannot judge %s; the API sends it only"
            + " when asked (messages=true, state=true): check the API or the dataset",
        without, size, what, first, gate));
  }

  /**
   * Could-not-judge when no session of the {@code size} judged has a message from {@code role}
   * ({@code origins}: every initiator_origin they have): the origin that role writes under is
   * probably not mapped (only RECIPIENT is documented), and a gate about that role's messages
   * would otherwise pass on nothing.
   */
  static Verdict noMessageFrom(io.konvoqa.session.Role role, java.util.Set<String> origins, int size, String gate) {
    String name = role.name().toLowerCase(Locale.ROOT);
    return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, String.format(Locale.ROOT,
        "none of the %,d sessions has a message from the %s (initiator_origin seen: %s): cannot judge"
            + " %s; map the %s's origin with KONVO_ROLES, e.g. KONVO_ROLES=RECIPIENT=customer,BOT=ai,AGENT=human_agent",
        size, name.replace('_', ' '), origins.isEmpty() ? "none" : String.join(", ", origins),
        gate, name.replace('_', ' ')));
  }

  /**
   * Could-not-judge when no message is from {@code role} but some origins map to no role at all
   * ({@code unmapped}): the role probably writes under one of them. Null when every origin is
   * mapped (then the role simply did not take part).
   */
  static Verdict unmappedInsteadOf(io.konvoqa.session.Role role, java.util.Set<String> unmapped, String gate) {
    if (unmapped.isEmpty()) return null;
    String name = role.name().toLowerCase(Locale.ROOT);
    return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, String.format(Locale.ROOT,
        "no message is from a %s, but the origins %s map to no role: cannot judge %s; if the %s"
            + " writes under one of them, map it with KONVO_ROLES, e.g. KONVO_ROLES=RECIPIENT=customer,AI=ai,%s=%s",
        name.replace('_', ' '), String.join(", ", unmapped), gate, name.replace('_', ' '),
        unmapped.iterator().next(), name));
  }

  static boolean hasStatus(Session s) {
    return s.status() != null && s.status().completed() != null
        && (!s.isCompleted() || s.status().unresolved() != null);
  }

  static boolean hasState(Session s) {
    return s.state() != null;
  }

  static boolean hasMessages(Session s) {
    return s.messages() != null;
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * A message as an offender's reason quotes it: on one line, and whole. Cutting it is left to
   * whoever displays it, after masking, so a quote never ends in half an e-mail address.
   */
  static String quote(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  /** A sub_intent_type as shown: the value, or "(none)". */
  static String label(String value) {
    return value == null ? "(none)" : value;
  }
}
