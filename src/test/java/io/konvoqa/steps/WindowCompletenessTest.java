package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Completeness;
import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.RunReport;
import io.konvoqa.run.RunContext;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.OnePageApi;
import io.konvoqa.testing.TestSessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample a gate judges carries how complete its window was, built from the real fetch; every
 * verdict over the window names the shortfall in its figures, and the run's summary names it too.
 */
class WindowCompletenessTest {
  static final String KEY = "secret-key-0815";
  static final Window WEEK = new Window(TestSessions.NOW.minus(Duration.ofDays(7)), TestSessions.NOW);
  static final String FEATURE = """
      Feature: one gate
        Scenario: replies
          Given the sessions updated in the last 7 days
          Then no AI reply contains "Zalando"
      """;
  @TempDir Path dir;

  private Completeness completenessOfTheWeek(String baseUrl) {
    Settings settings = Settings.load(Map.of("KONVO_API_KEY", KEY, "KONVO_BASE_URL", baseUrl,
        "KONVO_REPORTS", dir.resolve("reports").toString()), new Properties());
    try (RunContext context = RunContext.builder().settings(settings)
        .clock(Clock.fixed(TestSessions.NOW, ZoneOffset.UTC)).console(new PrintStream(new ByteArrayOutputStream())).build()) {
      ScenarioSessions sessions = new ScenarioSessions(context);
      sessions.window(WEEK);
      return sessions.sample().completeness();
    }
  }

  private static List<Session> fortyAndOneUndated() {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 40));
    Session offender = TestSessions.session("undated").customer("shoes?").ai("Try Zalando instead").build();
    sessions.add(new Session(offender.id(), "ws", "feed", null, null, "webchat", null, null, offender.state(),
        offender.messages()));
    return sessions;
  }

  private Verdict onlyVerdict(List<ScenarioResult> results) {
    assertThat(results).hasSize(1);
    assertThat(results.get(0).verdicts()).hasSize(1);
    return results.get(0).verdicts().get(0);
  }

  @Test void aWindowServedShortOfItsCountIsUncertainByTheSessionsNotServed() {
    try (KonvoSimulator simulator = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 200)))) {
      simulator.faults().countLie(100);

      assertThat(completenessOfTheWeek(simulator.url()))
          .isEqualTo(new Completeness(100, "100 of 300 sessions in the window were not served"));
    }
  }

  @Test void aWholeWindowIsWhole() {
    try (KonvoSimulator simulator = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 200)))) {
      assertThat(completenessOfTheWeek(simulator.url())).isEqualTo(Completeness.WHOLE);
    }
  }

  @Test void aSessionWithoutTimestampsMakesTheWindowUncertain() {
    try (OnePageApi api = new OnePageApi(fortyAndOneUndated(), 41)) {
      assertThat(completenessOfTheWeek(api.url()))
          .isEqualTo(new Completeness(1, "1 session had no timestamp to place it in the window"));
    }
  }

  @Test void withoutACountTheWindowIsJudgedButSaysItsCompletenessWasNotChecked() {
    try (OnePageApi api = new OnePageApi(TestSessions.healthy("s", 40), null)) {
      assertThat(completenessOfTheWeek(api.url()))
          .isEqualTo(new Completeness(0, "completeness could not be checked: the API sent no count"));
    }
  }

  @Test void everyVerdictAndTheSummaryNameTheUndatedSession() throws IOException {
    try (OnePageApi api = new OnePageApi(fortyAndOneUndated(), 41)) {
      GateRunFixture fixture = new GateRunFixture(dir).set("KONVO_API_KEY", KEY).set("KONVO_BASE_URL", api.url());

      Verdict verdict = onlyVerdict(fixture.run(FEATURE));

      assertThat(verdict.figures()).contains(
          new Figure("completeness", "1 session had no timestamp to place it in the window"));
      assertThat(Files.readString(RunReport.summaryFile(fixture.reports())).lines().findFirst().orElseThrow())
          .endsWith("(1 session had no timestamp to place it in the window)");
      assertThat(fixture.console()).contains("konvo-qa: warning: the window " + WEEK + " may be incomplete:"
          + " 1 session had no timestamp to place it in the window; every gate over it says so");
    }
  }

  @Test void everyVerdictNamesAWindowWithoutACount() {
    try (OnePageApi api = new OnePageApi(TestSessions.healthy("s", 40), null)) {
      GateRunFixture fixture = new GateRunFixture(dir).set("KONVO_API_KEY", KEY).set("KONVO_BASE_URL", api.url());

      assertThat(onlyVerdict(fixture.run(FEATURE)).figures())
          .contains(new Figure("completeness", "completeness could not be checked: the API sent no count"));
    }
  }
}
