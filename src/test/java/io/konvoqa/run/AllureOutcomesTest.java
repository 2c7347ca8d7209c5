package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.konvoqa.gate.Outcome;
import io.konvoqa.report.RunReport;
import io.konvoqa.report.Summary;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allure tells a breach from a gate that could not judge: a breach is "failed" (red), a gate that
 * could not judge is "broken" (yellow), whatever the exception behind it; the summary and exit code
 * come from the verdicts, as before.
 */
class AllureOutcomesTest {
  @TempDir Path dir;

  @Test void aBreachFailsAndAGateThatCouldNotJudgeIsBroken() throws IOException {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 40));
    sessions.add(TestSessions.session("offender").customer("shoes?").ai("Try Zalando instead").build());
    GateRunFixture fixture = new GateRunFixture(dir).sessions(sessions);
    fixture.run("""
        Feature: outcomes
          Scenario: passes
            Given the sessions updated in the last 7 days
            Then every session with a customer message has an AI reply
          Scenario: breached
            Given the sessions updated in the last 7 days
            Then no AI reply contains "Zalando"
          Scenario: not judged
            Given the sessions updated in the last 7 days
            And only sessions on channel "carrier-pigeon"
            Then the unresolved rate is at most 15%
          Scenario: undefined
            Given the sessions updated in the last 7 days
            Then the unresolved rate is at mostest 15%
        """);

    assertThat(statuses(fixture.reports())).containsOnly(Map.entry("passes", "passed"),
        Map.entry("breached", "failed"), Map.entry("not judged", "broken"), Map.entry("undefined", "none"));
    assertThat(fixture.summary().lines()).extracting(Summary.Line::outcome).containsExactly(
        Outcome.PASSED, Outcome.BREACHED, Outcome.INSUFFICIENT_DATA, Outcome.CONFIGURATION_ERROR);
    assertThat(fixture.summary().exitCode()).isEqualTo(Summary.BREACHED);
  }

  @Test void aGateThatCouldNotJudgeAloneIsBrokenAndExitsTwo() throws IOException {
    GateRunFixture fixture = new GateRunFixture(dir).sessions(TestSessions.healthy("s", 10));
    fixture.run("""
        Feature: outcomes
          Scenario: too few
            Given the sessions updated in the last 7 days
            Then no AI reply contains "guarantee"
        """);

    assertThat(statuses(fixture.reports())).containsOnly(Map.entry("too few", "broken"));
    assertThat(fixture.summary().exitCode()).isEqualTo(Summary.NOT_JUDGED);
    assertThat(fixture.console()).doesNotContain("AssertionError");
  }

  @Test void theCategoriesTakeAnUndefinedStepsScenarioIntoConfigurationError() throws IOException {
    GateRunFixture fixture = new GateRunFixture(dir).sessions(TestSessions.healthy("s", 40));
    fixture.run("""
        Feature: outcomes
          Scenario: undefined
            Then the unresolved rate is at mostest 15%
        """);

    // allure-cucumber7-jvm leaves an undefined step's scenario without status or message
    assertThat(Files.readString(RunReport.results(fixture.reports()).resolve("categories.json")))
        .contains("{\"name\": \"Configuration error\", \"matchedStatuses\": [\"unknown\"]}");
  }

  /** Each scenario's Allure status by its name; "none" when Allure wrote none. */
  private static Map<String, String> statuses(Path reports) throws IOException {
    var adapter = new Moshi.Builder().build().<Map<String, Object>>adapter(
        Types.newParameterizedType(Map.class, String.class, Object.class));
    Map<String, String> statuses = new HashMap<>();
    try (Stream<Path> files = Files.list(RunReport.results(reports))) {
      for (Path p : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        Map<String, Object> result = adapter.fromJson(Files.readString(p));
        statuses.put((String) result.get("name"), String.valueOf(result.getOrDefault("status", "none")));
      }
    }
    return statuses;
  }
}
