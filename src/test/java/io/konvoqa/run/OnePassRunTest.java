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
    // the demo's week: every gate over it in one pass
    Matcher pass = PASS.matcher(once.console());
    int gates = 0;
    int passes = 0;
    while (pass.find()) {
      passes++;
      gates += Integer.parseInt(pass.group(2));
    }
    long judgedGates = once.scenarios().stream().mapToLong(r -> r.verdicts().size()).sum();
    assertThat(passes).isPositive();
    assertThat(gates).isEqualTo((int) judgedGates);
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

  /**
   * A live run with the store reads each window from disk for its one pass, never holding it: the
   * verdicts (offenders included) and the transcripts the report shows are those of the window
   * held in memory without a store.
   */
  @Test void aWindowReadFromTheStoreGivesTheVerdictsAndTranscriptsOfTheWindowHeld() throws java.io.IOException {
    Instant t0 = Instant.parse("2026-11-27T10:15:00Z");
    List<io.konvoqa.session.Session> sessions = io.konvoqa.demo.DemoWorkspace.generate(t0).sessions();
    Ran streamed, held;
    try (io.konvoqa.simulator.KonvoSimulator api = io.konvoqa.simulator.KonvoSimulator.start(
        io.konvoqa.simulator.Dataset.of(t0, sessions))) {
      streamed = live(api.url(), dir.resolve("sessions.db").toString(), "streamed");
      held = live(api.url(), "none", "held");
    }
    assertThat(streamed.console()).contains("fetched now in a full sync").containsPattern(PASS.pattern());
    String fromStore = text(streamed.scenarios()).replaceAll("(, )?Figure\\[name=window assembled, [^\\]]*\\]", "");
    assertThat(fromStore).isEqualTo(text(held.scenarios()));
    assertThat(attachments(dir.resolve("streamed"))).isEqualTo(attachments(dir.resolve("held")))
        .anySatisfy(a -> assertThat(a).contains("conversations"));
  }

  private Ran live(String url, String store, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ScenarioResult> scenarios = GateRunner.execute(Settings.load(Map.of("KONVO_API_KEY", "one-pass-test-key",
            "KONVO_BASE_URL", url, "KONVO_STORE", store, "KONVO_MASK_SALT", "one-pass",
            "KONVO_REPORTS", dir.resolve(name).toString()), new Properties()),
        new GateRunner.Options(Path.of("features"), null, false), NOW, new PrintStream(out, true, StandardCharsets.UTF_8))
        .scenarios();
    return new Ran(scenarios, out.toString(StandardCharsets.UTF_8));
  }

  /** The names of the attachments of every Allure result, by scenario: which transcripts the report shows. */
  private static List<String> attachments(Path reports) throws java.io.IOException {
    List<String> all = new java.util.ArrayList<>();
    try (var files = java.nio.file.Files.list(io.konvoqa.report.RunReport.results(reports))) {
      for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
        String json = java.nio.file.Files.readString(f, StandardCharsets.UTF_8);
        Matcher name = Pattern.compile("\"name\":\"([^\"]*)\",\"source\"").matcher(json);
        List<String> names = new java.util.ArrayList<>();
        while (name.find()) names.add(name.group(1));
        Matcher scenario = Pattern.compile("\"testClass\",\"value\":\"([^\"]*)\"").matcher(json);
        all.add((scenario.find() ? scenario.group(1) : f.toString()) + ": " + names);
      }
    }
    java.util.Collections.sort(all);
    return all;
  }

  /**
   * Baseline gates: an earlier window of the demo's week as the baseline, a choice after a baseline
   * gate, a baseline that cannot be read, none chosen, a missing snapshot, a random sample.
   */
  @Test void baselineGatesGiveTheSameVerdictsInTheirWindowsOnePass() throws java.io.IOException {
    Path features = java.nio.file.Files.createDirectories(dir.resolve("baseline-features"));
    // the demo's week ends at the test's clock (2026-11-27T10:15Z); its first days are the baseline
    java.nio.file.Files.writeString(features.resolve("baselines.feature"), """
        Feature: Baselines

          Background:
            Given the sessions updated in the last 7 days

          Scenario Outline: against the start of the week
            Given the baseline window from "2026-11-21" to "2026-11-22"
            And the trigger phrases:
              | trigger phrase    | sub_intent_type |
              | Rücksendung       | RETURN_REQUEST  |
              | where is my order | ORDER_STATUS    |
            Then <claim>

            Examples:
              | claim                                                                                      |
              | the unresolved rate has not risen by more than 2% points over the baseline                |
              | the handover rate has not risen by more than 2% points over the baseline                  |
              | the sub_intent_type distribution has not drifted more than 10% from the baseline          |
              | the sub_intent_type distribution has not drifted more than 10% from the baseline, noise included |
              | routing accuracy per trigger phrase has not dropped below the baseline                    |

          Scenario: a choice after a baseline gate keeps its sessions
            Given the baseline window from "2026-11-21" to "2026-11-22"
            Then the sub_intent_type distribution has not drifted more than 50% from the baseline
            Given only sessions on channel "whatsapp"
            And the baseline window from "2026-11-23" to "2026-11-24"
            Then the unresolved rate has not risen by more than 50% points over the baseline
            And the unresolved rate is at most 90%

          Scenario: a baseline the source does not hold
            Given the baseline window from "2026-10-01" to "2026-10-02"
            Then the unresolved rate has not risen by more than 2% points over the baseline

          Scenario: no baseline chosen
            Then the handover rate has not risen by more than 2% points over the baseline

          Scenario: a missing snapshot
            Given the baseline snapshot "no-such-snapshot.json.gz"
            Then the unresolved rate has not risen by more than 2% points over the baseline

          Scenario: a baseline gate after a random sample
            Given a random sample of 20 sessions
            And the baseline window from "2026-11-21" to "2026-11-22"
            Then the sub_intent_type distribution has not drifted more than 50% from the baseline
        """, java.nio.charset.StandardCharsets.UTF_8);
    Ran once = run("true", features);
    Ran alone = run("false", features);
    assertThat(text(once.scenarios())).isEqualTo(text(alone.scenarios()));
    assertThat(alone.console()).doesNotContain("judged in one pass");
    List<io.konvoqa.gate.Outcome> outcomes = once.scenarios().stream().flatMap(r -> r.verdicts().stream())
        .map(Verdict::outcome).toList();
    // routing breaks after the start of the week; the baseline of October holds no session
    assertThat(outcomes).contains(io.konvoqa.gate.Outcome.BREACHED, io.konvoqa.gate.Outcome.PASSED,
        io.konvoqa.gate.Outcome.INSUFFICIENT_DATA, io.konvoqa.gate.Outcome.CONFIGURATION_ERROR);
    Matcher pass = PASS.matcher(once.console());
    List<String> windows = new java.util.ArrayList<>();
    int gates = 0;
    while (pass.find()) {
      windows.add(pass.group(1));
      gates += Integer.parseInt(pass.group(2));
    }
    // a baseline gate's baseline is chosen as its scenario chose when it stood, also in the pass
    List<Verdict> after = once.scenarios().stream().filter(r -> r.name().startsWith("a choice after"))
        .findFirst().orElseThrow().verdicts();
    assertThat(baselineSessions(after.get(0))).isEqualTo("591 fetched");
    assertThat(baselineSessions(after.get(1))).endsWith(" on channel whatsapp");
    // the week, in one pass: the 5 of the outline, the 3 of the choice after a gate, those whose
    // baseline is empty, not chosen or missing, and the gate after a random sample
    assertThat(windows).hasSize(1);
    assertThat(gates).isEqualTo(12);
  }

  private static String baselineSessions(Verdict v) {
    return v.figures().stream().filter(f -> f.name().equals("sessions in the baseline")).findFirst().orElseThrow().value();
  }
}
