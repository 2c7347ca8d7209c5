package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gates on handovers to a human agent: the handover rate at most or at least a limit, on each
 * segment, and against a baseline. A session is handed over when a human agent wrote in it (an
 * origin mapped to human_agent) or its sub_intent_type is HANDOVER. A session that is neither but
 * holds a message whose writer is unknown may have been: the gates fail closed on it.
 */
public final class HandoverGates {
  private HandoverGates() {}

  /** Whether a session was handed over, and why; unknown messages (> 0) when it may have been. */
  record Handover(boolean handedOver, String why, long unknownMessages) {
    static final Handover NOT = new Handover(false, null, 0);
  }

  static Handover handover(SessionView v) {
    Conversation c = v.conversation();
    if (c.has(Role.HUMAN_AGENT)) return new Handover(true, "a human agent took part", 0);
    if ("HANDOVER".equalsIgnoreCase(v.session().subIntentType())) return new Handover(true, "sub_intent_type HANDOVER", 0);
    long unknown = c.unknownCount();
    return unknown > 0 ? new Handover(false, null, unknown) : Handover.NOT;
  }

  /** The unknown handovers as the verdict names them. */
  static Completeness unknown(SessionCount found) {
    return found.unknown("a human agent's", "whether a human agent took part is unknown");
  }

  /**
   * The share of sessions handed over, against {@code claim}. Offenders: the sessions handed over
   * for an "at most" claim, the others for an "at least" claim.
   */
  public static Gate rate(RateClaim claim) {
    boolean atLeast = claim.kind() == RateClaim.Kind.AT_LEAST;
    return gate -> new Tally(gate, Need.MESSAGES, Need.STATE) {
      final Origins agents = new Origins(Role.HUMAN_AGENT);
      final List<Offender> hits = new ArrayList<>();
      final List<Offender> others = new ArrayList<>();
      final SessionCount found = new SessionCount();

      @Override void observe(SessionView v) {
        agents.add(v.conversation());
      }

      @Override void take(SessionView v) {
        Handover h = handover(v);
        if (h.handedOver()) hits.add(new Offender(v.id(), h.why()));
        else if (h.unknownMessages() > 0) found.add(v, h.unknownMessages());
        else if (atLeast) others.add(new Offender(v.id(), "not handed over to a human agent"));
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = missing(Need.MESSAGES);
        if (early == null) early = missing(Need.STATE);
        if (early == null) early = none(scope);
        if (early == null) early = agents.unmappedInsteadOf(gate);
        if (early != null) return early;
        // a message of unknown origin may be the human agent's
        Completeness unknown = unknown(found);
        return Rates.verdict(gate, claim, new Rates.Rate("handover rate", "sessions", "handed over",
            hits.size(), size - unknown.uncertain()), scope.completeness().plus(unknown),
            atLeast ? others : hits, scope);
      }
    };
  }

  public static Verdict rate(Sample sample, RateClaim claim, String gate) {
    return sample.judge(rate(claim), gate);
  }

  /** The handover rate of each segment (e.g. channel) on its own; values that differ only in case are one. */
  public static Gate ratePerSegment(RateClaim claim, String segmentName, Function<Session, String> segmentOf) {
    boolean atLeast = claim.kind() == RateClaim.Kind.AT_LEAST;
    return gate -> new SegmentTally(gate, claim, SegmentMeasure.HANDOVER, segmentName, segmentOf, new SegmentTally.Counter() {
      final Origins agents = new Origins(Role.HUMAN_AGENT);

      @Override public SegmentTally.Units of(SessionView v) {
        Handover h = handover(v);
        if (h.unknownMessages() > 0) return new SegmentTally.Units(0, 0, h.unknownMessages(), null);
        if (h.handedOver()) return new SegmentTally.Units(1, 1, 0, atLeast ? null : h.why());
        return new SegmentTally.Units(0, 1, 0, atLeast ? "not handed over to a human agent" : null);
      }

      @Override public void observe(SessionView v) {
        agents.add(v.conversation());
      }

      @Override public Verdict early(String gate) {
        return agents.unmappedInsteadOf(gate);
      }

      @Override public Completeness unknown(Scope scope, SessionCount found) {
        return scope.completeness().plus(HandoverGates.unknown(found));
      }
    }, Need.MESSAGES, Need.STATE);
  }

  public static Verdict ratePerSegment(Sample sample, RateClaim claim, String segmentName,
      Function<Session, String> segmentOf, String gate) {
    return sample.judge(ratePerSegment(claim, segmentName, segmentOf), gate);
  }

  /**
   * Fails when the handover rate has risen by significantly more than {@code allowedRise} over
   * the baseline's: when the lower end of the 95% interval of (now - baseline) is above it.
   */
  public static Gate rise(double allowedRise, Baseline baseline) {
    return HandoverRise.gate(allowedRise, baseline);
  }

  public static Verdict rise(Comparison sessions, double allowedRise, String gate) {
    return sessions.now().judge(rise(allowedRise, sessions.asBaseline()), gate);
  }
}
