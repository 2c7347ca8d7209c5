package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Gates on outcomes: the unresolved rate (overall and per segment), handovers, sub_intent shares. */
public final class OutcomeGates {
  private OutcomeGates() {}

  /**
   * The unresolved rate among completed sessions; open ones are left out and counted. Offenders
   * are the unresolved sessions.
   */
  public static Gate unresolvedRate(RateClaim claim) {
    return gate -> new Tally(gate, Need.STATUS) {
      final List<Offender> unresolved = new ArrayList<>();
      long completed;

      @Override void take(SessionView v) {
        Session s = v.session();
        if (!s.isCompleted()) return;
        completed++;
        if (Boolean.TRUE.equals(s.unresolved())) unresolved.add(new Offender(s.id(), "unresolved"));
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = missing(Need.STATUS);
        if (early != null) return early;
        long open = size - completed;
        Verdict v = Rates.verdict(gate, claim, new Rates.Rate("unresolved rate", "completed sessions", "unresolved",
            unresolved.size(), completed), scope.completeness(), unresolved, scope);
        return v.outcome().couldNotJudge() && v.figures().isEmpty() ? v
            : v.withFigures(List.of(Figure.count("open sessions left out", open)));
      }
    };
  }

  public static Verdict unresolvedRate(Sample sample, RateClaim claim, String gate) {
    return sample.judge(unresolvedRate(claim), gate);
  }

  /**
   * The unresolved rate of each segment (channel, sub_intent_type) on its own; values that differ
   * only in case are one segment.
   */
  public static Gate unresolvedRatePerSegment(RateClaim claim, String segmentName,
      Function<Session, String> segmentOf) {
    return gate -> new SegmentTally(gate, claim, segmentName, segmentOf);
  }

  public static Verdict unresolvedRatePerSegment(Sample sample, RateClaim claim, String segmentName,
      Function<Session, String> segmentOf, String gate) {
    return sample.judge(unresolvedRatePerSegment(claim, segmentName, segmentOf), gate);
  }

  /** The share of sessions a human agent took part in (or routed to HANDOVER): see {@link HandoverGates#rate}. */
  public static Gate handedOver(RateClaim claim) {
    return HandoverGates.rate(claim);
  }

  public static Verdict handedOver(Sample sample, RateClaim claim, String gate) {
    return sample.judge(handedOver(claim), gate);
  }

  /** The share of sessions with one sub_intent_type (in any case), e.g. a fallback. */
  public static Gate subIntentShare(RateClaim claim, String subIntentType) {
    return gate -> new Tally(gate, Need.STATE) {
      final List<Offender> hits = new ArrayList<>();

      @Override void take(SessionView v) {
        String type = v.session().subIntentType();
        if (subIntentType.equalsIgnoreCase(type)) hits.add(new Offender(v.id(), "sub_intent_type " + type));
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = missing(Need.STATE);
        if (early != null) return early;
        return Rates.verdict(gate, claim, new Rates.Rate("share with sub_intent_type " + subIntentType,
            "sessions", "of sub_intent_type " + subIntentType, hits.size(), size),
            scope.completeness(), hits, scope);
      }
    };
  }

  public static Verdict subIntentShare(Sample sample, RateClaim claim, String subIntentType, String gate) {
    return sample.judge(subIntentShare(claim, subIntentType), gate);
  }
}
