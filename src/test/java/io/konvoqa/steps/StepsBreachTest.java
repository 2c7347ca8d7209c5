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

/**
 * Every gate step, as a real Cucumber scenario over an unhealthy dataset: each is breached, with
 * its key figure and the sessions that offend.
 */
class StepsBreachTest {
  @TempDir static Path dir;
  static Map<String, Verdict> verdicts;
  static List<ScenarioResult> results;

  /**
   * 40 sessions. Orders (whatsapp): 10 of 20 routed to CONCIERGE, 10 answered after 2 minutes.
   * Returns (email): 15 of 20 without "return label". 20 unresolved, all on whatsapp; 10
   * handovers; and one each of: forbidden phrases, a loop, no AI reply, 5 customer messages.
   */
  static List<Session> unhealthy() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      TestSessions order = session("order-" + i).channel("whatsapp")
          .subIntentType(i < 10 ? "CONCIERGE" : "ORDER_STATUS").unresolved()
          .customer("Hi, where is my order #" + (1000 + i) + "?");
      order.ai("Your order ships today.", i < 10 ? Duration.ofMinutes(2) : Duration.ofSeconds(4));
      sessions.add(order.build());
      TestSessions ret = session("return-" + i).channel("email").subIntentType("RETURN_REQUEST")
          .customer("I want to return my shoes");
      if (i == 0) ret.ai("As an AI language model I guarantee a refund. Or try Amazon.");
      else if (i == 1) ret.ai("Please wait.").customer("Hello?").ai("please  wait.");
      else if (i == 2) ret.customer("anyone there?");
      else if (i == 3) ret.ai("Okay.").customer("a").customer("b").customer("c").customer("d");
      else ret.ai(i < 15 ? "Let me check." : "Here is your return label.");
      if (i >= 10) ret.agent("Hi, Sam from support here.");
      sessions.add(ret.build());
    }
    return sessions;
  }

  static final String FEATURE = """
      Feature: Every gate is breached on unhealthy data

        Background:
          Given the sessions updated in the last 7 days
          And at least 10 sessions are needed

        Scenario: point
          Then the unresolved rate is at most 15%
        Scenario: confidence
          Then the unresolved rate is at most 60% with 95% confidence
        Scenario: tolerant
          Then the unresolved rate is not significantly above 20%
        Scenario: per channel
          Then the unresolved rate on each channel is at most 15%
        Scenario: handover
          Then at most 10% of sessions are handed over to a human agent
        Scenario: share
          Then at most 20% of sessions have sub_intent_type "CONCIERGE"
        Scenario: routing always
          Then sessions whose first customer message contains "where is my order" have sub_intent_type "ORDER_STATUS"
        Scenario: routing mostly
          Then sessions whose first customer message contains "where is my order" have sub_intent_type "ORDER_STATUS" in at least 90% of cases
        Scenario: routing table
          Then trigger phrases route to these sub_intent_types:
            | trigger phrase    | sub_intent_type | at least |
            | where is my order | ORDER_STATUS    | 90%      |
            | I want to return  | RETURN_REQUEST  |          |
        Scenario: forbidden text
          Then no AI reply contains "as an AI language model"
        Scenario: forbidden regex
          Then no AI reply matches "/guarantee(d)?/"
        Scenario: forbidden list
          Then no AI reply contains any of these phrases:
            | Amazon  |
            | Zalando |
        Scenario: required text
          Then at least 50% of sessions with sub_intent_type "RETURN_REQUEST" have an AI reply containing "return label"
        Scenario: answered
          Then every session with a customer message has an AI reply
        Scenario: loops
          Then no AI reply is sent twice in a row in the same session
        Scenario: speed
          Then the AI answers the first customer message within 30 seconds in at least 95% of sessions
        Scenario: length
          Then no session has more than 3 customer messages
      """;

  @BeforeAll static void run() {
    results = new GateRunFixture(dir).sessions(unhealthy()).run(FEATURE);
    verdicts = results.stream().filter(r -> r.verdicts().size() == 1)
        .collect(Collectors.toMap(ScenarioResult::name, r -> r.verdicts().get(0)));
  }

  @Test void everyGateWasBreached() {
    assertThat(results).hasSize(17);
    assertThat(results).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(ScenarioResult.Status.FAILED);
      assertThat(r.verdicts()).as(r.name() + ": " + r.error()).hasSize(1);
      assertThat(r.verdicts().get(0).outcome()).as(r.name() + ": " + r.verdicts().get(0).reason())
          .isEqualTo(Outcome.BREACHED);
    });
  }

  @Test void rateGatesNameTheirFiguresAndOffenders() {
    Verdict point = verdicts.get("point");
    assertThat(point.figure()).isEqualTo("unresolved rate 50.0% of 40 completed sessions");
    assertThat(point.offenders()).hasSize(20).allSatisfy(o -> assertThat(o.reason()).isEqualTo("unresolved"));
    assertThat(verdicts.get("confidence").reason()).contains("is not at most 60% with 95% confidence: its Wilson 95%"
        + " interval 35.2% - 64.8% reaches above 60%");
    assertThat(verdicts.get("tolerant").figures()).anySatisfy(f ->
        assertThat(f.value()).isEqualTo("two-sided Wilson 95% lower bound: 35.2%"));
    Verdict perChannel = verdicts.get("per channel");
    assertThat(perChannel.reason()).isEqualTo("unresolved rate above 15% on 1 of 2 channels: whatsapp 100.0% of 20");
    assertThat(perChannel.segments()).extracting(s -> s.name() + "=" + s.outcome())
        .containsExactly("email=PASSED", "whatsapp=BREACHED");
    assertThat(verdicts.get("handover").figure()).isEqualTo("handover rate 25.0% of 40 sessions");
    assertThat(verdicts.get("share").offenders()).hasSize(10);
  }

  @Test void routingGatesListTheMisroutedSessions() {
    Verdict always = verdicts.get("routing always");
    assertThat(always.offenders()).hasSize(10).first().satisfies(o -> assertThat(o.reason())
        .isEqualTo("sub_intent_type CONCIERGE, expected ORDER_STATUS (first customer message contains 'where is my order')"));
    Verdict table = verdicts.get("routing table");
    assertThat(table.reason()).isEqualTo("'where is my order' routed to ORDER_STATUS in 50.0% of 20 sessions,"
        + " at least 90% required");
    assertThat(table.confusion().actuals()).containsExactly("CONCIERGE", "ORDER_STATUS", "RETURN_REQUEST");
    assertThat(table.confusion().counts()).isEqualTo(new long[][] {{10, 10, 0}, {0, 0, 20}});
  }

  @Test void replyGatesQuoteWhatTheAiSaid() {
    assertThat(verdicts.get("forbidden text").offenders()).singleElement().satisfies(o -> {
      assertThat(o.sessionId()).isEqualTo("return-0");
      assertThat(o.reason()).startsWith("AI reply contains 'as an AI language model': \"As an AI language model");
    });
    assertThat(verdicts.get("forbidden regex").offenders()).extracting(o -> o.sessionId()).containsExactly("return-0");
    assertThat(verdicts.get("forbidden list").offenders()).extracting(o -> o.sessionId()).containsExactly("return-0");
    assertThat(verdicts.get("required text").figure())
        .isEqualTo("25.0% of 20 sessions with sub_intent_type RETURN_REQUEST have an AI reply containing 'return label'");
    assertThat(verdicts.get("answered").offenders()).singleElement().satisfies(o ->
        assertThat(o.reason()).isEqualTo("2 customer message(s), no AI reply"));
    assertThat(verdicts.get("loops").offenders()).extracting(o -> o.sessionId()).containsExactly("return-1");
    Verdict speed = verdicts.get("speed");
    assertThat(speed.figure()).isEqualTo("72.5% of 40 sessions with a customer message were answered within 30 seconds");
    assertThat(speed.offenders()).hasSize(11)
        .anySatisfy(o -> assertThat(o.reason()).isEqualTo("first AI reply after 2.0 min, limit 30 seconds"))
        .anySatisfy(o -> assertThat(o.reason()).isEqualTo("no AI reply to the first customer message"));
    assertThat(verdicts.get("length").offenders()).singleElement().satisfies(o ->
        assertThat(o.reason()).isEqualTo("5 customer messages, at most 3"));
  }

  @Test void theSummaryCountsBreachesAndExitsWithOne() {
    GateRunFixture fixture = new GateRunFixture(dir.resolve("again")).sessions(unhealthy());
    fixture.run("""
        Feature: one
          Scenario: point
            Given the sessions updated in the last 7 days
            Then the unresolved rate is at most 15%
        """);
    assertThat(fixture.summary().exitCode()).isEqualTo(1);
  }
}
