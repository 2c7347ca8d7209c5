package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    Verdict early = needAiText(sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    List<Session> textless = new ArrayList<>();
    long gaps = 0;
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      String offence = offence(c, phrases);
      if (offence != null) offenders.add(new Offender(s.id(), offence));
      else if (c.textless(Role.AI) > 0) {
        textless.add(s);
        gaps += c.textless(Role.AI);
      }
    }
    Completeness unknown = TextGaps.of(textless, gaps, "AI replies", "what they said cannot be searched");
    Verdict v = absence(gate, sample, sample.size(), "sessions", offenders, "an AI reply that " + what,
        "no AI reply in " + Judging.count(sample.size()) + " sessions " + what);
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
    Verdict early = needAiText(sample, gate);
    if (early == null) early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early != null) return early;
    TriggerPhrase needle = TriggerPhrase.text(text);
    List<Session> without = new ArrayList<>(), textless = new ArrayList<>();
    long with = 0, gaps = 0;
    for (Session s : sample.sessions()) {
      if (!subIntentType.equalsIgnoreCase(s.subIntentType())) continue;
      Conversation c = Conversation.of(s, sample.roles());
      if (c.by(Role.AI).stream().anyMatch(m -> needle.matches(m.message()))) with++;
      else if (c.textless(Role.AI) > 0) {
        textless.add(s);
        gaps += c.textless(Role.AI);
      } else without.add(s);
    }
    Completeness unknown = TextGaps.of(textless, gaps, "AI replies", "whether they contain '" + text + "' is unknown");
    String population = "sessions with sub_intent_type " + subIntentType;
    return Rates.verdict(gate, RateClaim.atLeast(atLeast), new Rates.Rate("share with an AI reply containing '"
        + text + "'", population, "with such a reply", with, with + without.size(),
        "%s of %s " + population + " have an AI reply containing '" + text.replace("%", "%%") + "'"),
        sample.completeness().plus(unknown), without, s -> "no AI reply contains '" + text + "'", sample);
  }

  /** Every session in which the customer wrote has at least one AI reply. */
  public static Verdict everyCustomerGetsAiReply(Sample sample, String gate) {
    Verdict early = needMessages(sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    List<Session> unclear = new ArrayList<>();
    long withCustomer = 0, gaps = 0;
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      if (c.has(Role.AI)) {
        if (c.has(Role.CUSTOMER)) withCustomer++;
        continue;
      }
      long unknown = c.messages().stream().filter(Conversation::unknown).count();
      if (unknown > 0) { // it may be an AI reply, or a customer message
        unclear.add(s);
        gaps += unknown;
      } else if (c.has(Role.CUSTOMER)) {
        withCustomer++;
        offenders.add(new Offender(s.id(), c.by(Role.CUSTOMER).size() + " customer message(s), no AI reply"));
      }
    }
    Completeness unknown = TextGaps.of(unclear, gaps, "AI replies or customer messages",
        "who wrote them is unknown");
    Verdict v = absence(gate, sample, withCustomer, "sessions with a customer message", offenders, "no AI reply",
        "every one of " + Judging.count(withCustomer) + " sessions with a customer message has an AI reply");
    return Uncertain.absence(v, sample.completeness().plus(unknown));
  }

  /**
   * No two consecutive AI replies in a session say the same thing (a loop), customer messages in
   * between notwithstanding. Texts are compared ignoring case and spacing.
   */
  public static Verdict noRepeatedAiReply(Sample sample, String gate) {
    Verdict early = needAiText(sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    List<Session> textless = new ArrayList<>();
    long gaps = 0;
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      String previous = null;
      boolean offends = false;
      for (Message m : c.by(Role.AI)) {
        if (previous != null && m.message() != null && sameReply(previous, m.text())) {
          offenders.add(new Offender(s.id(), "AI sent the same reply twice in a row: \""
              + Judging.quote(m.text()) + "\""));
          offends = true;
          break;
        }
        previous = m.message();
      }
      if (!offends && c.textless(Role.AI) > 0) {
        textless.add(s);
        gaps += c.textless(Role.AI);
      }
    }
    Completeness unknown = TextGaps.of(textless, gaps, "AI replies", "whether they repeat a reply is unknown");
    Verdict v = absence(gate, sample, sample.size(), "sessions", offenders, "an AI reply sent twice in a row",
        "no AI reply in " + Judging.count(sample.size()) + " sessions is sent twice in a row");
    return Uncertain.absence(v, sample.completeness().plus(unknown));
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
    Verdict early = needMessages(sample, gate);
    if (early != null) return early;
    List<Session> population = new ArrayList<>();
    List<Session> slow = new ArrayList<>();
    java.util.Map<Session, String> reasons = new java.util.IdentityHashMap<>();
    List<Session> undated = new ArrayList<>();
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      Message first = c.firstCustomer();
      if (first == null) continue;
      population.add(s);
      if (c.hasUndatedMessage()) {
        undated.add(s);
        continue;
      }
      Message reply = c.by(Role.AI).stream().filter(m -> m.createdAt() != null
          && !m.createdAt().isBefore(first.createdAt())).findFirst().orElse(null);
      if (reply == null) {
        slow.add(s);
        reasons.put(s, "no AI reply to the first customer message");
      } else {
        Duration delay = Duration.between(first.createdAt(), reply.createdAt());
        if (delay.compareTo(limit) > 0) {
          slow.add(s);
          reasons.put(s, "first AI reply after " + Durations.shortForm(delay) + ", limit "
              + Durations.format(limit));
        }
      }
    }
    if (!undated.isEmpty()) {
      return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, undated.size()
          + " sessions have messages without created_at (e.g. " + undated.get(0).id()
          + "): cannot measure reply speed");
    }
    String within = Durations.format(limit);
    return Rates.verdict(gate, RateClaim.atLeast(atLeast), new Rates.Rate("share answered within " + within,
        "sessions with a customer message", "answered in time", population.size() - slow.size(), population.size(),
        "%s of %s sessions with a customer message were answered within " + within),
        sample.completeness(), slow, reasons::get, sample);
  }

  /** No session has more than {@code max} customer messages (the AI did not get to the point). */
  public static Verdict maxCustomerMessages(Sample sample, int max, String gate) {
    Verdict early = needMessages(sample, gate);
    if (early == null) early = Judging.noMessageFrom(Role.CUSTOMER, sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    List<Session> unclear = new ArrayList<>();
    long gaps = 0;
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      int count = c.by(Role.CUSTOMER).size();
      long unknown = c.messages().stream().filter(Conversation::unknown).count();
      if (count > max) offenders.add(new Offender(s.id(), count + " customer messages, at most " + max));
      else if (count + unknown > max) {
        unclear.add(s);
        gaps += unknown;
      }
    }
    Completeness unknown = TextGaps.of(unclear, gaps, "customer messages", "who wrote them is unknown");
    Verdict v = absence(gate, sample, sample.size(), "sessions", offenders, "more than " + max + " customer messages",
        "no session of " + Judging.count(sample.size()) + " has more than " + max + " customer messages");
    return Uncertain.absence(v, sample.completeness().plus(unknown));
  }

  private static Verdict needMessages(Sample sample, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
    return early != null ? early : Judging.noMessageFrom(Role.AI, sample, gate);
  }

  /**
   * As {@link #needMessages}, for a gate that reads what the AI said: when no message is known to
   * be the AI's but some came without text and origin, the reason counts those.
   */
  private static Verdict needAiText(Sample sample, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
    if (early != null) return early;
    early = Judging.noMessageFrom(Role.AI, sample, gate);
    if (early == null) return null;
    List<Session> affected = new ArrayList<>();
    long gaps = 0;
    for (Session s : sample.sessions()) {
      int textless = Conversation.of(s, sample.roles()).textless(Role.AI);
      if (textless > 0) affected.add(s);
      gaps += textless;
    }
    if (affected.isEmpty()) return early;
    return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, TextGaps.of(affected, gaps, "AI replies",
        "what the AI said cannot be read").reason() + ": cannot judge " + gate);
  }

  /**
   * A "never" gate: passes with no offenders, else breached listing them all. Under the minimum
   * sample it cannot pass, but an offender found is a breach all the same.
   *
   * @param has what an offending session has, e.g. "an AI reply that contains 'refund'"
   * @param passed the reason when nothing offends, e.g. "no AI reply in 2,000 sessions contains 'refund'"
   */
  private static Verdict absence(String gate, Sample sample, long n, String population,
      List<Offender> offenders, String has, String passed) {
    if (n < sample.minimumSample() && offenders.isEmpty()) return Judging.tooFew(gate, sample, n, population);
    String figure = Judging.count(offenders.size()) + " of " + Judging.count(n) + " " + population + " "
        + (offenders.size() == 1 ? "has " : "have ") + has;
    List<Figure> figures = List.of(new Figure(population + " that have " + has, Judging.count(offenders.size())),
        new Figure("n (" + population + ")", Judging.count(n)),
        new Figure("threshold", "none"),
        new Figure("sessions", sample.describe()));
    return new Verdict(gate, offenders.isEmpty() ? Outcome.PASSED : Outcome.BREACHED,
        offenders.isEmpty() ? passed : figure, figure, figures, offenders, List.of(), null);
  }
}
