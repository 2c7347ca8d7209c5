package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Gates on what the AI says and how it behaves in a conversation. */
public final class ReplyGates {
  private ReplyGates() {}

  /**
   * No AI reply matches any of {@code phrases}; offenders name the phrase and quote the reply. AI
   * replies without text cannot be searched: the gate cannot pass while any is found.
   *
   * @param what what an offending reply does, e.g. "contains 'refund'" or "contains a forbidden phrase"
   */
  public static Verdict noAiReply(Sample sample, List<TriggerPhrase> phrases, String what, String gate) {
    Verdict early = MessageGates.needAiText(sample, gate);
    if (early != null) return early;
    Findings found = new Findings();
    List<Session> originless = new ArrayList<>();
    long originlessMessages = 0;
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      String offence = offence(c, phrases);
      if (offence != null) {
        found.offends(s, offence);
      } else if (c.textless(Role.AI) > 0) {
        found.unclear(s, c.textless(Role.AI));
      } else {
        // a message the API sent without its origin may be the AI's: if it offends, who sent it decides
        long matching = c.messages().stream().filter(m -> m.initiatorOrigin() == null && m.message() != null
            && phrases.stream().anyMatch(p -> p.matches(m.text(), TriggerPhrase.lower(m.text())))).count();
        if (matching > 0) originless.add(s);
        originlessMessages += matching;
      }
    }
    Verdict v = MessageGates.absence(gate, sample, sample.size(), "sessions", found.offenders, "an AI reply that " + what,
        "no AI reply in " + Judging.count(sample.size()) + " sessions " + what);
    Completeness unknown = found.unknown("AI replies", "what they said cannot be searched");
    if (!originless.isEmpty()) {
      unknown = unknown.plus(new Completeness(originless.size(), TextGaps.plural(originless.size(), "session")
          + " (e.g. " + originless.get(0).id() + ") " + (originless.size() == 1 ? "holds " : "hold ")
          + TextGaps.plural(originlessMessages, "message") + " without origin that " + what + " and may be "
          + (originlessMessages == 1 ? "an AI reply" : "AI replies") + ": who sent "
          + (originlessMessages == 1 ? "it" : "them") + " is unknown"));
    }
    return Uncertain.absence(v, sample.completeness().plus(unknown));
  }

  /** "AI reply contains 'Amazon': "…"", naming the first phrase the first offending reply matched; or null. */
  private static String offence(Conversation c, List<TriggerPhrase> phrases) {
    for (Message m : c.by(Role.AI)) {
      if (m.message() == null) continue;
      String lowered = TriggerPhrase.lower(m.text());
      for (TriggerPhrase p : phrases) {
        if (p.matches(m.text(), lowered)) return "AI reply " + p.describe() + ": \"" + Judging.quote(m.text()) + "\"";
      }
    }
    return null;
  }

  /** At least {@code atLeast} of sessions with a sub_intent_type have an AI reply containing a text. */
  public static Verdict aiReplyContaining(Sample sample, String subIntentType, String text,
      double atLeast, String gate) {
    Verdict early = MessageGates.needAiText(sample, gate);
    if (early == null) early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early != null) return early;
    TriggerPhrase needle = TriggerPhrase.text(text);
    List<Session> without = new ArrayList<>();
    Findings found = new Findings();
    long with = 0;
    for (Session s : sample.sessions()) {
      if (!subIntentType.equalsIgnoreCase(s.subIntentType())) continue;
      Conversation c = Conversation.of(s, sample.roles());
      if (c.by(Role.AI).stream().anyMatch(m -> needle.matches(m.message()))) with++;
      else if (c.textless(Role.AI) > 0) found.unclear(s, c.textless(Role.AI));
      else without.add(s);
    }
    Completeness unknown = found.unknown("AI replies", "whether they contain '" + text + "' is unknown");
    String population = "sessions with sub_intent_type " + subIntentType;
    return Rates.verdict(gate, RateClaim.atLeast(atLeast), new Rates.Rate("share with an AI reply containing '"
        + text + "'", population, "with such a reply", with, with + without.size(),
        "%s of %s " + population + " have an AI reply containing '" + text.replace("%", "%%") + "'"),
        sample.completeness().plus(unknown), without, s -> "no AI reply contains '" + text + "'", sample);
  }

  /** Every session in which the customer wrote has at least one AI reply. */
  public static Verdict everyCustomerGetsAiReply(Sample sample, String gate) {
    return Behaviour.everyCustomerGetsAiReply(sample, gate);
  }

  /**
   * No two consecutive AI replies in a session say the same thing (a loop), customer messages in
   * between notwithstanding. Texts are compared ignoring case and spacing.
   */
  public static Verdict noRepeatedAiReply(Sample sample, String gate) {
    Verdict early = MessageGates.needAiText(sample, gate);
    if (early != null) return early;
    Findings found = new Findings();
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      String previous = null;
      boolean offends = false;
      for (Message m : c.by(Role.AI)) {
        if (previous != null && m.message() != null && sameReply(previous, m.text())) {
          found.offends(s, "AI sent the same reply twice in a row: \"" + Judging.quote(m.text()) + "\"");
          offends = true;
          break;
        }
        previous = m.message();
      }
      if (!offends) found.unclear(s, c.textless(Role.AI));
    }
    Verdict v = MessageGates.absence(gate, sample, sample.size(), "sessions", found.offenders, "an AI reply sent twice in a row",
        "no AI reply in " + Judging.count(sample.size()) + " sessions is sent twice in a row");
    return Uncertain.absence(v, sample.completeness().plus(found.unknown("AI replies", "whether they repeat a reply is unknown")));
  }

  /** The same words, ignoring case and runs of white space; never true for blank replies. */
  static boolean sameReply(String a, String b) {
    int i = skipSpace(a, 0), j = skipSpace(b, 0);
    if (i == a.length() || j == b.length()) return false;
    while (i < a.length() && j < b.length()) {
      boolean spaceA = Character.isWhitespace(a.charAt(i)), spaceB = Character.isWhitespace(b.charAt(j));
      if (spaceA || spaceB) {
        if (!(spaceA && spaceB)) return false;
        i = skipSpace(a, i);
        j = skipSpace(b, j);
        if (i == a.length() || j == b.length()) break;
        continue;
      }
      char x = a.charAt(i++), y = b.charAt(j++);
      if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)
          && Character.toUpperCase(x) != Character.toUpperCase(y)) {
        return false;
      }
    }
    return skipSpace(a, i) == a.length() && skipSpace(b, j) == b.length();
  }

  private static int skipSpace(String text, int from) {
    while (from < text.length() && Character.isWhitespace(text.charAt(from))) from++;
    return from;
  }

  /** At least {@code atLeast} of sessions get an AI reply to the first customer message within {@code limit}. */
  public static Verdict firstReplyWithin(Sample sample, Duration limit, double atLeast, String gate) {
    return Behaviour.firstReplyWithin(sample, limit, atLeast, gate);
  }

  /** No session has more than {@code max} customer messages (the AI did not get to the point). */
  public static Verdict maxCustomerMessages(Sample sample, int max, String gate) {
    return Behaviour.maxCustomerMessages(sample, max, gate);
  }
}
