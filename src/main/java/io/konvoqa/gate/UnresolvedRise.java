package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The unresolved rate now against the baseline's, among completed sessions on both sides (see
 * {@link Rise}).
 */
final class UnresolvedRise {
  private UnresolvedRise() {}

  private static final Rise.Words WORDS = new Rise.Words("unresolved rate", "completed sessions", "unresolved");

  static Gate gate(double allowedRise, Baseline baseline) {
    return gate -> new AgainstBaseline(gate, baseline) {
      final Counted now = new Counted();

      @Override public void add(SessionView session) {
        now.add(session);
      }

      @Override Verdict judge(Scope scope, Baseline.Side base) {
        Rise.checkAllowed(allowedRise);
        Counted then = new Counted();
        then.addAll(base.sample());
        Verdict early = now.missing(gate, Need.STATUS);
        if (early == null) early = base.unfit(then.missing(gate, Need.STATUS));
        if (early != null) return early;
        return Rise.judge(scope, base, allowedRise, WORDS, now.side(scope.completeness()),
            then.side(base.sample().completeness()), gate);
      }
    };
  }

  /** One side: its completed sessions, and the unresolved ones among them. */
  private static final class Counted extends AgainstBaseline.Side {
    long completed;
    final List<Offender> unresolved = new ArrayList<>();

    Counted() {
      super(Need.STATUS);
    }

    @Override void take(SessionView v) {
      Session s = v.session();
      if (!s.isCompleted()) return;
      completed++;
      if (Boolean.TRUE.equals(s.unresolved())) unresolved.add(new Offender(s.id(), "unresolved"));
    }

    Rise.Side side(Completeness unknown) {
      return new Rise.Side(unresolved.size(), completed, unresolved, unknown);
    }
  }
}
