package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Gates on outcomes: the unresolved rate (overall and per segment), handovers, sub_intent shares. */
public final class OutcomeGates {
  private OutcomeGates() {}

  /**
   * The unresolved rate among completed sessions; open ones are left out and counted. Offenders
   * are the unresolved sessions.
   */
  public static Verdict unresolvedRate(Sample sample, RateClaim claim, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasStatus, "a status (completed, unresolved)");
    if (early != null) return early;
    List<Session> completed = sample.sessions().stream().filter(Session::isCompleted).toList();
    long open = sample.size() - completed.size();
    List<Session> unresolved = completed.stream().filter(s -> Boolean.TRUE.equals(s.unresolved())).toList();
    Verdict v = Rates.verdict(gate, claim, new Rates.Rate("unresolved rate", "completed sessions", "unresolved",
        unresolved.size(), completed.size()), sample.completeness(), unresolved, s -> "unresolved", sample);
    return v.outcome().couldNotJudge() && v.figures().isEmpty() ? v
        : v.withFigures(List.of(Figure.count("open sessions left out", open)));
  }

  /**
   * The unresolved rate of each segment (channel, sub_intent_type) on its own; values that differ
   * only in case are one segment.
   */
  public static Verdict unresolvedRatePerSegment(Sample sample, RateClaim claim, String segmentName,
      Function<Session, String> segmentOf, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasStatus, "a status (completed, unresolved)");
    if (early != null) return early;
    if (sample.size() == 0) return Judging.tooFew(gate, sample, 0, "sessions");
    Map<String, List<Session>> bySegment = new LinkedHashMap<>();
    // a segment of open sessions only is listed, not judged
    Spellings.group(sample.sessions(), segmentOf).forEach((name, sessions) ->
        bySegment.put(name, sessions.stream().filter(Session::isCompleted).toList()));
    return Segments.judge(sample, claim, segmentName, bySegment, gate);
  }

  /** The share of sessions a human agent took part in (or routed to HANDOVER). */
  public static Verdict handedOver(Sample sample, RateClaim claim, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null) early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
    if (early == null) early = Judging.unmappedInsteadOf(Role.HUMAN_AGENT, sample, gate);
    if (early != null) return early;
    Predicate<Session> handedOver = s -> "HANDOVER".equalsIgnoreCase(s.subIntentType())
        || Conversation.of(s, sample.roles()).has(Role.HUMAN_AGENT);
    List<Session> hits = new java.util.ArrayList<>();
    Findings found = new Findings();
    for (Session s : sample.sessions()) {
      if (handedOver.test(s)) hits.add(s);
      else found.unclear(s, Conversation.of(s, sample.roles()).messages().stream().filter(Conversation::unknown).count());
    }
    // a message of unknown origin may be the human agent's
    Completeness unknown = found.unknown("a human agent's", "whether a human agent took part is unknown");
    return Rates.verdict(gate, claim, new Rates.Rate("handover rate", "sessions", "handed over",
        hits.size(), sample.size() - unknown.uncertain()), sample.completeness().plus(unknown), hits,
        s -> Conversation.of(s, sample.roles()).has(Role.HUMAN_AGENT)
            ? "a human agent took part" : "sub_intent_type HANDOVER", sample);
  }

  /** The share of sessions with one sub_intent_type (in any case), e.g. a fallback. */
  public static Verdict subIntentShare(Sample sample, RateClaim claim, String subIntentType, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasState, "a state (sub_intent_type)");
    if (early != null) return early;
    List<Session> hits = sample.sessions().stream()
        .filter(s -> subIntentType.equalsIgnoreCase(s.subIntentType())).toList();
    return Rates.verdict(gate, claim, new Rates.Rate("share with sub_intent_type " + subIntentType,
        "sessions", "of sub_intent_type " + subIntentType, hits.size(), sample.size()),
        sample.completeness(), hits, s -> "sub_intent_type " + s.subIntentType(), sample);
  }
}
