package io.konvoqa.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {
  @Test void theStoreIsOnByDefaultInKonvoQaAndNoneTurnsItOff() {
    Properties outsideTheBuild = new Properties();
    outsideTheBuild.setProperty("konvo.store.default", io.konvoqa.config.Setting.STORE.fallback);
    Settings defaults = Settings.load(Map.of(), outsideTheBuild);
    assertThat(defaults.store().file()).isEqualTo(Path.of(".konvo-qa/sessions.db"));
    assertThat(defaults.store().full()).isFalse();
    assertThat(defaults.store().overlap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.store().fullSyncAge()).isEqualTo(Duration.ofHours(24));
    assertThat(Settings.load(Map.of("KONVO_STORE", "none"), new Properties()).store().enabled()).isFalse();
    assertThat(Settings.load(Map.of("KONVO_STORE", "NONE"), new Properties()).store().enabled()).isFalse();
  }

  @Test void theBuildsTestsGetNoStoreUnlessTheyNameOne() {
    Properties props = new Properties();
    assertThat(Settings.load(Map.of("KONVO_API_KEY", "store-settings-key"), props).store().enabled())
        .as("settings loaded from a test's own properties still see the build's -Dkonvo.store.default=none").isFalse();
    assertThat(Settings.load(Map.of("KONVO_STORE", "/tmp/x.db"), props).store().file()).isEqualTo(Path.of("/tmp/x.db"));
    assertThat(System.getProperty("konvo.store.default")).as("surefire's setting in pom.xml").isEqualTo("none");
  }

  @Test void fullOverlapAndAgeAreSettings() {
    Settings s = Settings.load(Map.of("KONVO_FULL", "true", "KONVO_STORE_OVERLAP", "30", "KONVO_FULL_SYNC_HOURS", "6",
        "KONVO_STORE", "s.db"), new Properties());
    assertThat(s.store().full()).isTrue();
    assertThat(s.store().overlap()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.store().fullSyncAge()).isEqualTo(Duration.ofHours(6));
    assertThat(Settings.load(Map.of(), new Properties()).withStore(s.store()).store()).isEqualTo(s.store());
    assertThatThrownBy(() -> Settings.load(Map.of("KONVO_FULL_SYNC_HOURS", "0"), new Properties()))
        .hasMessage("KONVO_FULL_SYNC_HOURS (or -Dkonvo.full.sync.hours) must be 1..87600 but was 0");
  }
}
