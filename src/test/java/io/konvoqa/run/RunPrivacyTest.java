package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The masking a run makes: a stable salt per workspace, so tokens repeat across runs. */
class RunPrivacyTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC);

  @Test void twoRunsOverTheSameWorkspaceGiveACustomerTheSameToken() {
    String first = tokenInARun(Map.of("KONVO_MASK_SALT", "team secret"));
    String second = tokenInARun(Map.of("KONVO_MASK_SALT", "team secret"));

    assertThat(first).matches("customer-[0-9a-f]{10}").isEqualTo(second);
    assertThat(tokenInARun(Map.of("KONVO_MASK_SALT", "another secret"))).isNotEqualTo(first);
  }

  @Test void theWorkspaceOfTheDemoIsDemoAndOfALiveRunItsBaseUrl() {
    try (GateRun run = GateRun.open(Settings.load(Map.of(), new Properties()), CLOCK, quiet())) {
      assertThat(run.workspace()).isEqualTo("demo");
    }
    try (GateRun run = GateRun.open(Settings.load(Map.of("KONVO_API_KEY", "key-12345678",
        "KONVO_BASE_URL", "https://api.example.test"), new Properties()), CLOCK, quiet())) {
      assertThat(run.workspace()).isEqualTo("https://api.example.test");
    }
  }

  /** The token of the first demo session's customer in a fresh run with these settings. */
  private static String tokenInARun(Map<String, String> env) {
    try (RunContext context = RunContext.builder().settings(Settings.load(env, new Properties()))
        .clock(CLOCK).console(quiet()).build()) {
      Session first = context.source().fetch(new Window(CLOCK.instant().minus(Duration.ofDays(7)), CLOCK.instant()))
          .sessions().stream().filter(s -> s.externalUserId() != null && s.externalUserId().length() >= 5)
          .findFirst().orElseThrow();
      return context.privacy().mask(first).externalUserId();
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
