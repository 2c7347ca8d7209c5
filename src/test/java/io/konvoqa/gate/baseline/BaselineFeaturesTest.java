package io.konvoqa.gate.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.Summary;
import io.konvoqa.run.GateRunner;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline steps as real Cucumber runs over the fixtures, through the gate runner. */
class BaselineFeaturesTest {
  static final Path FIXTURES = BaselineGatesTest.FIXTURES;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path tmp;

  @Test void everyBaselineGatePassesAgainstABaselineWithoutDrift() {
    Summary summary = run("features", FIXTURES.resolve("current.json.gz"), FIXTURES.resolve("baseline-same.json.gz"));

    assertThat(summary.lines()).extracting(Summary.Line::outcome).containsExactly(
        Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);
    assertThat(summary.exitCode()).isEqualTo(Summary.PASSED);
  }

  @Test void everyBaselineGateFailsAgainstTheDriftedBaselineWithItsFigures() {
    Summary summary = run("features", FIXTURES.resolve("current.json.gz"), FIXTURES.resolve("baseline-drifted.json.gz"));

    assertThat(summary.lines()).extracting(Summary.Line::outcome).containsExactly(
        Outcome.BREACHED, Outcome.BREACHED, Outcome.BREACHED);
    List<Verdict> verdicts = verdicts();
    assertThat(verdicts).extracting(Verdict::gate).containsExactly(
        "the unresolved rate has not risen by more than 2% points over the baseline",
        "the sub_intent_type distribution has not drifted more than 10% from the baseline, noise included",
        "routing accuracy per trigger phrase has not dropped below the baseline");
    assertThat(verdicts.get(0).figure())
        .isEqualTo("unresolved rate 10.0% vs 1.0% in the baseline: +9.0 points (95% +4.7 to +14.0)");
    assertThat(BaselineGatesTest.figure(verdicts.get(0), "baseline")).startsWith("snapshot "
        + FIXTURES.resolve("baseline-drifted.json.gz") + " (recorded at 2026-11-20T12:00:00Z");
    assertThat(verdicts.get(1).figure()).isEqualTo("sub_intent_type drift 15.0% (total variation distance)");
    assertThat(BaselineGatesTest.figure(verdicts.get(1), "new sub_intent_types")).isEqualTo("PAYMENT");
    assertThat(BaselineGatesTest.figure(verdicts.get(1), "vanished sub_intent_types")).isEqualTo("CANCEL_ORDER");
    assertThat(verdicts.get(2).reason()).startsWith("'zurücksenden' routed to RETURN_REQUEST in 50.0% of 40"
        + " now vs 100.0% of 40 in the baseline");
    assertThat(summary.exitCode()).isEqualTo(Summary.BREACHED);
  }

  @Test void aBaselineWindowAndANamedSnapshotCompareTheSameWay() {
    Dataset current = DatasetFile.read(FIXTURES.resolve("current.json.gz"));
    List<Session> both = new ArrayList<>(current.sessions());
    both.addAll(DatasetFile.read(FIXTURES.resolve("baseline-drifted.json.gz")).sessions());
    Path twoWeeks = tmp.resolve("two-weeks.json.gz");
    DatasetFile.write(new Dataset(current.recordedAt(), null, "fixture", null, both), twoWeeks);

    Summary summary = run("window", twoWeeks, tmp.resolve("no-blessed-baseline.json.gz"));

    assertThat(summary.lines()).extracting(Summary.Line::gate, Summary.Line::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("the unresolved rate has not risen by more than 2% points over the baseline", Outcome.BREACHED),
        org.assertj.core.groups.Tuple.tuple("the sub_intent_type distribution has not drifted more than 10% from the baseline, noise included", Outcome.BREACHED),
        org.assertj.core.groups.Tuple.tuple("trigger phrases route to these sub_intent_types:", Outcome.PASSED),
        org.assertj.core.groups.Tuple.tuple("routing accuracy per trigger phrase has not dropped below the baseline", Outcome.PASSED));
    assertThat(verdicts().get(0).figure())
        .isEqualTo("unresolved rate 10.0% vs 1.0% in the baseline: +9.0 points (95% +4.7 to +14.0)");
    assertThat(BaselineGatesTest.figure(verdicts().get(0), "baseline"))
        .startsWith("window 2026-11-13T00:00:00.000Z .. 2026-11-19T23:59:59.999Z of the snapshot");
  }

  @Test void aMissingBlessedBaselineCannotJudge() {
    Summary summary = run("features", FIXTURES.resolve("current.json.gz"), tmp.resolve("never-blessed.json.gz"));

    assertThat(summary.lines()).extracting(Summary.Line::outcome).containsOnly(Outcome.CONFIGURATION_ERROR);
    assertThat(summary.lines().get(0).detail()).startsWith("no baseline snapshot at "
        + tmp.resolve("never-blessed.json.gz").toAbsolutePath() + ": record one");
    assertThat(summary.exitCode()).isEqualTo(Summary.NOT_JUDGED);
  }

  @Test void anEmptyBlessedBaselineAsksForAProperSnapshotNotAWiderWindow() {
    Summary summary = run("features", FIXTURES.resolve("current.json.gz"), firstOfSameBaseline(0));

    assertThat(summary.lines()).extracting(Summary.Line::outcome).containsOnly(Outcome.INSUFFICIENT_DATA);
    assertThat(verdicts()).hasSize(3).allSatisfy(v -> assertThat(v.reason()).startsWith("in the baseline (snapshot ")
        .contains("no sessions to judge").contains("bless a snapshot that holds them").doesNotContain("widen"));
  }

  @Test void aBlessedBaselineUnderTheMinimumSampleAsksForAProperSnapshot() {
    Summary summary = run("features", FIXTURES.resolve("current.json.gz"), firstOfSameBaseline(10));

    assertThat(summary.lines().get(0).outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(verdicts().get(0).reason()).startsWith("in the baseline (snapshot ")
        .contains("only 10 completed sessions, fewer than the minimum sample of 30")
        .contains("bless a snapshot with at least the minimum sample").doesNotContain("widen");
  }

  /** A blessed baseline of the first {@code n} sessions of the fixture without drift. */
  private Path firstOfSameBaseline(int n) {
    Dataset same = DatasetFile.read(FIXTURES.resolve("baseline-same.json.gz"));
    Path file = tmp.resolve("baseline-" + n + ".json.gz");
    DatasetFile.write(new Dataset(same.recordedAt(), same.window(), same.source(), n, same.sessions().subList(0, n)), file);
    return file;
  }

  private Summary run(String features, Path data, Path baseline) {
    Map<String, String> env = new HashMap<>(Map.of("KONVO_DATA", data.toString(),
        "KONVO_REPORTS", tmp.resolve("reports").toString(), "KONVO_BASELINE", baseline.toString()));
    Settings settings = Settings.load(env, new Properties());
    PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    GateRunner.Ran ran = GateRunner.execute(settings, new GateRunner.Options(FIXTURES.resolve(features), null, false), CLOCK, console);
    lastRun = ran.scenarios();
    return ran.summary();
  }

  /** How each scenario of the last run ended. */
  private static List<ScenarioResult> lastRun = List.of();

  private static List<Verdict> verdicts() {
    return lastRun.stream().map(ScenarioResult::verdicts).flatMap(List::stream).toList();
  }
}
