package io.konvoqa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JudgeSettingsTest {
  static JudgeSettings judge(Map<String, String> env) {
    return Settings.load(env, new Properties()).judge();
  }

  @Test void theDefaults() {
    // the build points the default into target/ for every test; a user's default is this one
    String buildDefault = System.clearProperty(JudgeSettings.CACHE_DEFAULT);
    JudgeSettings j;
    try {
      j = judge(Map.of());
    } finally {
      if (buildDefault != null) System.setProperty(JudgeSettings.CACHE_DEFAULT, buildDefault);
    }
    assertThat(j.url()).isNull();
    assertThat(j.apiKeyHeader()).isEqualTo("Authorization");
    assertThat(j.concurrency()).isEqualTo(4);
    assertThat(j.jsonMode()).isTrue();
    assertThat(j.maxChars()).isEqualTo(12_000);
    assertThat(j.maxCalls()).isEqualTo(1_000);
    assertThat(j.cache()).isEqualTo(Path.of(".konvo-qa/judgments"));
    assertThat(j.sendPersonalData()).isFalse();
    assertThat(j.demoErrorRate()).isEqualTo(0.05);
    assertThat(j.rubrics()).isEqualTo(Path.of("rubrics"));
  }

  @Test void theBuildsTestsCacheUnderTarget() {
    assertThat(judge(Map.of()).cache().toString()).endsWith("test-workspace/judgments");
    assertThat(judge(Map.of("KONVO_JUDGE_CACHE", "/elsewhere")).cache()).isEqualTo(Path.of("/elsewhere"));
  }

  @Test void aUrlNeedsAModel() {
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_URL", "https://api.openai.com/v1")))
        .hasMessage("KONVO_JUDGE_URL is set but KONVO_JUDGE_MODEL is not: set it to the model the endpoint"
            + " serves, such as gpt-4o-mini or llama3.1");
    assertThat(judge(Map.of("KONVO_JUDGE_URL", "http://localhost:11434/v1", "KONVO_JUDGE_MODEL", "llama3.1")).model())
        .isEqualTo("llama3.1");
  }

  @Test void badValuesNameTheSettingAndTheFix() {
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_URL", "localhost:11434", "KONVO_JUDGE_MODEL", "m")))
        .hasMessage("KONVO_JUDGE_URL must be an http(s) URL such as https://api.openai.com/v1 or"
            + " http://localhost:11434/v1 but was 'localhost:11434'");
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_URL", "https://u:p@example.com/v1", "KONVO_JUDGE_MODEL", "m")))
        .hasMessageStartingWith("KONVO_JUDGE_URL must not hold credentials");
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_DEMO_ERROR_RATE", "0.9")))
        .hasMessage("KONVO_JUDGE_DEMO_ERROR_RATE (or -Dkonvo.judge.demo.error.rate) must be 0.0..0.5 but was 0.9");
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_DEMO_ERROR_RATE", "five")))
        .hasMessage("KONVO_JUDGE_DEMO_ERROR_RATE (or -Dkonvo.judge.demo.error.rate) must be a number such as 0.05 but was 'five'");
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_MAX_CALLS", "-1")))
        .hasMessage("KONVO_JUDGE_MAX_CALLS (or -Dkonvo.judge.max.calls) must be 0..2147483647 but was -1");
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_API_KEY_HEADER", "api key")))
        .hasMessage("KONVO_JUDGE_API_KEY_HEADER must be an HTTP header name such as Authorization or api-key but was 'api key'");
    assertThatThrownBy(() -> judge(Map.of("KONVO_JUDGE_JSON_MODE", "maybe")))
        .hasMessage("KONVO_JUDGE_JSON_MODE (or -Dkonvo.judge.json.mode) must be true or false but was 'maybe'");
  }

  @Test void theKeyIsASecretNeverShown() {
    Settings settings = Settings.load(Map.of("KONVO_JUDGE_API_KEY", " sk-judge-123456789 "), new Properties());
    assertThat(settings.judge().apiKey().value()).isEqualTo("sk-judge-123456789");
    assertThat(settings.judge().toString()).doesNotContain("sk-judge").contains("KONVO_JUDGE_API_KEY=***");
    assertThat(settings.warnings()).containsExactly("KONVO_JUDGE_API_KEY: removed 2 whitespace characters around"
        + " the key (a copy-paste slip?); set it without them");
  }
}
