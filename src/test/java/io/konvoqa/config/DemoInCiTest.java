package io.konvoqa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** In CI a run without a key never falls back to the demo workspace unless told to. */
class DemoInCiTest {
  private static Settings load(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return Settings.load(env, new Properties());
  }

  @ParameterizedTest
  @CsvSource({"CI, true", "CI, 1", "GITHUB_ACTIONS, true", "GITLAB_CI, true", "JENKINS_URL, https://ci.example/",
      "BUILDKITE, true", "TF_BUILD, True", "TEAMCITY_VERSION, 2025.03", "CIRCLECI, true", "TRAVIS, true",
      "BITBUCKET_BUILD_NUMBER, 17"})
  void inCiWithoutAKeyThereIsNothingToJudge(String variable, String value) {
    Settings settings = load(variable, value);

    assertThat(settings.source()).isEqualTo(Settings.Source.NONE);
    assertThat(settings.noSource()).isEqualTo("no KONVO_API_KEY in CI; set KONVO_DEMO=true to judge the demo workspace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "yes", "1"})
  void konvoDemoTrueJudgesTheDemoInCi(String demo) {
    Settings settings = load("CI", "true", "KONVO_DEMO", demo);

    assertThat(settings.source()).isEqualTo(Settings.Source.DEMO);
    assertThat(settings.noSource()).isNull();
  }

  @Test void outsideCiTheDemoStaysTheDefault() {
    assertThat(load().source()).isEqualTo(Settings.Source.DEMO);
    assertThat(load("CI", "false").source()).isEqualTo(Settings.Source.DEMO);
    assertThat(load("CI", "0").source()).isEqualTo(Settings.Source.DEMO);
    assertThat(load("CI", "").source()).isEqualTo(Settings.Source.DEMO);
  }

  @Test void aKeyOrADataFileIsJudgedInCi() {
    assertThat(load("CI", "true", "KONVO_API_KEY", "some-key-1234").source()).isEqualTo(Settings.Source.LIVE);
    assertThat(load("GITHUB_ACTIONS", "true", "KONVO_DATA", "w48.json.gz").source()).isEqualTo(Settings.Source.SNAPSHOT);
  }

  @Test void konvoDemoFalseNeverJudgesTheDemo() {
    Settings settings = load("KONVO_DEMO", "false");

    assertThat(settings.source()).isEqualTo(Settings.Source.NONE);
    assertThat(settings.noSource()).isEqualTo("no KONVO_API_KEY and KONVO_DEMO=false: set KONVO_API_KEY to"
        + " judge your live sessions, or KONVO_DATA to replay a snapshot");
  }

  @Test void aMalformedKonvoDemoNamesTheSetting() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> load("KONVO_DEMO", "maybe"))
        .hasMessage("KONVO_DEMO (or -Dkonvo.demo) must be true or false but was 'maybe'");
  }
}
