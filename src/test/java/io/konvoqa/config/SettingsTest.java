package io.konvoqa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test void readmeListsEverySettingWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Setting setting : Setting.values()) {
      String fallback = setting.fallback == null ? "none" : "`" + setting.fallback + "`";
      assertThat(readme).as("README's settings table row for " + setting.env)
          .contains("| `" + setting.env + "` | " + fallback + " |");
    }
  }

  @Test void aPropertyWinsOverTheEnvironment() {
    Properties props = new Properties();
    props.setProperty("konvo.page.size", "50");
    Settings settings = Settings.load(Map.of("KONVO_PAGE_SIZE", "100", "KONVO_CONCURRENCY", "8"), props);
    assertThat(settings.pageSize()).isEqualTo(50);
    assertThat(settings.concurrency()).isEqualTo(8);
  }

  @Test void theSourceFollowsWhatIsSet() {
    assertThat(Settings.load(Map.of(), new Properties()).source()).isEqualTo(Settings.Source.DEMO);
    assertThat(Settings.load(Map.of("KONVO_API_KEY", "key-12345678"), new Properties()).source()).isEqualTo(Settings.Source.LIVE);
    assertThat(Settings.load(Map.of("KONVO_API_KEY", "key-12345678", "KONVO_DATA", "x.json"), new Properties()).source())
        .isEqualTo(Settings.Source.SNAPSHOT);
  }

  @Test void aBlankMaskSaltIsAnErrorNamingTheFix() {
    assertThat(Settings.load(Map.of(), new Properties()).maskSalt()).isNull();
    assertThat(Settings.load(Map.of("KONVO_MASK_SALT", "team secret"), new Properties()).maskSalt())
        .isEqualTo("team secret");
    assertThatThrownBy(() -> Settings.load(Map.of("KONVO_MASK_SALT", "  "), new Properties()))
        .hasMessage("KONVO_MASK_SALT (or -Dkonvo.mask.salt) is set but blank: set it to any non-blank"
            + " text, the same wherever customer tokens should match, or unset it to keep a random"
            + " salt in .konvo-qa/mask-salt");
  }

  @Test void malformedValuesNameTheSettingAndTheFix() {
    assertThatThrownBy(() -> Settings.load(Map.of("KONVO_PAGE_SIZE", "500"), new Properties()))
        .hasMessage("KONVO_PAGE_SIZE (or -Dkonvo.page.size) must be 1..200 but was 500");
    assertThatThrownBy(() -> Settings.load(Map.of("KONVO_CONCURRENCY", "four"), new Properties()))
        .hasMessage("KONVO_CONCURRENCY (or -Dkonvo.concurrency) must be a whole number but was 'four'");
    assertThatThrownBy(() -> Settings.load(Map.of("KONVO_MASK_PERSONAL_DATA", "maybe"), new Properties()))
        .hasMessage("KONVO_MASK_PERSONAL_DATA (or -Dkonvo.mask.personal.data) must be true or false but was 'maybe'");
  }

  @Test void theKeyNeverShowsInTheSettingsText() {
    Settings settings = Settings.load(Map.of("KONVO_API_KEY", "super-secret-123"), new Properties());
    assertThat(settings.toString()).doesNotContain("super-secret-123").contains("apiKey=***");
  }

  @Test void theFirstPageIsDetectedUnlessSet() {
    assertThat(Settings.load(Map.of(), new Properties()).firstPage()).isNull();
    assertThat(Settings.load(Map.of("KONVO_FIRST_PAGE", "0"), new Properties()).firstPage()).isZero();
    assertThatThrownBy(() -> Settings.load(Map.of("KONVO_FIRST_PAGE", "2"), new Properties()))
        .hasMessage("KONVO_FIRST_PAGE (or -Dkonvo.first.page) must be 0..1 but was 2");
  }
}
