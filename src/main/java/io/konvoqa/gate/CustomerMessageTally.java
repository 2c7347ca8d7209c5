package io.konvoqa.gate;

import io.konvoqa.session.Role;

/**
 * Finds the sessions with more than {@code max} customer messages, for the zero-tolerance gate and
 * the thresholded share alike; a session that has more only if messages of unknown writers are the
 * customer's is unclear, not an offender.
 */
abstract class CustomerMessageTally extends MessageGates.Tally {
  final Origins customers = new Origins(Role.CUSTOMER);
  final Findings found = new Findings();
  private final int max;
  private final String limit;

  /** {@code limit} words the offence: "at most" gives "9 customer messages, at most 8". */
  CustomerMessageTally(String gate, int max, String limit) {
    super(gate);
    this.max = max;
    this.limit = limit;
  }

  @Override void observe(SessionView s) {
    super.observe(s);
    customers.add(s.conversation());
  }

  @Override void take(SessionView s) {
    Conversation c = s.conversation();
    int count = c.by(Role.CUSTOMER).size();
    long unknown = c.unknownCount();
    if (count > max) found.offends(s, count + " customer messages, " + limit + " " + max);
    else if (count + unknown > max) found.unclear(s, unknown); // they may be the customer's
  }

  /** Could-not-judge without messages, sessions, or a message from the customer; else null. */
  final Verdict unfit(Scope scope) {
    Verdict early = needMessages(scope);
    return early != null ? early : customers.noMessageFrom(gate, size);
  }
}
