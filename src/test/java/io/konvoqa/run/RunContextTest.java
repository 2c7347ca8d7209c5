package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's context: opened once, its failure kept for every gate, one masking per run. */
class RunContextTest {
  @TempDir Path dir;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunContext open(Map<String, String> env) {
    return RunContext.builder().settings(Settings.load(env, new Properties())).clock(Clock.systemUTC())
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
  }

  @Test void aRunThatCannotOpenGivesEveryGateTheSameErrorAndMasks() {
    Path missing = dir.resolve("missing.json");
    try (RunContext context = open(Map.of("KONVO_DATA", missing.toString(),
        "KONVO_REPORTS", dir.resolve("r").toString(), "KONVO_MASK_PERSONAL_DATA", "false"))) {
      assertThat(context.opened()).isFalse();
      RuntimeException first = org.assertj.core.api.Assertions.catchRuntimeException(context::run);
      assertThat(first).isNotNull();
      assertThatThrownBy(context::settings).isSameAs(first);
      assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("konvo-qa: " + first.getMessage() + "\n");
      assertThat(context.reportsDir()).isEqualTo(dir.resolve("r"));
      assertThat(context.privacy().masking()).isTrue();
      assertThat(context.facts()).isNull();
    }
  }

  @Test void oneRunKeepsOneMaskingSoTokensAreStable() {
    try (RunContext context = open(Map.of("KONVO_DEMO", "true", "KONVO_REPORTS", dir.toString()))) {
      assertThat(context.opened()).isTrue();
      assertThat(context.privacy()).isSameAs(context.privacy());
      assertThat(context.privacy().masking()).isTrue();
    }
  }

  @Test void settingsThatCannotBeReadStillWriteToReports() {
    RunContext context = RunContext.builder().clock(Clock.systemUTC())
        .console(new PrintStream(console, true, StandardCharsets.UTF_8))
        .settingsFailure(new IllegalArgumentException("KONVO_MIN_SAMPLE must be a whole number but was 'x'"))
        .build();
    assertThat(context.reportsDir()).isEqualTo(Path.of("reports"));
    assertThatThrownBy(context::run).hasMessage("KONVO_MIN_SAMPLE must be a whole number but was 'x'");
    assertThat(console.toString(StandardCharsets.UTF_8))
        .isEqualTo("konvo-qa: KONVO_MIN_SAMPLE must be a whole number but was 'x'\n");
  }

  @Test void aRunNeedsSettingsAClockAndAConsole() {
    assertThatThrownBy(() -> RunContext.builder().clock(Clock.systemUTC()).console(System.err).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a run needs either settings or the error reading them, and got neither");
    assertThatThrownBy(() -> RunContext.builder().settings(Settings.load(Map.of(), new Properties()))
        .console(System.err).build())
        .hasMessage("a run needs a clock: call clock(Clock.systemUTC())");
  }

  @Test void runsCannotOverlap() {
    try (RunContext context = open(Map.of("KONVO_DEMO", "true", "KONVO_REPORTS", dir.toString()))) {
      RunContext.activate(context);
      try {
        assertThat(RunContext.active()).isSameAs(context);
        assertThatThrownBy(() -> RunContext.activate(context))
            .hasMessage("a gate run is already running in this JVM: runs cannot overlap");
      } finally {
        RunContext.deactivate(context);
      }
      assertThatThrownBy(RunContext::active).hasMessageStartingWith("no gate run is active");
    }
  }
}
