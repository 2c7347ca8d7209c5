package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether any session has a message from a role, and else the origins seen: a gate about that
 * role's messages cannot judge when no message is known to be its (see {@link Judging}).
 */
final class Origins {
  private final Role role;
  private boolean seen;
  private final Set<String> all = new TreeSet<>();
  private final Set<String> unmapped = new TreeSet<>();

  Origins(Role role) {
    this.role = role;
  }

  void add(Conversation c) {
    if (seen) return;
    if (c.has(role)) {
      seen = true;
      all.clear();
      unmapped.clear();
      return;
    }
    for (Message m : c.messages()) {
      all.add(String.valueOf(m.initiatorOrigin()));
      if (c.role(m) == Role.OTHER && m.initiatorOrigin() != null) unmapped.add(m.initiatorOrigin());
    }
  }

  boolean seen() {
    return seen;
  }

  /** See {@link Judging#noMessageFrom}. */
  Verdict noMessageFrom(String gate, int size) {
    return seen ? null : Judging.noMessageFrom(role, all, size, gate);
  }

  /** See {@link Judging#unmappedInsteadOf}. */
  Verdict unmappedInsteadOf(String gate) {
    return seen ? null : Judging.unmappedInsteadOf(role, unmapped, gate);
  }
}
