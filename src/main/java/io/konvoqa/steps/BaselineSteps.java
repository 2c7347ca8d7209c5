package io.konvoqa.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.konvoqa.gate.BaselineGates;
import io.konvoqa.gate.Baseline;
import io.konvoqa.gate.Gate;
import io.konvoqa.gate.HandoverGates;
import io.konvoqa.gate.Percent;
import io.konvoqa.session.Window;
import java.nio.file.Path;
import java.util.function.Function;

/** Baselines: a blessed snapshot or an earlier window, and the gates that compare with one. */
public final class BaselineSteps {
  private final ScenarioSessions sessions;
  private final ScenarioBaseline baseline;

  public BaselineSteps(ScenarioSessions sessions, ScenarioBaseline baseline) {
    this.sessions = sessions;
    this.baseline = baseline;
  }

  @Doc(group = "Baselines",
      example = "Given the baseline snapshot \"snapshots/2026-w47.json.gz\"",
      semantics = "Compares this scenario's sessions with those of a snapshot file (see docs/record-replay.md), chosen the same way (the scenario's channel, sub_intent_type and other choices apply to both sides). A missing or damaged file cannot judge.")
  @Given("the baseline snapshot {string}")
  public void snapshot(String file) {
    baseline.snapshot(Path.of(file.trim()));
  }

  @Doc(group = "Baselines",
      example = "Given the blessed baseline",
      semantics = "As above, with the snapshot blessed as the baseline (`KONVO_BASELINE`, default `snapshots/baseline.json.gz`; `java -jar target/konvo-qa.jar bless FILE` sets it).")
  @Given("the blessed baseline")
  public void blessed() {
    baseline.snapshot(sessions.context().settings().baseline());
  }

  @Doc(group = "Baselines",
      example = "Given the baseline window from \"2026-11-13\" to \"2026-11-19\"",
      semantics = "The baseline is another window of the same source (fetched once per run, like every window), e.g. the week before.")
  @Given("the baseline window from {string} to {string}")
  public void window(String from, String to) {
    baseline.window(new Window(SessionSteps.instant(from, false), SessionSteps.instant(to, true)));
  }

  @Doc(group = "Baselines",
      example = "Given the trigger phrases:\n  | trigger phrase    | sub_intent_type |\n  | where is my order | ORDER_STATUS    |",
      semantics = "Records a routing table for a later baseline gate without gating absolute routing.")
  @Given("the trigger phrases:")
  public void triggerPhrases(DataTable table) {
    sessions.routes(RoutingSteps.parse(table));
  }

  @Doc(group = "Baselines",
      example = "Then the unresolved rate has not risen by more than 2% points over the baseline",
      semantics = "Compares the unresolved rates (completed sessions) now and in the baseline: the report shows both rates, the difference and its 95% interval (Newcombe's hybrid score interval). Fails only when the rise is significantly more than allowed: the lower bound of the interval is above the allowed rise. Either side under the minimum sample cannot judge, unless the rise is significant even so.")
  @Then("the unresolved rate has not risen by more than {percent} points over the baseline")
  public void unresolvedRise(double allowed) {
    compare("the unresolved rate has not risen by more than " + Percent.written(allowed)
        + " points over the baseline", b -> BaselineGates.unresolvedRise(allowed, b));
  }

  @Doc(group = "Baselines",
      example = "Then the handover rate has not risen by more than 2% points over the baseline",
      semantics = "As the unresolved-rate rise, for the handover rate (sessions a human agent wrote in, or with sub_intent_type HANDOVER / all sessions) now and in the baseline: fails only when the rise is significantly more than allowed. Offending sessions: the handed-over ones now. Sessions whose handover is unknown (a message of unknown writer) are left out of their side, and the gate cannot judge when they could change the verdict.")
  @Then("the handover rate has not risen by more than {percent} points over the baseline")
  public void handoverRise(double allowed) {
    compare("the handover rate has not risen by more than " + Percent.written(allowed)
        + " points over the baseline", b -> HandoverGates.rise(allowed, b));
  }

  @Doc(group = "Baselines",
      example = "Then the sub_intent_type distribution has not drifted more than 10% from the baseline",
      semantics = "Total variation distance between the sub_intent_type distributions now and in the baseline (half the sum of the absolute differences of the shares; sub_intent_types compared ignoring case). Tolerant of noise: two samples of one distribution lie apart by chance (about 14% with 8 sub_intent_types and 100 sessions a side), so the gate takes away what noise alone reaches at these sample sizes (the 95th percentile of the distance between 1,000 seeded random splits of both sides pooled) and fails only when what is left is above the limit: the drift is significantly more than allowed. The same data always gives the same verdict. The report charts both distributions side by side and lists the sub_intent_types that moved most, new ones and vanished ones. False alarms: see Choosing a claim.")
  @Then("the sub_intent_type distribution has not drifted more than {percent} from the baseline")
  public void subIntentDrift(double allowed) {
    compare("the sub_intent_type distribution has not drifted more than " + Percent.written(allowed)
        + " from the baseline", b -> BaselineGates.subIntentDrift(allowed, b));
  }

  @Doc(group = "Baselines",
      example = "Then the sub_intent_type distribution has not drifted more than 10% from the baseline, noise included",
      semantics = "Strict: compares the measured distance itself with the limit, noise included. With small windows it breaches on noise alone (98% of the time at 30 sessions a side when nothing changed, limit 10%): use it only when both sides hold thousands of sessions.")
  @Then("the sub_intent_type distribution has not drifted more than {percent} from the baseline, noise included")
  public void subIntentDriftNoiseIncluded(double allowed) {
    compare("the sub_intent_type distribution has not drifted more than " + Percent.written(allowed)
        + " from the baseline, noise included", b -> BaselineGates.subIntentDriftNoiseIncluded(allowed, b));
  }

  @Doc(group = "Baselines",
      example = "Then routing accuracy per trigger phrase has not dropped below the baseline",
      semantics = "For each trigger phrase of the scenario's table (`Then trigger phrases route to these sub_intent_types:` or `Given the trigger phrases:`), the share routed to its sub_intent_type now versus in the baseline; a phrase fails when its accuracy is significantly lower (the upper bound of the 95% interval of the difference is below 0), however few its sessions. A phrase unmatched on either side, or matched by fewer sessions than the minimum sample and not significantly lower, cannot judge.")
  @Then("routing accuracy per trigger phrase has not dropped below the baseline")
  public void routing() {
    compare("routing accuracy per trigger phrase has not dropped below the baseline",
        b -> BaselineGates.routingHolds(sessions.routes(), b));
  }

  /** Judged over the scenario's sessions like every gate; the baseline is loaded when it finishes. */
  private void compare(String claim, Function<Baseline, Gate> gate) {
    Gatekeeper.enforce(sessions, claim, () -> gate.apply(baseline.chosen(sessions)));
  }
}
