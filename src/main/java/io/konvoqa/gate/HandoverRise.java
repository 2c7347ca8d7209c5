package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
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

  static Verdict judge(Comparison c, double allowedRise, String gate) {
    Rise.checkAllowed(allowedRise);
    Verdict early = null;
    for (Need need : new Need[] {Need.MESSAGES, Need.STATE}) {
      if (early == null) early = Judging.missing(gate, c.now(), need::in, need.what);
      if (early == null) early = c.baselineUnfit(Judging.missing(gate, c.baseline(), need::in, need.what));
    }
    if (early != null) return early;
    Origins agents = new Origins(Role.HUMAN_AGENT);
    Rise.Side now = side(c.now(), agents), base = side(c.baseline(), agents);
    early = agents.unmappedInsteadOf(gate);
    if (early != null) return early;
    return Rise.judge(c, allowedRise, WORDS, now, base, gate);
  }

  private static Rise.Side side(Sample sample, Origins agents) {
    List<Offender> handedOver = new ArrayList<>();
    SessionCount unknown = new SessionCount();
    long n = 0;
    for (Session s : sample.sessions()) {
      SessionView v = new SessionView(s, sample.roles());
      agents.add(v.conversation());
      HandoverGates.Handover h = HandoverGates.handover(v);
      if (h.handedOver()) handedOver.add(new Offender(s.id(), h.why()));
      else if (h.unknownMessages() > 0) {
        unknown.add(v, h.unknownMessages());
        continue;
      }
      n++;
    }
    return new Rise.Side(handedOver.size(), n, handedOver,
        sample.completeness().plus(HandoverGates.unknown(unknown)));
  }
}
