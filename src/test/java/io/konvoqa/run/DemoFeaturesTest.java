package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.Summary;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example features of {@code features/} over the demo workspace: everything passes except
 * the gates that catch the seeded regression (German return requests routed to CONCIERGE).
 */
class DemoFeaturesTest {
  @TempDir static Path dir;
  static List<ScenarioResult> results;
  static Summary summary;
  static String console;

  @BeforeAll static void runTheExamples() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    summary = GateRunner.run(Settings.load(Map.of("KONVO_REPORTS", dir.toString()), new Properties()),
        new GateRunner.Options(Path.of("features"), null, false),
        Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC),
        new PrintStream(out, true, StandardCharsets.UTF_8));
    results = RunLog.results();
    console = out.toString(StandardCharsets.UTF_8);
  }

  @Test void onlyTheRegressionGatesFail() {
    assertThat(results).filteredOn(r -> r.status() == ScenarioResult.Status.FAILED)
        .extracting(ScenarioResult::name)
        .containsExactlyInAnyOrder("German trigger phrases reach the right skill",
            "German return requests are recognised as returns");
    assertThat(results).hasSizeGreaterThanOrEqualTo(17);
    assertThat(summary.exitCode()).isEqualTo(Summary.BREACHED);
  }

  @Test void theRegressionFailsForTheRightReason() {
    Verdict german = results.stream().filter(r -> r.name().equals("German trigger phrases reach the right skill"))
        .findFirst().orElseThrow().verdicts().get(0);
    assertThat(german.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(german.reason()).startsWith("'/zurücksenden|rücksendung/' routed to RETURN_REQUEST in");
    assertThat(german.offenders()).isNotEmpty().allSatisfy(o ->
        assertThat(o.reason()).startsWith("sub_intent_type CONCIERGE, expected RETURN_REQUEST"));
  }

  @Test void theRunAnnouncesTheDemoWorkspaceInOneLine() {
    assertThat(console.lines().filter(l -> l.contains("demo workspace"))).singleElement().satisfies(line ->
        assertThat(line).startsWith("konvo-qa: no KONVO_API_KEY set: judging the bundled demo workspace (2,000 sessions)"));
  }
}
