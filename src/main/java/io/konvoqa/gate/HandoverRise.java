package io.konvoqa.gate;

import io.konvoqa.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The handover rate now against the baseline's, among all sessions on both sides (see {@link
 * Rise}). A session whose handover is unknown (a message of unknown writer, no human agent) is
 * left out of its side and counted among that side's unknowns.
 */
final class HandoverRise {
  private HandoverRise() {}

  private static final Rise.Words WORDS = new Rise.Words("handover rate", "sessions", "handed over");

  static Gate gate(double allowedRise, Baseline baseline) {
    return gate -> new AgainstBaseline(gate, baseline) {
      final Origins agents = new Origins(Role.HUMAN_AGENT); // over both sides
      final Counted now = new Counted(agents);

      @Override public void add(SessionView session) {
        now.add(session);
      }

      @Override Verdict judge(Scope scope, Baseline.Side base) {
        Rise.checkAllowed(allowedRise);
        Counted then = new Counted(agents);
        then.addAll(base.sample());
        Verdict early = null;
        for (Need need : new Need[] {Need.MESSAGES, Need.STATE}) {
          if (early == null) early = now.missing(gate, need);
          if (early == null) early = base.unfit(then.missing(gate, need));
        }
        if (early == null) early = agents.unmappedInsteadOf(gate);
        if (early != null) return early;
        return Rise.judge(scope, base, allowedRise, WORDS, now.side(scope.completeness()),
            then.side(base.sample().completeness()), gate);
      }
    };
  }

  /** One side: its sessions handed over, and those whose handover is unknown. */
  private static final class Counted extends AgainstBaseline.Side {
    final Origins agents;
    final List<Offender> handedOver = new ArrayList<>();
    final SessionCount unknown = new SessionCount();
    long n;

    Counted(Origins agents) {
      super(Need.MESSAGES, Need.STATE);
      this.agents = agents;
    }

    @Override void take(SessionView v) {
      agents.add(v.conversation());
      HandoverGates.Handover h = HandoverGates.handover(v);
      if (h.handedOver()) handedOver.add(new Offender(v.id(), h.why()));
      else if (h.unknownMessages() > 0) {
        unknown.add(v, h.unknownMessages());
        return;
      }
      n++;
    }

    Rise.Side side(Completeness window) {
      return new Rise.Side(handedOver.size(), n, handedOver, window.plus(HandoverGates.unknown(unknown)));
    }
  }
}
