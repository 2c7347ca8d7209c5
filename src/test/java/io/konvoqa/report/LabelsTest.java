package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test void theScenarioSeverityAndOwnerOverrideTheFeatures() throws IOException {
    String json = "{\"name\":\"s [1]\",\"start\":1795788712319,\"labels\":[{\"name\":\"severity\",\"value\":\"critical\"},"
        + "{\"name\":\"owner\",\"value\":\"qa-team\"},{\"name\":\"tag\",\"value\":\"a]\\\"b\"},"
        + "{\"name\":\"severity\",\"value\":\"normal\"}],\"stop\":1795788712320}";

    assertThat(Labels.scenarioWins(json)).isEqualTo("{\"name\":\"s [1]\",\"start\":1795788712319,\"labels\":["
        + "{\"name\":\"owner\",\"value\":\"qa-team\"},{\"name\":\"tag\",\"value\":\"a]\\\"b\"},"
        + "{\"name\":\"severity\",\"value\":\"normal\"}],\"stop\":1795788712320}");
  }

  @Test void aResultWithoutOverridesIsLeftAsItWas() throws IOException {
    String json = "{\"labels\":[{\"name\":\"severity\",\"value\":\"critical\"}],\"start\":1}";
    assertThat(Labels.scenarioWins(json)).isSameAs(json);
  }
}
