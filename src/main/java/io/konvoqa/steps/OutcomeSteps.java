package io.konvoqa.steps;

import io.cucumber.java.en.Then;
import io.konvoqa.gate.HandoverGates;
import io.konvoqa.gate.OutcomeGates;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.RateClaim;
import io.konvoqa.session.Session;

/** Outcome rates: unresolved (overall, per channel, per sub_intent_type), handovers, shares. */
public final class OutcomeSteps {
  private final ScenarioSessions sessions;

  public OutcomeSteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate is at most 15%",
      semantics = "Unresolved rate = completed sessions with `status.unresolved` true / completed sessions; open sessions are left out and counted in the report. Passes when the rate itself is at most the limit; the report also shows the Wilson 95% interval. Offending sessions: the unresolved ones. A rate at the limit breaches about half the time: see Choosing a claim.")
  @Then("the unresolved rate is at most {percent}")
  public void unresolvedAtMost(double limit) {
    unresolved(RateClaim.atMost(limit));
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate is at most 15% with 95% confidence",
      semantics = "Strict: passes only when the upper bound of the two-sided Wilson interval at the given confidence is at most the limit, so a small window must show a clearly low rate. The reason quotes the interval at that confidence.")
  @Then("the unresolved rate is at most {percent} with {percent} confidence")
  public void unresolvedAtMostWithConfidence(double limit, double confidence) {
    unresolved(RateClaim.atMostWithConfidence(limit, confidence));
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate is not significantly above 12%",
      semantics = "Tolerant of noise: fails only when the lower bound of the Wilson 95% interval is above the limit, i.e. the rate is significantly above it (a false alarm in about 3% of windows whose rate sits exactly at the limit).")
  @Then("the unresolved rate is not significantly above {percent}")
  public void unresolvedNotSignificantlyAbove(double limit) {
    unresolved(RateClaim.notSignificantlyAbove(limit));
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate on each channel is at most 15%",
      semantics = "The unresolved rate of each channel on its own, so a big healthy channel cannot average away a bad one; channels that differ only in case (`WhatsApp`, `whatsapp`) are one. Fails when any channel is over the limit. A channel with fewer completed sessions than the minimum sample is not judged, unless it is significantly above the limit even so (\"email 100.0% of 29, significantly above 15% even with few sessions\"); the channels not judged are named in the summary line. If no channel can be judged the gate cannot judge. With several channels at the limit, some channel breaches most of the time: see Choosing a claim.")
  @Then("the unresolved rate on each channel is at most {percent}")
  public void unresolvedPerChannel(double limit) {
    perSegment("the unresolved rate on each channel is at most ", RateClaim.atMost(limit), "channel", Session::channel);
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate on each channel is not significantly above 15%",
      semantics = "Tolerant, per channel: a channel fails only when its rate is significantly above the limit, with a Holm correction across the channels (the channel with the strongest evidence is tested at 1 - 5%/k confidence, the next at 1 - 5%/(k-1), ...), so that the chance of any false alarm stays that of one channel. Channels under the minimum sample are judged as in the plain per-channel gate, at their Holm-corrected level.")
  @Then("the unresolved rate on each channel is not significantly above {percent}")
  public void unresolvedPerChannelNotSignificantlyAbove(double limit) {
    perSegment("the unresolved rate on each channel is not significantly above ", RateClaim.notSignificantlyAbove(limit),
        "channel", Session::channel);
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate for each sub_intent_type is at most 20%",
      semantics = "As the per-channel gate, segmented by `sub_intent_type`.")
  @Then("the unresolved rate for each sub_intent_type is at most {percent}")
  public void unresolvedPerSubIntentType(double limit) {
    perSegment("the unresolved rate for each sub_intent_type is at most ", RateClaim.atMost(limit),
        "sub_intent_type", Session::subIntentType);
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate for each sub_intent_type is not significantly above 20%",
      semantics = "As the tolerant per-channel gate (Holm-corrected), segmented by `sub_intent_type`.")
  @Then("the unresolved rate for each sub_intent_type is not significantly above {percent}")
  public void unresolvedPerSubIntentTypeNotSignificantlyAbove(double limit) {
    perSegment("the unresolved rate for each sub_intent_type is not significantly above ",
        RateClaim.notSignificantlyAbove(limit), "sub_intent_type", Session::subIntentType);
  }

  @Doc(group = "Outcome rates",
      example = "Then at most 10% of sessions are handed over to a human agent",
      semantics = "Handover rate = sessions in which a human agent wrote (an origin mapped to human_agent, by default `AGENT`) or whose sub_intent_type is HANDOVER / all sessions chosen. Passes when at most the limit.")
  @Then("at most {percent} of sessions are handed over to a human agent")
  public void handedOver(double limit) {
    Gatekeeper.enforce(sessions, "at most " + Percent.written(limit)
        + " of sessions are handed over to a human agent",
        () -> OutcomeGates.handedOver(RateClaim.atMost(limit)));
  }

  @Doc(group = "Outcome rates",
      example = "Then at least 90% of sessions are handed over to a human agent",
      semantics = "The other way round, for sessions that must reach a human, e.g. after `Given only sessions whose first customer message contains \"/human|agent|real person/\"`: handed over as in the gate above (a human agent wrote, or sub_intent_type HANDOVER) / all sessions chosen. Passes when at least the limit. Offending sessions: those not handed over. A session that was not handed over but holds a message whose writer is unknown (no origin, or one KONVO_ROLES does not name) may have been: it is left out of the rate, and the gate cannot judge when such sessions could change the verdict. Sessions without messages or state: data unavailable.")
  @Then("at least {percent} of sessions are handed over to a human agent")
  public void handedOverAtLeast(double limit) {
    Gatekeeper.enforce(sessions, "at least " + Percent.written(limit)
        + " of sessions are handed over to a human agent",
        () -> HandoverGates.rate(RateClaim.atLeast(limit)));
  }

  @Doc(group = "Outcome rates",
      example = "Then the handover rate on each channel is at most 10%",
      semantics = "The handover rate (as above) of each channel on its own, judged as the unresolved rate on each channel is: fails when any channel is over the limit; a channel with fewer sessions than the minimum sample is not judged unless it is significantly over the limit even so. Offending sessions: the handed-over ones of the channels breached. Sessions whose handover is unknown are left out, and the gate cannot judge when they could change the verdict on any channel.")
  @Then("the handover rate on each channel is at most {percent}")
  public void handoverPerChannel(double limit) {
    Gatekeeper.enforce(sessions, "the handover rate on each channel is at most " + Percent.written(limit),
        () -> HandoverGates.ratePerSegment(RateClaim.atMost(limit), "channel", Session::channel));
  }

  @Doc(group = "Outcome rates",
      example = "Then at most 12% of sessions have sub_intent_type \"CONCIERGE\"",
      semantics = "The share of sessions with that sub_intent_type (e.g. a fallback skill) / all sessions chosen. Passes when at most the limit.")
  @Then("at most {percent} of sessions have sub_intent_type {string}")
  public void subIntentShare(double limit, String subIntentType) {
    Gatekeeper.enforce(sessions, "at most " + Percent.written(limit) + " of sessions have sub_intent_type "
        + subIntentType, () -> OutcomeGates.subIntentShare(RateClaim.atMost(limit),
            subIntentType));
  }

  private void perSegment(String claimText, RateClaim claim, String segmentName,
      java.util.function.Function<Session, String> segmentOf) {
    Gatekeeper.enforce(sessions, claimText + Percent.written(claim.limit()), () -> OutcomeGates.unresolvedRatePerSegment(claim, segmentName, segmentOf));
  }

  private void unresolved(RateClaim claim) {
    Gatekeeper.enforce(sessions, "the unresolved rate is " + claim.describe(),
        () -> OutcomeGates.unresolvedRate(claim));
  }
}
