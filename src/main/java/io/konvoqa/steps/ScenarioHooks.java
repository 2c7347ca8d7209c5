package io.konvoqa.steps;

import io.cucumber.java.Before;
import io.konvoqa.report.Labels;

/** What happens around every scenario of a gate run. */
public final class ScenarioHooks {
  @Before
  public void scenarioTagsWinOverFeatureTags() {
    Labels.scenarioWins();
  }
}
