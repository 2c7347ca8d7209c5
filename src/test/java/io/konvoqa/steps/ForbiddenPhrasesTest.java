package io.konvoqa.steps;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table of forbidden phrases: /regex/ rows, a header row, one column, and which phrase each offender matched. */
class ForbiddenPhrasesTest {
  @TempDir Path dir;

  static List<Session> sessions() {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("ok", 40));
    sessions.add(session("zalando").customer("hi").ai("Try Zalando instead.").build());
    sessions.add(session("zalandoo").customer("hi").ai("Zalandoo is our new brand.").build());
    sessions.add(session("header").customer("hi").ai("That forbidden phrase is fine.").build());
    sessions.add(session("amazon").customer("hi").ai("Amazon has it cheaper.").build());
    return sessions;
  }

  @Test void regexRowsAreRegexesAHeaderIsSkippedAndEachOffenderNamesItsPhrase() {
    List<ScenarioResult> results = run("""
        Then no AI reply contains any of these phrases:
          | forbidden phrase |
          | amazon           |
          | /\\bzalando\\b/   |
        """);

    Verdict v = results.get(0).verdicts().get(0);
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.offenders()).extracting(o -> o.sessionId() + ": " + o.reason()).containsExactlyInAnyOrder(
        "amazon: AI reply contains 'amazon': \"Amazon has it cheaper.\"",
        "zalando: AI reply matches /\\bzalando\\b/: \"Try Zalando instead.\"");
    assertThat(v.reason()).isEqualTo("2 of 44 sessions have an AI reply that contains a forbidden phrase ('amazon', '/\\bzalando\\b/')");
  }

  @Test void aTableWithMoreThanOneColumnIsRefusedSayingHowToWriteIt() {
    List<ScenarioResult> results = run("""
        Then no AI reply contains any of these phrases:
          | phrase  | why        |
          | Zalando | competitor |
        """);

    assertThat(results.get(0).status()).isEqualTo(ScenarioResult.Status.FAILED);
    assertThat(results.get(0).error()).contains("the list of forbidden phrases has one phrase per row, in one column,"
        + " but row 1 has 2 cells: [phrase, why]");
  }

  @Test void aHeaderAloneIsAnEmptyList() {
    List<ScenarioResult> results = run("""
        Then no AI reply contains any of these phrases:
          | Phrases |
        """);

    assertThat(results.get(0).error()).contains("the list of forbidden phrases is empty: add one phrase per row");
  }

  private List<ScenarioResult> run(String step) {
    return new GateRunFixture(dir).sessions(sessions()).run("""
        Feature: forbidden phrases
          Scenario: the table
            Given the sessions updated in the last 7 days
        """ + step.indent(4));
  }
}
