package io.konvoqa.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scenario's {@code @SEVERITY=} or {@code @OWNER=} tag overrides its feature's: Allure keeps the
 * first of two such labels, which would be the feature's.
 */
public final class Labels {
  private Labels() {}

  private static final Set<String> SINGLE = Set.of("severity", "owner");

  /** Applies to the test case running now, if Allure reports this run. */
  public static void scenarioWins() {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    lifecycle.getCurrentTestCase().ifPresent(uuid -> lifecycle.updateTestCase(uuid, Labels::keepLast));
  }

  static void keepLast(TestResult result) {
    List<Label> labels = result.getLabels();
    List<Label> kept = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      boolean overridden = SINGLE.contains(label.getName())
          && labels.subList(i + 1, labels.size()).stream().anyMatch(l -> label.getName().equals(l.getName()));
      if (!overridden) kept.add(label);
    }
    result.setLabels(kept);
  }
}
