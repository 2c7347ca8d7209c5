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

  @Then("the unresolved rate is at most {percent}")
  public void unresolvedAtMost(double limit) {
    unresolved(RateClaim.atMost(limit));
  }

  @Then("the unresolved rate is at most {percent} with {percent} confidence")
  public void unresolvedAtMostWithConfidence(double limit, double confidence) {
    unresolved(RateClaim.atMostWithConfidence(limit, confidence));
  }

  @Then("the unresolved rate is not significantly above {percent}")
  public void unresolvedNotSignificantlyAbove(double limit) {
    unresolved(RateClaim.notSignificantlyAbove(limit));
  }

  @Then("the unresolved rate on each channel is at most {percent}")
  public void unresolvedPerChannel(double limit) {
    Gatekeeper.enforce(sessions, "the unresolved rate on each channel is at most " + Percent.format(limit),
        (sample, gate) -> OutcomeGates.unresolvedRatePerSegment(sample, RateClaim.atMost(limit),
            "channel", Session::channel, gate));
  }

  @Then("the unresolved rate for each sub_intent_type is at most {percent}")
  public void unresolvedPerSubIntentType(double limit) {
    Gatekeeper.enforce(sessions, "the unresolved rate for each sub_intent_type is at most "
        + Percent.format(limit), (sample, gate) -> OutcomeGates.unresolvedRatePerSegment(sample,
            RateClaim.atMost(limit), "sub_intent_type", Session::subIntentType, gate));
  }

  @Then("at most {percent} of sessions are handed over to a human agent")
  public void handedOver(double limit) {
    Gatekeeper.enforce(sessions, "at most " + Percent.format(limit)
        + " of sessions are handed over to a human agent",
        (sample, gate) -> OutcomeGates.handedOver(sample, RateClaim.atMost(limit), gate));
  }

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
