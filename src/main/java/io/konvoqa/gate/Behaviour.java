package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Gates on how the AI behaves in a conversation: it answers, fast, and gets to the point. */
final class Behaviour {
  private Behaviour() {}

  /** Every session in which the customer wrote has at least one AI reply. */
  static Verdict everyCustomerGetsAiReply(Sample sample, String gate) {
    Verdict early = MessageGates.needMessages(sample, gate);
    if (early != null) return early;
    Findings found = new Findings();
    long withCustomer = 0;
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      if (c.has(Role.AI)) {
        if (c.has(Role.CUSTOMER)) withCustomer++;
        continue;
      }
      long unknown = c.messages().stream().filter(Conversation::unknown).count();
      if (unknown > 0) found.unclear(s, unknown); // it may be an AI reply, or a customer message
      else if (c.has(Role.CUSTOMER)) {
        withCustomer++;
        found.offends(s, c.by(Role.CUSTOMER).size() + " customer message(s), no AI reply");
      }
    }
    Verdict v = MessageGates.absence(gate, sample, withCustomer, "sessions with a customer message", found.offenders,
        "no AI reply", "every one of " + Judging.count(withCustomer) + " sessions with a customer message has an AI reply");
    return Uncertain.absence(v, sample.completeness().plus(found.unknown("AI replies or customer messages",
        "who wrote them is unknown")));
  }

  /** At least {@code atLeast} of sessions get an AI reply to the first customer message within {@code limit}. */
  static Verdict firstReplyWithin(Sample sample, Duration limit, double atLeast, String gate) {
    Verdict early = MessageGates.needMessages(sample, gate);
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
  static Verdict maxCustomerMessages(Sample sample, int max, String gate) {
    Verdict early = MessageGates.needMessages(sample, gate);
    if (early == null) early = Judging.noMessageFrom(Role.CUSTOMER, sample, gate);
    if (early != null) return early;
    Findings found = new Findings();
    for (Session s : sample.sessions()) {
      Conversation c = Conversation.of(s, sample.roles());
      int count = c.by(Role.CUSTOMER).size();
      long unknown = c.messages().stream().filter(Conversation::unknown).count();
      if (count > max) found.offends(s, count + " customer messages, at most " + max);
      else if (count + unknown > max) found.unclear(s, unknown);
    }
    Verdict v = MessageGates.absence(gate, sample, sample.size(), "sessions", found.offenders, "more than " + max
        + " customer messages", "no session of " + Judging.count(sample.size()) + " has more than " + max + " customer messages");
    return Uncertain.absence(v, sample.completeness().plus(found.unknown("customer messages", "who wrote them is unknown")));
  }
}
