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
    assertThat(v.reason()).isEqualTo("unresolved rate 16.0% of 100 completed sessions is above 15%"
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
    assertThat(perChannel.reason()).isEqualTo("unresolved rate above 15% on 1 of 3 channels: whatsapp 30.0% of 40;"
        + " not judged (fewer than 30 completed sessions): instagram (n=1)");
    assertThat(perChannel.offenders()).hasSize(12);
  }

  @Test void routingJudgesEachPhraseOnItsOwn() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 30; i++) sessions.add(session("o" + i).subIntentType("ORDER_STATUS").customer("where is my order?").ai("x").build());
    for (int i = 0; i < 40; i++) sessions.add(session("r" + i).subIntentType(i < 12 ? "CONCIERGE" : "REFUND").customer("I want a refund").ai("x").build());
    List<Route> routes = List.of(new Route(TriggerPhrase.parse("where is my order"), "ORDER_STATUS", 1.0),
        new Route(TriggerPhrase.parse("refund"), "REFUND", 0.8));
    Verdict v = RoutingGates.routes(sample(sessions, 30), routes, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("'refund' routed to REFUND in 70.0% of 40 sessions, at least 80% required");
    assertThat(v.offenders()).hasSize(12);
    assertThat(v.confusion().counts()).isEqualTo(new long[][] {{0, 30, 0}, {12, 0, 28}});
  }

  @Test void aGateAboutAiRepliesNeverPassesWhenNoMessageIsFromTheAi() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sessions.add(session("s" + i).customer("hi").message("BOT", "As an AI language model I guarantee it", java.time.Duration.ofSeconds(2))
          .message("BOT", "As an AI language model I guarantee it", java.time.Duration.ofSeconds(2)).build());
    }
    Sample botOnly = sample(sessions, 30);
    assertThat(List.of(
        ReplyGates.noAiReply(botOnly, List.of(TriggerPhrase.text("language model")), "contains x", "g"),
        ReplyGates.noRepeatedAiReply(botOnly, "g"),
        ReplyGates.firstReplyWithin(botOnly, java.time.Duration.ofMinutes(1), 0.9, "g")))
        .allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE));
  }

  @Test void messagesAreJudgedInTheOrderTheyWereSent() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Session s = session("s" + i).customer("where is my order?").ai("It ships today.").build();
      List<io.konvoqa.session.Message> reversed = new ArrayList<>(s.messages());
      java.util.Collections.reverse(reversed);
      sessions.add(s.withMessages(reversed));
    }
    Verdict v = ReplyGates.firstReplyWithin(sample(sessions, 30), java.time.Duration.ofSeconds(30), 0.95, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("100.0% of 30 sessions with a customer message were answered within 30 seconds");
  }

  @Test void theHandoverGateNeedsTheState() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) sessions.add(session("s" + i).withoutState().customer("hi").ai("hello").build());
    assertThat(OutcomeGates.handedOver(sample(sessions, 30), RateClaim.atMost(0.1), "g").outcome())
        .isEqualTo(Outcome.DATA_UNAVAILABLE);
  }

  @Test void handoversCannotBeJudgedWhenAgentsWriteUnderAnUnmappedOrigin() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sessions.add(session("s" + i).customer("hi").ai("hello")
          .message("HUMAN_AGENT", "Sam here", java.time.Duration.ofMinutes(1)).build());
    }
    Verdict v = OutcomeGates.handedOver(sample(sessions, 30), RateClaim.atMost(0.1), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).contains("the origins HUMAN_AGENT map to no role")
        .contains("KONVO_ROLES=RECIPIENT=customer,AI=ai,HUMAN_AGENT=human_agent");
  }

  @Test void customerMessageCountsCannotBeJudgedWhenNoMessageIsFromTheCustomer() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      var s = session("s" + i).ai("hello");
      for (int k = 0; k < 20; k++) s.message("USER", "again", java.time.Duration.ofSeconds(1));
      sessions.add(s.build());
    }
    assertThat(ReplyGates.maxCustomerMessages(sample(sessions, 30), 12, "g").outcome())
        .isEqualTo(Outcome.DATA_UNAVAILABLE);
  }

  @Test void aRoutingRowWrittenTwiceDoesNotCountItsSessionsTwice() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      sessions.add(session("s" + i).subIntentType(i < 10 ? "CONCIERGE" : "REFUND").customer("I want a refund").ai("x").build());
    }
    Route row = new Route(TriggerPhrase.parse("refund"), "REFUND", 0.9);
    Route same = new Route(TriggerPhrase.parse("refund"), "REFUND", 0.9);
    Verdict v = RoutingGates.routes(sample(sessions, 30), List.of(row, same), "g");
    assertThat(v.offenders()).hasSize(20);
    assertThat(v.confusion().counts()).isEqualTo(new long[][] {{10, 20}, {10, 20}});
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
    Verdict unmapped = ReplyGates.everyCustomerGetsAiReply(sample(sessions, 30), "g");
    assertThat(unmapped.outcome()).as("with the default mapping nobody is the AI").isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(unmapped.reason()).contains("none of the 30 sessions has a message from the ai"
        + " (initiator_origin seen: BOT, USER)").contains("KONVO_ROLES");
  }
}
