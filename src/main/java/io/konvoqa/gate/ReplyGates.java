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

  /** No AI reply matches any of {@code phrases}; offenders quote the reply. */
  public static Verdict noAiReply(Sample sample, List<TriggerPhrase> phrases, String what, String gate) {
    Verdict early = needMessages(sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      for (Message m : c.by(Role.AI)) {
        String lowered = TriggerPhrase.lower(m.text());
        if (phrases.stream().anyMatch(p -> p.matches(m.text(), lowered))) {
          offenders.add(new Offender(s.id(), "AI reply " + what + ": \"" + Judging.quote(m.text()) + "\""));
          break;
        }
      }
    }
    return absence(gate, sample, offenders, "sessions with an AI reply " + what);
  }

  /** At least {@code atLeast} of sessions with a sub_intent_type have an AI reply containing a text. */
  public static Verdict aiReplyContaining(Sample sample, String subIntentType, String text,
      double atLeast, String gate) {
    Verdict early = needMessages(sample, gate);
    if (early == null) early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early != null) return early;
    List<Session> population = sample.sessions().stream()
        .filter(s -> subIntentType.equalsIgnoreCase(s.subIntentType())).toList();
    early = Judging.tooFew(gate, sample, population.size(), "sessions with sub_intent_type " + subIntentType);
    if (early != null) return early;
    TriggerPhrase needle = TriggerPhrase.text(text);
    List<Session> without = population.stream().filter(s -> Conversation.of(s, sample.roles())
        .by(Role.AI).stream().noneMatch(m -> needle.matches(m.text()))).toList();
    long with = population.size() - without.size();
    Verdict v = Rates.verdict(gate, RateClaim.atLeast(atLeast), with, population.size(),
        "share with an AI reply containing '" + text + "'",
        "sessions with sub_intent_type " + subIntentType, without,
        s -> "no AI reply contains '" + text + "'", sample);
    String figure = Percent.format((double) with / population.size()) + " of "
        + Judging.count(population.size()) + " " + subIntentType + " sessions have it";
    return new Verdict(gate, v.outcome(), figure + (v.passed() ? "" : ", at least " + Percent.format(atLeast)
        + " required"), figure, v.figures(), v.offenders(), List.of(), null);
  }

  /** Every session in which the customer wrote has at least one AI reply. */
  public static Verdict everyCustomerGetsAiReply(Sample sample, String gate) {
    Verdict early = needMessages(sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    long withCustomer = 0;
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      if (!c.has(Role.CUSTOMER)) continue;
      withCustomer++;
      if (!c.has(Role.AI)) {
        offenders.add(new Offender(s.id(), c.by(Role.CUSTOMER).size() + " customer message(s), no AI reply"));
      }
    }
    early = Judging.tooFew(gate, sample, withCustomer, "sessions with a customer message");
    if (early != null) return early;
    return absence(gate, sample, offenders, "sessions with a customer message and no AI reply");
  }

  /**
   * No two consecutive AI replies in a session say the same thing (a loop), customer messages in
   * between notwithstanding. Texts are compared ignoring case and spacing.
   */
  public static Verdict noRepeatedAiReply(Sample sample, String gate) {
    Verdict early = needMessages(sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    for (Session s : sample.sessions()) {
      String previous = null;
      for (Message m : Conversation.of(s, sample.roles()).by(Role.AI)) {
        if (previous != null && sameReply(previous, m.text())) {
          offenders.add(new Offender(s.id(), "AI sent the same reply twice in a row: \""
              + Judging.quote(m.text()) + "\""));
          break;
        }
        previous = m.text();
      }
    }
    return absence(gate, sample, offenders, "sessions where the AI repeated itself");
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
    early = Judging.tooFew(gate, sample, population.size(), "sessions with a customer message");
    if (early != null) return early;
    long fast = population.size() - slow.size();
    Verdict v = Rates.verdict(gate, RateClaim.atLeast(atLeast), fast, population.size(),
        "share answered within " + Durations.format(limit), "sessions with a customer message",
        slow, reasons::get, sample);
    String figure = Percent.format((double) fast / population.size()) + " of "
        + Judging.count(population.size()) + " answered within " + Durations.format(limit);
    return new Verdict(gate, v.outcome(), figure + (v.passed() ? "" : ", at least "
        + Percent.format(atLeast) + " required"), figure, v.figures(), v.offenders(), List.of(), null);
  }

  /** No session has more than {@code max} customer messages (the AI did not get to the point). */
  public static Verdict maxCustomerMessages(Sample sample, int max, String gate) {
    Verdict early = needMessages(sample, gate);
    if (early == null) early = Judging.noMessageFrom(Role.CUSTOMER, sample, gate);
    if (early != null) return early;
    List<Offender> offenders = new ArrayList<>();
    for (Session s : sample.sessions()) {
      int count = Conversation.of(s, sample.roles()).by(Role.CUSTOMER).size();
      if (count > max) offenders.add(new Offender(s.id(), count + " customer messages, at most " + max));
    }
    return absence(gate, sample, offenders, "sessions with more than " + max + " customer messages");
  }

  private static Verdict needMessages(Sample sample, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null) early = Judging.tooFew(gate, sample, sample.size(), "sessions");
    return early != null ? early : Judging.noMessageFrom(Role.AI, sample, gate);
  }

  /** A "never" gate: passes with no offenders, else breached listing them all. */
  private static Verdict absence(String gate, Sample sample, List<Offender> offenders, String what) {
    String figure = Judging.count(offenders.size()) + " " + what + " of " + Judging.count(sample.size());
    List<Figure> figures = List.of(new Figure(what, Judging.count(offenders.size())),
        new Figure("n (sessions)", Judging.count(sample.size())),
        new Figure("threshold", "none"),
        new Figure("sessions", sample.describe()));
    return new Verdict(gate, offenders.isEmpty() ? Outcome.PASSED : Outcome.BREACHED,
        offenders.isEmpty() ? "no " + what : figure, figure, figures, offenders, List.of(), null);
  }
}
