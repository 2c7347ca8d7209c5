package io.konvoqa.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.konvoqa.gate.BaselineGates;
import io.konvoqa.gate.Comparison;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.Verdict;
import io.konvoqa.run.GateRun;
import io.konvoqa.session.Window;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** Baselines: a blessed snapshot or an earlier window, and the gates that compare with one. */
public final class BaselineSteps {
  private final ScenarioSessions sessions;
  private final ScenarioBaseline baseline;

  public BaselineSteps(ScenarioSessions sessions, ScenarioBaseline baseline) {
    this.sessions = sessions;
    this.baseline = baseline;
  }

  @Given("the baseline snapshot {string}")
  public void snapshot(String file) {
    baseline.snapshot(Path.of(file.trim()));
  }

  @Given("the blessed baseline")
  public void blessed() {
    baseline.snapshot(GateRun.current().settings().baseline());
  }

  @Given("the baseline window from {string} to {string}")
  public void window(String from, String to) {
    baseline.window(new Window(SessionSteps.instant(from, false), SessionSteps.instant(to, true)));
  }

  @Given("the trigger phrases:")
  public void triggerPhrases(DataTable table) {
    sessions.routes(RoutingSteps.parse(table));
  }

  @Then("the unresolved rate has not risen by more than {percent} points over the baseline")
  public void unresolvedRise(double allowed) {
    compare("the unresolved rate has not risen by more than " + Percent.format(allowed)
        + " points over the baseline", (c, gate) -> BaselineGates.unresolvedRise(c, allowed, gate));
  }

  @Then("the sub_intent_type distribution has not drifted more than {percent} from the baseline")
  public void subIntentDrift(double allowed) {
    compare("the sub_intent_type distribution has not drifted more than " + Percent.format(allowed)
        + " from the baseline", (c, gate) -> BaselineGates.subIntentDrift(c, allowed, gate));
  }

  @Then("routing accuracy per trigger phrase has not dropped below the baseline")
  public void routing() {
    compare("routing accuracy per trigger phrase has not dropped below the baseline",
        (c, gate) -> BaselineGates.routingHolds(c, sessions.routes(), gate));
  }

  private void compare(String claim, BiFunction<Comparison, String, Verdict> judge) {
    Gatekeeper.enforce(sessions, claim, (sample, gate) -> baseline.compare(gate, sessions, sample,
        c -> judge.apply(c, gate)));
  }
}
