package io.konvoqa.steps;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step, as a real Cucumber scenario over a healthy dataset served by the simulator: each
 * gate passes, with its key figure.
 */
class StepsPassTest {
  @TempDir static Path dir;
  static Map<String, Verdict> verdicts;
  static List<ScenarioResult> results;

  /** 40 sessions: 20 order questions on whatsapp, 20 returns on email, one unresolved of each. */
  static List<Session> healthy() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      var order = session("order-" + i).channel("whatsapp").subIntentType("ORDER_STATUS")
          .customer("Hi, where is my order #" + (1000 + i) + "?").ai("Your order ships today.")
          .customer("Thanks!").ai("You're welcome.");
      var ret = session("return-" + i).channel("email").subIntentType("RETURN_REQUEST")
          .customer("I want to return my shoes").ai("Here is your return label.");
      if (i == 0) {
        order.unresolved();
        ret.unresolved();
      }
      sessions.add(order.build());
      sessions.add(ret.build());
    }
    return sessions;
  }

  static final String FEATURE = """
      Feature: Every step passes on healthy data

        Background:
          Given the sessions updated in the last 7 days

        Scenario: point
          Then the unresolved rate is at most 15%
        Scenario: confidence
          Then the unresolved rate is at most 25% with 95% confidence
        Scenario: tolerant
          Then the unresolved rate is not significantly above 10%
        Scenario: per channel
          Given at least 10 sessions are needed
          Then the unresolved rate on each channel is at most 15%
        Scenario: per channel, tolerant
          Given at least 10 sessions are needed
          Then the unresolved rate on each channel is not significantly above 15%
        Scenario: per sub_intent_type
          Given at least 10 sessions are needed
          Then the unresolved rate for each sub_intent_type is at most 15%
        Scenario: handover
          Then at most 10% of sessions are handed over to a human agent
        Scenario: share
          Then at most 60% of sessions have sub_intent_type "ORDER_STATUS"
        Scenario: routing always
          Given at least 10 sessions are needed
          Then sessions whose first customer message contains "where is my order" have sub_intent_type "ORDER_STATUS"
        Scenario: routing mostly
          Given at least 10 sessions are needed
          Then sessions whose first customer message contains "/return (my|the)/" have sub_intent_type "RETURN_REQUEST" in at least 90% of cases
        Scenario: routing table
          Given at least 10 sessions are needed
          Then trigger phrases route to these sub_intent_types:
            | trigger phrase    | sub_intent_type | at least |
            | where is my order | ORDER_STATUS    |          |
            | I want to return  | RETURN_REQUEST  | 95%      |
        Scenario: forbidden text
          Then no AI reply contains "as an AI language model"
        Scenario: forbidden regex
          Then no AI reply matches "guarantee(d)?"
        Scenario: forbidden list
          Then no AI reply contains any of these phrases:
            | Amazon  |
            | Zalando |
        Scenario: required text
          Given at least 10 sessions are needed
          Then at least 90% of sessions with sub_intent_type "RETURN_REQUEST" have an AI reply containing "return label"
        Scenario: answered
          Then every session with a customer message has an AI reply
        Scenario: loops
          Then no AI reply is sent twice in a row in the same session
        Scenario: speed
          Then the AI answers the first customer message within 30 seconds in at least 95% of sessions
        Scenario: length
          Then no session has more than 3 customer messages
        Scenario: channel filter
          Given only sessions on channel "WhatsApp"
          And at least 10 sessions are needed
          Then the unresolved rate is at most 5%
        Scenario: completed, older, sub_intent_type and first message filters
          Given only completed sessions
          And only sessions older than 1 hour
          And only sessions with sub_intent_type "RETURN_REQUEST"
          And only sessions whose first customer message contains "shoes"
          And at least 20 sessions are needed
          Then the unresolved rate is at most 5%
        Scenario: explicit window
          Given the sessions updated between "2026-11-20" and "2026-11-27T12:00:00Z"
          Then the unresolved rate is at most 15%
      """;

  @BeforeAll static void run() {
    GateRunFixture fixture = new GateRunFixture(dir).sessions(healthy());
    results = fixture.run(FEATURE);
    verdicts = results.stream().filter(r -> r.verdicts().size() == 1)
        .collect(Collectors.toMap(ScenarioResult::name, r -> r.verdicts().get(0)));
  }

  @Test void everyScenarioPassedWithOneVerdict() {
    assertThat(results).hasSize(22);
    assertThat(results).allSatisfy(r -> {
      assertThat(r.status()).as(r.name() + ": " + r.error() + " " + r.verdicts()).isEqualTo(ScenarioResult.Status.PASSED);
      assertThat(r.verdicts()).hasSize(1);
      assertThat(r.verdicts().get(0).outcome()).isEqualTo(Outcome.PASSED);
    });
  }

  @Test void rateGatesReportTheirFigures() {
    assertThat(verdicts.get("point").figure()).isEqualTo("unresolved rate 5.0% of 40 completed sessions");
    assertThat(verdicts.get("confidence").figures()).anySatisfy(f ->
        assertThat(f.value()).isEqualTo("two-sided Wilson upper bound at 95%: 16.5%"));
    assertThat(verdicts.get("tolerant").figures()).anySatisfy(f ->
        assertThat(f.value()).isEqualTo("two-sided Wilson 95% lower bound: 1.4%"));
    assertThat(verdicts.get("per channel").figure()).isEqualTo("highest: email 5.0% of 20");
    assertThat(verdicts.get("per channel, tolerant").reason()).isEqualTo("unresolved rate not significantly above 15%"
        + " on every channel judged (2 of 2)");
    assertThat(verdicts.get("per sub_intent_type").figure()).isEqualTo("highest: ORDER_STATUS 5.0% of 20");
    assertThat(verdicts.get("handover").figure()).isEqualTo("handover rate 0.0% of 40 sessions");
    assertThat(verdicts.get("share").figure())
        .isEqualTo("share with sub_intent_type ORDER_STATUS 50.0% of 40 sessions");
  }

  @Test void routingGatesReportTheirFigures() {
    assertThat(verdicts.get("routing always").figure()).isEqualTo("1 of 1 trigger phrases routed as expected");
    assertThat(verdicts.get("routing mostly").figures().get(0).value()).startsWith("100.0% of 20 routed to RETURN_REQUEST");
    Verdict table = verdicts.get("routing table");
    assertThat(table.confusion().phrases()).containsExactly("where is my order", "I want to return");
    assertThat(table.confusion().actuals()).containsExactly("ORDER_STATUS", "RETURN_REQUEST");
    assertThat(table.confusion().counts()).isEqualTo(new long[][] {{20, 0}, {0, 20}});
  }

  @Test void replyGatesReportTheirFigures() {
    assertThat(verdicts.get("forbidden text").figure())
        .isEqualTo("0 of 40 sessions have an AI reply that contains 'as an AI language model'");
    assertThat(verdicts.get("required text").figure())
        .isEqualTo("100.0% of 20 sessions with sub_intent_type RETURN_REQUEST have an AI reply containing 'return label'");
    assertThat(verdicts.get("speed").figure())
        .isEqualTo("100.0% of 40 sessions with a customer message were answered within 30 seconds");
    assertThat(verdicts.get("length").figure()).isEqualTo("0 of 40 sessions have more than 3 customer messages");
  }

  @Test void filtersCombineAndShowTheirFunnel() {
    assertThat(verdicts.get("channel filter").figures()).anySatisfy(f ->
        assertThat(f.value()).isEqualTo("40 fetched, 20 on channel whatsapp"));
    assertThat(verdicts.get("completed, older, sub_intent_type and first message filters").figures())
        .anySatisfy(f -> assertThat(f.value()).isEqualTo("40 fetched, 40 completed, 40 older than 1 hour,"
            + " 20 with sub_intent_type RETURN_REQUEST, 20 whose first customer message contains 'shoes'"));
    assertThat(verdicts.get("explicit window").figure()).isEqualTo("unresolved rate 5.0% of 40 completed sessions");
  }
}
