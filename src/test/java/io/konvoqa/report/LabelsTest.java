package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {
  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }

  @Test void theScenarioSeverityAndOwnerOverrideTheFeatures() {
    TestResult result = new TestResult().setLabels(new ArrayList<>(List.of(
        label("severity", "critical"), label("owner", "qa-team"), label("tag", "a"),
        label("severity", "normal"), label("tag", "b"))));

    Labels.keepLast(result);

    assertThat(result.getLabels()).extracting(l -> l.getName() + "=" + l.getValue())
        .containsExactly("owner=qa-team", "tag=a", "severity=normal", "tag=b");
  }
}
