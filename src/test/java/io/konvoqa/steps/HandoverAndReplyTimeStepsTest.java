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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handover and reply-time steps, as real Cucumber scenarios of one feature file. */
class HandoverAndReplyTimeStepsTest {
  @TempDir static Path dir;
  static Map<String, ScenarioResult> results;

  /**
   * This week: 40 email sessions asking for a human, 30 of them handed over, each answered after 2
   * minutes; 60 whatsapp sessions, 3 handed over, answered after 3 seconds. The week before: 100
   * sessions, 5 handed over.
   */
  static List<Session> sessions() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      TestSessions s = session("email-" + i).channel("email").customer("I want to talk to a human")
          .ai("Let me see.", Duration.ofMinutes(2));
      if (i < 30) s.agent("Hi, Sam from support here.");
      sessions.add(s.build());
    }
    for (int i = 0; i < 60; i++) {
      TestSessions s = session("whatsapp-" + i).channel("whatsapp").customer("where is my order?")
          .ai("It ships today.", Duration.ofSeconds(3)).customer("thanks").ai("You're welcome.", Duration.ofSeconds(2));
      if (i < 3) s.agent("Hi, Sam here.");
      sessions.add(s.build());
    }
    for (int i = 0; i < 100; i++) {
      TestSessions s = session("before-" + i).channel("whatsapp").createdAgo(Duration.ofDays(10))
          .customer("where is my order?").ai("It ships today.");
      if (i < 5) s.agent("Hi, Sam here.");
      sessions.add(s.build());
    }
    return sessions;
  }

  static final String FEATURE = """
      Feature: Handovers and the time of every AI reply

        Background:
          Given the sessions updated in the last 7 days
          And at least 30 sessions are needed

        Scenario: asks for a human
          Given only sessions whose first customer message contains "/human|agent/"
          Then at least 90% of sessions are handed over to a human agent
        Scenario: handover per channel
          Then the handover rate on each channel is at most 10%
        Scenario: handover rise
          Given the baseline window from "2026-11-13" to "2026-11-19"
          Then the handover rate has not risen by more than 2% points over the baseline
        Scenario: median
          Then the median AI reply time is at most 5 seconds
        Scenario: median on email
          Given only sessions on channel "email"
          Then the median AI reply time is at most 5 seconds
        Scenario: within
          Then 95% of AI replies are sent within 30 seconds
        Scenario: median per channel
          Then the median AI reply time on each channel is at most 5 seconds
        Scenario: within per channel
          Then 95% of AI replies on each channel are sent within 30 seconds
      """;

  @BeforeAll static void run() {
    results = new GateRunFixture(dir).sessions(sessions()).run(FEATURE).stream()
        .collect(Collectors.toMap(ScenarioResult::name, r -> r));
  }

  private static Verdict verdict(String scenario) {
    ScenarioResult r = results.get(scenario);
    assertThat(r.verdicts()).as(scenario + ": " + r.error()).hasSize(1);
    return r.verdicts().get(0);
  }

  @Test void everyScenarioRan() {
    assertThat(results).hasSize(8);
  }

  @Test void sessionsAskingForAHumanMustBeHandedOver() {
    Verdict v = verdict("asks for a human");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.gate()).isEqualTo("at least 90% of sessions are handed over to a human agent");
    assertThat(v.figure()).isEqualTo("handover rate 75.0% of 40 sessions");
    assertThat(v.offenders()).hasSize(10).allSatisfy(o -> assertThat(o.reason()).isEqualTo("not handed over to a human agent"));
    assertThat(results.get("asks for a human").status()).isEqualTo(ScenarioResult.Status.FAILED);
  }

  @Test void theHandoverRateIsJudgedOnEachChannel() {
    Verdict v = verdict("handover per channel");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("handover rate above 10% on 1 of 2 channels: email 75.0% of 40");
    assertThat(v.segments()).extracting(s -> s.name() + "=" + s.outcome()).containsExactly("email=BREACHED", "whatsapp=PASSED");
  }

  @Test void theHandoverRateRoseOverTheBaseline() {
    Verdict v = verdict("handover rise");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).startsWith("handover rate 33.0% vs 5.0% in the baseline");
    assertThat(v.offenders()).hasSize(33);
  }

  @Test void theMedianReplyTimeCountsEveryReply() {
    Verdict all = verdict("median");
    assertThat(all.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(all.figure()).isEqualTo("median AI reply time 3.0 s of 160 AI replies");
    Verdict email = verdict("median on email");
    assertThat(email.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(email.offenders()).hasSize(40).first().satisfies(o -> assertThat(o.reason())
        .isEqualTo("slowest AI reply after 2.0 min; 1 of 1 AI replies took longer than 5 seconds"));
  }

  @Test void theShareOfRepliesInTimeIsJudgedOverallAndPerChannel() {
    Verdict v = verdict("within");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).isEqualTo("75.0% of 160 AI replies were sent within 30 seconds");
    Verdict perChannel = verdict("within per channel");
    assertThat(perChannel.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(perChannel.reason()).isEqualTo("share of AI replies sent within 30 seconds below 95% on 1 of 2 channels:"
        + " email 0.0% of 40");
    Verdict median = verdict("median per channel");
    assertThat(median.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(median.figure()).isEqualTo("lowest: email 0.0% of 40, 1 breached");
  }
}
