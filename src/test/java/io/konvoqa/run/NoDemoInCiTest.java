package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Outcome;
import io.konvoqa.report.RunReport;
import io.konvoqa.report.Summary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate run in CI without a key judges nothing (exit 2, one line saying why) instead of going
 * green on the demo workspace; {@code KONVO_DEMO=true} asks for the demo explicitly.
 */
class NoDemoInCiTest {
  static final String LINE = "no KONVO_API_KEY in CI; set KONVO_DEMO=true to judge the demo workspace";
  @TempDir Path dir;
  Path features;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach void twoGates() throws IOException {
    features = Files.createDirectories(dir.resolve("features"));
    Files.writeString(features.resolve("gates.feature"), """
        Feature: gates
          Scenario: unresolved
            Given the sessions updated in the last 7 days
            Then the unresolved rate is at most 15%
          Scenario: replies
            Given the sessions updated in the last 7 days
            Then every session with a customer message has an AI reply
        """);
  }

  private Summary run(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("KONVO_REPORTS", dir.resolve("reports").toString()));
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return GateRunner.run(Settings.load(env, new Properties()), new GateRunner.Options(features, null, false),
        Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC),
        new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  @Test void inCiWithoutAKeyEveryGateCouldNotJudgeForTheOneReason() throws IOException {
    Summary summary = run("GITHUB_ACTIONS", "true");

    assertThat(summary.exitCode()).isEqualTo(Summary.NOT_JUDGED);
    assertThat(summary.lines()).hasSize(2).allSatisfy(line -> {
      assertThat(line.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
      assertThat(line.detail()).isEqualTo(LINE);
    });
    assertThat(console.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("konvo-qa: " + LINE);
    assertThat(Files.readString(RunReport.summaryFile(dir.resolve("reports"))))
        .contains(LINE).contains("FAILED (could not judge): 2 gates, 0 passed, 0 breached, 2 could not judge.");
  }

  @Test void konvoDemoTrueJudgesTheDemoWorkspaceInCi() {
    Summary summary = run("CI", "true", "KONVO_DEMO", "true");

    assertThat(summary.exitCode()).isEqualTo(Summary.PASSED);
    assertThat(summary.lines()).extracting(Summary.Line::outcome).containsExactly(Outcome.PASSED, Outcome.PASSED);
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("konvo-qa: no KONVO_API_KEY set: judging the bundled demo workspace").doesNotContain(LINE);
  }

  @Test void aRunThatCannotOpenWritesItsSummaryWhereItsSettingsSayNotWhereTheEnvironmentPoints() {
    Summary summary = run("KONVO_DATA", dir.resolve("missing.json").toString());

    assertThat(summary.exitCode()).isEqualTo(Summary.NOT_JUDGED);
    assertThat(RunReport.summaryFile(dir.resolve("reports"))).exists();
    assertThat(RunReport.results(dir.resolve("reports")).resolve("categories.json")).exists();
  }

  /** The jar's {@code run} in a real process whose environment says CI and holds no key. */
  @Test void theJarsRunExitsTwoWithTheOneLine() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.konvoqa.cli.Main",
        "run", "--features", features.toString(), "--no-report");
    builder.environment().keySet().removeIf(name -> name.startsWith("KONVO_"));
    builder.environment().put("CI", "true");
    builder.environment().put("KONVO_REPORTS", dir.resolve("reports").toString());
    builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run ends").isTrue();

    List<String> err = Files.readAllLines(dir.resolve("err.txt"));
    assertThat(process.exitValue()).as(String.join("\n", err)).isEqualTo(2);
    assertThat(err).filteredOn(l -> l.startsWith("konvo-qa:")).containsExactly("konvo-qa: " + LINE);
    assertThat(Files.readString(dir.resolve("out.txt"))).contains(LINE)
        .contains("FAILED (could not judge): 2 gates, 0 passed, 0 breached, 2 could not judge.");
  }
}
