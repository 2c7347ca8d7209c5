package io.konvoqa.steps;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Outcome;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fail closed: missing data, too few sessions and bad feature text never pass, and say why. */
class StepsCannotJudgeTest {
  @TempDir Path dir;

  private ScenarioResult only(List<Session> sessions, String steps) {
    List<ScenarioResult> results = new GateRunFixture(dir).sessions(sessions)
        .run("Feature: f\n  Scenario: s\n" + steps.indent(4));
    assertThat(results).hasSize(1);
    assertThat(results.get(0).status()).isEqualTo(ScenarioResult.Status.FAILED);
    return results.get(0);
  }

  private static void hasOutcome(ScenarioResult result, Outcome outcome, String reason) {
    assertThat(result.verdicts()).singleElement().satisfies(v -> {
      assertThat(v.outcome()).isEqualTo(outcome);
      assertThat(v.reason()).contains(reason);
    });
  }

  @Test void zeroSessionsCannotBeJudged() {
    ScenarioResult r = only(List.of(), """
        Given the sessions updated in the last 7 days
        Then the unresolved rate is at most 15%""");
    hasOutcome(r, Outcome.INSUFFICIENT_DATA, "no sessions to judge (0 fetched)");
  }

  @Test void fewerThanTheMinimumSampleCannotBeJudged() {
    ScenarioResult r = only(TestSessions.healthy("s", 10), """
        Given the sessions updated in the last 7 days
        Then no AI reply contains "guarantee\"""");
    hasOutcome(r, Outcome.INSUFFICIENT_DATA, "only 10 sessions, fewer than the minimum sample of 30");
  }

  @Test void theMinimumSampleCanBeSetInSettings() {
    List<ScenarioResult> results = new GateRunFixture(dir).set("KONVO_MIN_SAMPLE", "50")
        .sessions(TestSessions.healthy("s", 40)).run("""
            Feature: f
              Scenario: s
                Given the sessions updated in the last 7 days
                Then the unresolved rate is at most 15%
            """);
    hasOutcome(results.get(0), Outcome.INSUFFICIENT_DATA, "only 40 completed sessions, fewer than the minimum sample of 50");
  }

  @Test void openSessionsAreLeftOutOfTheUnresolvedRateAndCounted() {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 30));
    for (int i = 0; i < 5; i++) sessions.add(session("open" + i).open().customer("hi").build());
    List<ScenarioResult> results = new GateRunFixture(dir).sessions(sessions).run("""
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Then the unresolved rate is at most 15%
        """);
    assertThat(results.get(0).verdicts().get(0).figures()).anySatisfy(f -> {
      assertThat(f.name()).isEqualTo("open sessions left out");
      assertThat(f.value()).isEqualTo("5");
    });
  }

  @Test void sessionsWithoutStatusCannotBeJudgedOnOutcome() {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 40));
    sessions.set(3, session("nostatus").withoutStatus().customer("hi").ai("hello").build());
    ScenarioResult r = only(sessions, """
        Given the sessions updated in the last 7 days
        Then the unresolved rate is at most 15%""");
    hasOutcome(r, Outcome.DATA_UNAVAILABLE, "1 of 40 sessions came without a status (completed, unresolved) (e.g. nostatus)");
  }

  @Test void sessionsWithoutMessagesCannotBeJudgedOnReplies() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) sessions.add(session("s" + i).withoutMessages().build());
    ScenarioResult r = only(sessions, """
        Given the sessions updated in the last 7 days
        Then every session with a customer message has an AI reply""");
    hasOutcome(r, Outcome.DATA_UNAVAILABLE, "40 of 40 sessions came without messages");
  }

  @Test void aTriggerPhraseThatMatchedNothingCannotJudgeRouting() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then trigger phrases route to these sub_intent_types:
          | trigger phrase    | sub_intent_type |
          | where is my order | ORDER_STATUS    |
          | gift wrapping     | CONCIERGE       |""");
    hasOutcome(r, Outcome.INSUFFICIENT_DATA, "no session matched 'gift wrapping': cannot judge routing");
  }

  @Test void aMisspeltChannelIsAConfigurationErrorWithTheFix() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        And only sessions on channel "webchta"
        Then the unresolved rate is at most 15%""");
    hasOutcome(r, Outcome.CONFIGURATION_ERROR, "no session has channel 'webchta', but some have 'webchat': did you mean 'webchat'?");
  }

  @Test void aMisspeltSubIntentTypeIsAConfigurationError() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then sessions whose first customer message contains "order" have sub_intent_type "ORDER_STATSU\"""");
    hasOutcome(r, Outcome.CONFIGURATION_ERROR, "did you mean 'ORDER_STATUS'?");
  }

  @Test void aPercentWrittenInWordsSaysHowToWriteIt() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then the unresolved rate is at most 15 percent""");
    assertThat(r.verdicts()).isEmpty();
    assertThat(r.failedStep()).isEqualTo("Then the unresolved rate is at most 15 percent");
    assertThat(r.error()).contains("'15 percent' is not a percentage: write it like 15% or 12.5%");
  }

  @Test void aBadDurationSaysHowToWriteIt() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 fortnights
        Then the unresolved rate is at most 15%""");
    assertThat(r.error()).contains("'7 fortnights' is not a duration: write it like 90 seconds, 10 minutes, 24 hours or 7 days");
  }

  @Test void aWindowThatEndsBeforeItStartsSaysToSwap() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated between "2026-11-27" and "2026-11-20"
        Then the unresolved rate is at most 15%""");
    assertThat(r.failedStep()).startsWith("Given the sessions updated between");
    assertThat(r.error()).contains("before it starts").contains("swap the two dates");
  }

  @Test void aBadRegularExpressionSaysWhatIsWrong() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then no AI reply matches "/refund (now/\"""");
    assertThat(r.failedStep()).isEqualTo("Then no AI reply matches \"/refund (now/\"");
    assertThat(r.error()).startsWith("'/refund (now/' is not a valid regular expression (Unclosed group");
  }

  @Test void aStepWithoutAWindowSaysHowToStart() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), "Then the unresolved rate is at most 15%");
    hasOutcome(r, Outcome.CONFIGURATION_ERROR, "no window chosen");
  }

  @Test void anUndefinedStepNamesTheClosestExistingOne() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then the unresolved rate is at most 15% for every channel""");
    assertThat(r.error()).startsWith("undefined step: no gate reads 'the unresolved rate is at most 15% for every channel'")
        .contains("the closest existing steps are 'the unresolved rate on each channel is at most {percent}'"
            + " and 'the unresolved rate is at most {percent}'");
  }

  @Test void anUndefinedHandoverRateSuggestsTheHandoverStep() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then the handover rate is at most 10%""");
    assertThat(r.error()).isEqualTo("undefined step: no gate reads 'the handover rate is at most 10%'"
        + "; the closest existing steps are 'at most {percent} of sessions are handed over to a human agent'"
        + " and 'the handover rate on each channel is at most {percent}' (docs/steps.md lists every step)");
  }

  @Test void shouldPhrasingIsRefusedWithTheExactRewrite() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then the unresolved rate should be at most 15%""");
    assertThat(r.error()).isEqualTo("undefined step: no gate reads 'the unresolved rate should be at most 15%'"
        + "; write 'Then the unresolved rate is at most 15%' (docs/steps.md lists every step)");
  }

  @Test void aPercentWithASpaceSaysHowToWriteIt() {
    ScenarioResult r = only(TestSessions.healthy("s", 40), """
        Given the sessions updated in the last 7 days
        Then the unresolved rate is at most 15 %""");
    assertThat(r.failedStep()).isEqualTo("Then the unresolved rate is at most 15 %");
    assertThat(r.error()).contains("'15 %' is not a percentage: write it like 15% or 12.5%")
        .doesNotContain("closest");
  }

  @Test void aDataFileThatIsNotThereIsAConfigurationError() {
    GateRunFixture fixture = new GateRunFixture(dir).set("KONVO_DATA", dir.resolve("missing.json").toString());
    List<ScenarioResult> results = fixture.run("""
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Then the unresolved rate is at most 15%
        """);
    assertThat(results.get(0).error()).contains("no dataset file at").contains("check KONVO_DATA");
    assertThat(fixture.summary().exitCode()).isEqualTo(2);
  }
}
