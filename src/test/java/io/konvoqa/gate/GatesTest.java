package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gates as plain Java, without Cucumber: outcomes, figures, offenders, fail-closed rules. */
class GatesTest {
  private static Sample sample(List<Session> sessions, int minimum) {
    return Selection.all().apply(sessions, minimum, Role.parseMapping(null), TestSessions.NOW);
  }

  private static List<Session> withUnresolved(int resolved, int unresolved) {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("r", resolved));
    for (int i = 0; i < unresolved; i++) sessions.add(session("u" + i).unresolved().customer("hi").ai("hello").build());
    return sessions;
  }

  @Test void theUnresolvedRateAtTheLimitPasses() {
    Verdict v = OutcomeGates.unresolvedRate(sample(withUnresolved(85, 15), 30), RateClaim.atMost(0.15), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("unresolved rate 15.0% of 100 completed sessions");
    assertThat(v.offenders()).isEmpty();
  }

  @Test void theUnresolvedRateJustOverTheLimitIsBreached() {
    Verdict v = OutcomeGates.unresolvedRate(sample(withUnresolved(84, 16), 30), RateClaim.atMost(0.15), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.offenders()).hasSize(16);
    assertThat(v.reason()).isEqualTo("unresolved rate 16.0% of 100 completed sessions is not at most 15.0%"
        + " (Wilson 95%: 10.1% - 24.4%)");
  }

  @Test void confidenceIsStrictAndNotSignificantlyAboveIsTolerant() {
    Sample tenOfHundred = sample(withUnresolved(90, 10), 30);
    // Wilson 95% for 10/100: 5.5% - 17.4%
    assertThat(OutcomeGates.unresolvedRate(tenOfHundred, RateClaim.atMostWithConfidence(0.15, 0.95), "g").outcome())
        .isEqualTo(Outcome.BREACHED);
    assertThat(OutcomeGates.unresolvedRate(tenOfHundred, RateClaim.atMostWithConfidence(0.18, 0.95), "g").outcome())
        .isEqualTo(Outcome.PASSED);
    assertThat(OutcomeGates.unresolvedRate(tenOfHundred, RateClaim.notSignificantlyAbove(0.06), "g").outcome())
        .isEqualTo(Outcome.PASSED);
    assertThat(OutcomeGates.unresolvedRate(tenOfHundred, RateClaim.notSignificantlyAbove(0.05), "g").outcome())
        .isEqualTo(Outcome.BREACHED);
  }

  @Test void aBigHealthySegmentCannotAverageAwayABadOne() {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("ok", 300));
    for (int i = 0; i < 40; i++) {
      var s = session("wa" + i).channel("whatsapp").customer("hi").ai("hello");
      if (i < 12) s.unresolved();
      sessions.add(s.build());
    }
    sessions.add(session("ig").channel("instagram").customer("hi").ai("hello").build());
    Sample all = sample(sessions, 30);
    assertThat(OutcomeGates.unresolvedRate(all, RateClaim.atMost(0.15), "g").outcome()).isEqualTo(Outcome.PASSED);
    Verdict perChannel = OutcomeGates.unresolvedRatePerSegment(all, RateClaim.atMost(0.15), "channel", Session::channel, "g");
    assertThat(perChannel.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(perChannel.reason()).isEqualTo("over 15.0%: whatsapp 30.0% of 40; not judged: instagram (n=1)");
    assertThat(perChannel.offenders()).hasSize(12);
  }

  @Test void routingJudgesEachPhraseOnItsOwn() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 30; i++) sessions.add(session("o" + i).subIntentType("ORDER_STATUS").customer("where is my order?").ai("x").build());
    for (int i = 0; i < 10; i++) sessions.add(session("r" + i).subIntentType(i < 3 ? "CONCIERGE" : "REFUND").customer("I want a refund").ai("x").build());
    List<Route> routes = List.of(new Route(TriggerPhrase.parse("where is my order"), "ORDER_STATUS", 1.0),
        new Route(TriggerPhrase.parse("refund"), "REFUND", 0.8));
    Verdict v = RoutingGates.routes(sample(sessions, 30), routes, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("'refund' routed to REFUND in 70.0% of 10 sessions, at least 80.0% required");
    assertThat(v.offenders()).hasSize(3);
    assertThat(v.confusion().counts()).isEqualTo(new long[][] {{0, 30, 0}, {3, 0, 7}});
  }

  @Test void aGateNeverPassesOnZeroSessions() {
    Sample empty = sample(List.of(), 1);
    assertThat(List.of(
        OutcomeGates.unresolvedRate(empty, RateClaim.atMost(1.0), "g"),
        OutcomeGates.handedOver(empty, RateClaim.atMost(1.0), "g"),
        OutcomeGates.subIntentShare(empty, RateClaim.atMost(1.0), "X", "g"),
        OutcomeGates.unresolvedRatePerSegment(empty, RateClaim.atMost(1.0), "channel", Session::channel, "g"),
        RoutingGates.routes(empty, List.of(new Route(TriggerPhrase.parse("x"), "X", 0)), "g"),
        ReplyGates.noAiReply(empty, List.of(TriggerPhrase.text("x")), "contains x", "g"),
        ReplyGates.everyCustomerGetsAiReply(empty, "g"),
        ReplyGates.noRepeatedAiReply(empty, "g"),
        ReplyGates.firstReplyWithin(empty, java.time.Duration.ofMinutes(1), 0, "g"),
        ReplyGates.maxCustomerMessages(empty, 100, "g"),
        ReplyGates.aiReplyContaining(empty, "X", "x", 0, "g")))
        .allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA));
  }

  @Test void aCustomRoleMappingIsHonoured() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      sessions.add(session("s" + i).message("USER", "hello", java.time.Duration.ofSeconds(1))
          .message("BOT", "hi there", java.time.Duration.ofSeconds(2)).build());
    }
    Map<String, Role> roles = Role.parseMapping("USER=customer, BOT=ai");
    Sample custom = Selection.all().apply(sessions, 30, roles, TestSessions.NOW);
    assertThat(ReplyGates.everyCustomerGetsAiReply(custom, "g").outcome()).isEqualTo(Outcome.PASSED);
    assertThat(ReplyGates.everyCustomerGetsAiReply(sample(sessions, 30), "g").outcome())
        .as("with the default mapping nobody is a customer").isEqualTo(Outcome.INSUFFICIENT_DATA);
  }
}
