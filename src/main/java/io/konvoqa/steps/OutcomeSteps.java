package io.konvoqa.steps;

import io.cucumber.java.en.Then;
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
      semantics = "Unresolved rate = completed sessions with `status.unresolved` true / completed sessions; open sessions are left out and counted in the report. Passes when the rate itself is at most the limit; the report also shows the Wilson 95% interval. Offending sessions: the unresolved ones.")
  @Then("the unresolved rate is at most {percent}")
  public void unresolvedAtMost(double limit) {
    unresolved(RateClaim.atMost(limit));
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate is at most 15% with 95% confidence",
      semantics = "Strict: passes only when the upper bound of the two-sided Wilson interval at the given confidence is at most the limit, so a small window must show a clearly low rate.")
  @Then("the unresolved rate is at most {percent} with {percent} confidence")
  public void unresolvedAtMostWithConfidence(double limit, double confidence) {
    unresolved(RateClaim.atMostWithConfidence(limit, confidence));
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate is not significantly above 12%",
      semantics = "Tolerant of noise: fails only when the lower bound of the Wilson 95% interval is above the limit, i.e. the rate is significantly above it. For small windows.")
  @Then("the unresolved rate is not significantly above {percent}")
  public void unresolvedNotSignificantlyAbove(double limit) {
    unresolved(RateClaim.notSignificantlyAbove(limit));
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate on each channel is at most 15%",
      semantics = "The unresolved rate of each channel on its own, so a big healthy channel cannot average away a bad one. A channel with fewer completed sessions than the minimum sample is listed as not judged; if no channel can be judged the gate cannot judge. Fails when any judged channel is over the limit.")
  @Then("the unresolved rate on each channel is at most {percent}")
  public void unresolvedPerChannel(double limit) {
    Gatekeeper.enforce(sessions, "the unresolved rate on each channel is at most " + Percent.format(limit),
        (sample, gate) -> OutcomeGates.unresolvedRatePerSegment(sample, RateClaim.atMost(limit),
            "channel", Session::channel, gate));
  }

  @Doc(group = "Outcome rates",
      example = "Then the unresolved rate for each sub_intent_type is at most 20%",
      semantics = "As the per-channel gate, segmented by `sub_intent_type`.")
  @Then("the unresolved rate for each sub_intent_type is at most {percent}")
  public void unresolvedPerSubIntentType(double limit) {
    Gatekeeper.enforce(sessions, "the unresolved rate for each sub_intent_type is at most "
        + Percent.format(limit), (sample, gate) -> OutcomeGates.unresolvedRatePerSegment(sample,
            RateClaim.atMost(limit), "sub_intent_type", Session::subIntentType, gate));
  }

  @Doc(group = "Outcome rates",
      example = "Then at most 10% of sessions are handed over to a human agent",
      semantics = "Handover rate = sessions in which a human agent wrote (an origin mapped to human_agent, by default `AGENT`) or whose sub_intent_type is HANDOVER / all sessions chosen. Passes when at most the limit.")
  @Then("at most {percent} of sessions are handed over to a human agent")
  public void handedOver(double limit) {
    Gatekeeper.enforce(sessions, "at most " + Percent.format(limit)
        + " of sessions are handed over to a human agent",
        (sample, gate) -> OutcomeGates.handedOver(sample, RateClaim.atMost(limit), gate));
  }

  @Doc(group = "Outcome rates",
      example = "Then at most 12% of sessions have sub_intent_type \"CONCIERGE\"",
      semantics = "The share of sessions with that sub_intent_type (e.g. a fallback skill) / all sessions chosen. Passes when at most the limit.")
  @Then("at most {percent} of sessions have sub_intent_type {string}")
  public void subIntentShare(double limit, String subIntentType) {
    Gatekeeper.enforce(sessions, "at most " + Percent.format(limit) + " of sessions have sub_intent_type "
        + subIntentType, (sample, gate) -> OutcomeGates.subIntentShare(sample, RateClaim.atMost(limit),
            subIntentType, gate));
  }

  private void unresolved(RateClaim claim) {
    Gatekeeper.enforce(sessions, "the unresolved rate is " + claim.describe(),
        (sample, gate) -> OutcomeGates.unresolvedRate(sample, claim, gate));
  }
}
