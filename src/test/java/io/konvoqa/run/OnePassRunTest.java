package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run plans its gates, then reads each window once for all of them: the example features give
 * the same verdicts, every figure and offender included, as when each gate reads its window alone.
 */
class OnePassRunTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC);
  private static final Pattern PASS = Pattern.compile("konvo-qa: (.+?): (\\d+) gates? judged in one pass over ([\\d,]+) sessions");

  @TempDir Path dir;

  private record Ran(List<ScenarioResult> scenarios, String console) {}

  private Ran run(String onePass, Path features) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ScenarioResult> scenarios = GateRunner.execute(
        Settings.load(Map.of("KONVO_REPORTS", dir.resolve(onePass).toString(), "KONVO_ONE_PASS", onePass,
            "KONVO_JUDGE_CACHE", dir.resolve("judgments-" + onePass).toString()), new Properties()),
        new GateRunner.Options(features, null, false), NOW, new PrintStream(out, true, StandardCharsets.UTF_8)).scenarios();
    return new Ran(scenarios, out.toString(StandardCharsets.UTF_8));
  }

  /** Everything a verdict says, offenders and evidence included. */
  private static String text(List<ScenarioResult> scenarios) {
    return scenarios.stream().map(r -> r.name() + " " + r.status() + " " + r.failedStep() + " " + r.error() + "\n"
        + r.verdicts().stream().map(OnePassRunTest::text).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n\n"));
  }

  private static String text(Verdict v) {
    String evidence = v.evidence().stream().map(e -> e instanceof io.konvoqa.gate.Confusion c
        ? c.phrases() + " " + c.actuals() + " " + java.util.Arrays.deepToString(c.counts()) + " " + c.expected()
        : e.toString()).collect(Collectors.joining("; "));
    return (v.gate() + " | " + v.outcome() + " | " + v.reason() + " | " + v.figure() + " | " + v.figures()
        + " | " + v.offenders() + " | " + evidence + " | " + v.segments())
        .replaceAll("endpointHost=127\\.0\\.0\\.1:\\d+", "endpointHost=the demo judge"); // a port of its own each run
  }

  @Test void theExampleFeaturesGiveTheSameVerdictsReadOnceAsReadPerGate() {
    Ran once = run("true", Path.of("features"));
    Ran alone = run("false", Path.of("features"));
    assertThat(text(once.scenarios())).isEqualTo(text(alone.scenarios()));
    assertThat(alone.console()).doesNotContain("judged in one pass");
    // the demo's week: every gate over it but the baseline ones (judged alone) in one pass
    Matcher pass = PASS.matcher(once.console());
    int gates = 0;
    int passes = 0;
    while (pass.find()) {
      passes++;
      gates += Integer.parseInt(pass.group(2));
    }
    long judgedGates = once.scenarios().stream().mapToLong(r -> r.verdicts().size()).sum();
    assertThat(passes).isPositive();
    assertThat(gates).isEqualTo((int) judgedGates - baselineGates(once.scenarios()));
  }

  /** Outlines, a background, scenario minimums, typos and a sample out of order: each as when judged alone. */
  @Test void everyShapeOfScenarioGivesTheSameVerdictsReadOnceAsReadPerGate() throws java.io.IOException {
    Path features = java.nio.file.Files.createDirectories(dir.resolve("features"));
    java.nio.file.Files.writeString(features.resolve("shapes.feature"), """
        Feature: Shapes

          Background:
            Given the sessions updated in the last 7 days

          Scenario Outline: a limit per row
            Given only sessions on channel "<channel>"
            Then the unresolved rate is at most <limit>
            And no AI reply contains "Amazon"

            Examples:
              | channel  | limit |
              | whatsapp | 15%   |
              | email    | 5%    |
              | whatsap  | 15%   |

          Scenario: a scenario's own minimum sample
            Given at least 5000 sessions are needed
            Then the unresolved rate is at most 15%

          Scenario: a choice after the sample
            Given a random sample of 20 sessions
            And only completed sessions
            Then at least 90% of sessions pass the rubric "resolution"

          Scenario: traffic over its own window
            Then at least 100 sessions were updated in the last 24 hours
            And the unresolved rate on each channel is at most 15%
        """, java.nio.charset.StandardCharsets.UTF_8);
    Ran once = run("true", features);
    Ran alone = run("false", features);
    assertThat(text(once.scenarios())).isEqualTo(text(alone.scenarios()));
    assertThat(once.scenarios()).extracting(ScenarioResult::status).contains(ScenarioResult.Status.FAILED);
    Matcher pass = PASS.matcher(once.console());
    List<String> windows = new java.util.ArrayList<>();
    int gates = 0;
    while (pass.find()) {
      windows.add(pass.group(1));
      gates += Integer.parseInt(pass.group(2));
    }
    // the week: 6 of the outline, 1 with its own minimum, 1 per channel (the gate after an out-of-order
    // sample is not planned: judged alone, it is a configuration error); the last 24 hours: 1
    assertThat(windows).hasSize(2);
    assertThat(gates).isEqualTo(9);
  }

  private static int baselineGates(List<ScenarioResult> scenarios) {
    return (int) scenarios.stream().flatMap(r -> r.verdicts().stream())
        .filter(v -> v.gate().contains("baseline")).count();
  }
}
