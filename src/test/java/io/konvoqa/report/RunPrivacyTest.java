package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.run.GateRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunPrivacyTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC);

  @Test void withoutARunItMasksAlwaysWithTheSameSalt() {
    assertThat(RunPrivacy.of(null)).isSameAs(RunPrivacy.of(null));
    assertThat(RunPrivacy.of(null).masking()).isTrue();
  }

  @Test void twoRunsOverTheSameWorkspaceGiveACustomerTheSameToken() {
    String first = tokenInARun(Map.of("KONVO_MASK_SALT", "team secret"));
    String second = tokenInARun(Map.of("KONVO_MASK_SALT", "team secret"));

    assertThat(first).matches("customer-[0-9a-f]{10}").isEqualTo(second);
    assertThat(tokenInARun(Map.of("KONVO_MASK_SALT", "another secret"))).isNotEqualTo(first);
  }

  @Test void theWorkspaceOfTheDemoIsDemoAndOfALiveRunItsBaseUrl() {
    try (GateRun run = GateRun.open(Settings.load(Map.of(), new Properties()), CLOCK, quiet())) {
      assertThat(RunPrivacy.workspace(run)).isEqualTo("demo");
    }
    try (GateRun run = GateRun.open(Settings.load(Map.of("KONVO_API_KEY", "key-12345678",
        "KONVO_BASE_URL", "https://api.example.test"), new Properties()), CLOCK, quiet())) {
      assertThat(RunPrivacy.workspace(run)).isEqualTo("https://api.example.test");
    }
  }

  private static String tokenInARun(Map<String, String> env) {
    try (GateRun run = GateRun.open(Settings.load(env, new Properties()), CLOCK, quiet())) {
      return RunPrivacy.of(run).mask(Fixtures.session("s-1", Fixtures.WHATSAPP_ID, "hi", "ok")).externalUserId();
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
