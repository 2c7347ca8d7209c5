package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Gates on how the AI behaves in a conversation: it answers, fast, and gets to the point. */
final class Behaviour {
  private Behaviour() {}

  /** Every session in which the customer wrote has at least one AI reply. */
  static Gate everyCustomerGetsAiReply() {
    return gate -> new MessageGates.Tally(gate) {
      final Findings found = new Findings();
      long withCustomer;

      @Override void take(SessionView s) {
        Conversation c = s.conversation();
        if (c.has(Role.AI)) {
          if (c.has(Role.CUSTOMER)) withCustomer++;
          return;
        }
        long unknown = c.unknownCount();
        if (unknown > 0) found.unclear(s, unknown); // it may be an AI reply, or a customer message
        else if (c.has(Role.CUSTOMER)) {
          withCustomer++;
          found.offends(s, c.by(Role.CUSTOMER).size() + " customer message(s), no AI reply");
        }
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = needMessages(scope);
        if (early != null) return early;
        Verdict v = MessageGates.absence(gate, scope, withCustomer, "sessions with a customer message", found.offenders,
            "no AI reply", "every one of " + Judging.count(withCustomer) + " sessions with a customer message has an AI reply");
        return Uncertain.absence(v, scope.completeness().plus(found.unknown("AI replies or customer messages",
            "who wrote them is unknown")));
      }
    };
  }

  /** At least {@code atLeast} of sessions get an AI reply to the first customer message within {@code limit}. */
  static Gate firstReplyWithin(Duration limit, double atLeast) {
    return gate -> new MessageGates.Tally(gate) {
      final List<Offender> slow = new ArrayList<>();
      final SessionCount undated = new SessionCount();
      long population;

      @Override void take(SessionView s) {
        Conversation c = s.conversation();
        Message first = c.firstCustomer();
        if (first == null) return;
        population++;
        if (c.hasUndatedMessage()) {
          undated.add(s, 0);
          return;
        }
        Message reply = null;
        for (Message m : c.by(Role.AI)) {
          if (m.createdAt() != null && !m.createdAt().isBefore(first.createdAt())) {
            reply = m;
            break;
          }
        }
        if (reply == null) {
          slow.add(new Offender(s.id(), "no AI reply to the first customer message"));
        } else {
          Duration delay = Duration.between(first.createdAt(), reply.createdAt());
          if (delay.compareTo(limit) > 0) {
            slow.add(new Offender(s.id(), "first AI reply after " + Durations.shortForm(delay) + ", limit "
                + Durations.format(limit)));
          }
        }
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = needMessages(scope);
        if (early != null) return early;
        if (!undated.none()) {
          return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, undated.sessions
              + " sessions have messages without created_at (e.g. " + undated.first
              + "): cannot measure reply speed");
        }
        String within = Durations.format(limit);
        return Rates.verdict(gate, RateClaim.atLeast(atLeast), new Rates.Rate("share answered within " + within,
            "sessions with a customer message", "answered in time", population - slow.size(), population,
            "%s of %s sessions with a customer message were answered within " + within),
            scope.completeness(), slow, scope);
      }
    };
  }

  /** No session has more than {@code max} customer messages (the AI did not get to the point). */
  static Gate maxCustomerMessages(int max) {
    return gate -> new CustomerMessageTally(gate, max, "at most") {
      @Override public Verdict finish(Scope scope) {
        Verdict early = unfit(scope);
        if (early != null) return early;
        Verdict v = MessageGates.absence(gate, scope, size, "sessions", found.offenders, "more than " + max
            + " customer messages", "no session of " + Judging.count(size) + " has more than " + max + " customer messages");
        return Uncertain.absence(v, scope.completeness().plus(found.unknown("customer messages", "who wrote them is unknown")));
      }
    };
  }
}
