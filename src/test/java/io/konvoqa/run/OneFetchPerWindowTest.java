package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.report.ScenarioResult;
import io.konvoqa.report.ScenarioResult.Status;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty scenarios over one window cost one fetch: the server sees exactly one paging of it. */
class OneFetchPerWindowTest {
  @TempDir Path dir;

  @Test void scenariosOverTheSameWindowShareOneFetch() {
    try (KonvoSimulator simulator = KonvoSimulator.start(
        Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 45)), 0, "secret-key")) {
      GateRunFixture fixture = new GateRunFixture(dir)
          .set("KONVO_API_KEY", "secret-key")
          .set("KONVO_BASE_URL", simulator.url())
          .set("KONVO_PAGE_SIZE", "10");
      List<ScenarioResult> results = fixture.run("""
          Feature: one window, several gates
            Background:
              Given the sessions updated between "2026-11-01" and "2026-11-30"
            Scenario: a
              Then the unresolved rate is at most 15%
            Scenario: b
              Then no AI reply contains "guarantee"
            Scenario: c
              Given only sessions on channel "webchat"
              Then every session with a customer message has an AI reply
            Scenario: another window
              Given the sessions updated between "2026-11-25" and "2026-11-30"
              Then the AI answers the first customer message within 30 seconds in at least 95% of sessions
          """);

      assertThat(results).extracting(ScenarioResult::status).containsOnly(Status.PASSED);
      Map<String, List<Integer>> pagesByWindow = simulator.requests().stream().collect(
          Collectors.groupingBy(r -> r.query().replaceAll("page=\\d+&?", ""),
              Collectors.mapping(KonvoSimulator.Request::page, Collectors.toList())));
      // the first window also asked for page 0, to find how pages are numbered; the second knew
      assertThat(pagesByWindow).hasSize(2);
      assertThat(pagesByWindow.values()).extracting(pages -> pages.stream().sorted().toList())
          .containsExactlyInAnyOrder(List.of(0, 1, 2, 3, 4, 5), List.of(1, 2, 3, 4, 5));
      // and the run log and the report's environment panel say so
      assertThat(fixture.console()).contains("pages numbered from 1 (the API answered page 0 with HTTP 400)");
      assertThat(environment(fixture)).contains("; pages numbered from 1 (the API answered page 0 with HTTP 400)")
          .contains("; pages numbered from 1 (found on an earlier window: the API answered page 0 with HTTP 400)");
    }
  }

  private static String environment(GateRunFixture fixture) {
    try {
      return java.nio.file.Files.readString(io.konvoqa.report.RunReport.results(fixture.reports())
          .resolve("environment.properties"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test void aWindowTheApiServedOnlyPartlyNamesItsShortfallInEveryVerdict() {
    try (KonvoSimulator simulator = KonvoSimulator.start(
        Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 45)), 0, "secret-key")) {
      simulator.faults().countLie(100);
      List<ScenarioResult> results = new GateRunFixture(dir)
          .set("KONVO_API_KEY", "secret-key")
          .set("KONVO_BASE_URL", simulator.url())
          .run("""
              Feature: partial window
                Background:
                  Given the sessions updated between "2026-11-01" and "2026-11-30"
                Scenario: a rate
                  Then the unresolved rate is at most 15%
                Scenario: zero tolerance
                  Then no AI reply contains "guarantee"
              """);
      assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.verdicts()).singleElement()
          .satisfies(verdict -> assertThat(verdict.figures()).contains(new io.konvoqa.gate.Figure(
              "completeness", "100 of 145 sessions in the window were not served"))));
    }
  }
}
