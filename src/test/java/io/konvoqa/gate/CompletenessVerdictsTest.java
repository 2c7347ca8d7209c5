package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.all;
import static io.konvoqa.gate.Flavours.rate;
import static io.konvoqa.gate.Flavours.refunds;
import static io.konvoqa.gate.Flavours.replies;
import static io.konvoqa.gate.Flavours.sample;
import static io.konvoqa.gate.Flavours.speed;
import static io.konvoqa.gate.Flavours.spread;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each gate family does when the window may hold sessions the sample cannot show: it cannot
 * judge when those sessions could change its verdict, quoting why they are missing; otherwise the
 * verdict stands, with the missing sessions noted.
 */
class CompletenessVerdictsTest {
  private static final Completeness TWO_HUNDRED = new Completeness(200, "200 of 2,200 sessions in the window were not served");
  private static final Completeness TWO = new Completeness(2, "2 of 2,002 sessions in the window were not served");
  private static final List<TriggerPhrase> ZALANDO = List.of(TriggerPhrase.text("Zalando"));
  private static final List<Route> REFUND = List.of(new Route(TriggerPhrase.parse("refund"), "REFUND", 0.8));

  @Test void aZeroToleranceGateCannotPassWhileSessionsAreMissing() {
    Verdict v = ReplyGates.noAiReply(sample(replies("s", 0, 2000), TWO), ZALANDO, "contains 'Zalando'", "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("2 of 2,002 sessions in the window were not served, and the verdict could"
        + " change with them: no AI reply in 2,000 sessions contains 'Zalando' among the sessions seen, but any"
        + " of the 2 not seen as they are could offend");
    assertThat(v.figure()).isEqualTo("not judged: 0 of 2,000 sessions have an AI reply that contains 'Zalando'");
  }

  @Test void anOffenderFoundStandsWhateverIsMissing() {
    Verdict v = ReplyGates.noAiReply(sample(replies("s", 1, 2000), TWO_HUNDRED), ZALANDO, "contains 'Zalando'", "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figures()).contains(new Figure("sessions not seen as they are", TWO_HUNDRED.reason()));
  }

  @Test void everyZeroToleranceGateCannotPassWhileSessionsAreMissing() {
    assertThat(List.of(
        ReplyGates.everyCustomerGetsAiReply(sample(replies("s", 0, 100), TWO), "g"),
        ReplyGates.noRepeatedAiReply(sample(replies("s", 0, 100), TWO), "g"),
        ReplyGates.maxCustomerMessages(sample(replies("s", 0, 100), TWO), 5, "g")))
        .allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE))
        .allSatisfy(v -> assertThat(v.reason()).startsWith(TWO.reason() + ", and the verdict could change with them"));
  }

  @Test void aRateGateCannotJudgeWhenTheMissingSessionsCouldTipIt() {
    // 200 of 2,000 unresolved (10%); with 200 more all unresolved: 400 of 2,200 = 18.2% > 15%
    Verdict v = OutcomeGates.unresolvedRate(sample(rate("s", "web", 200, 2000), TWO_HUNDRED), RateClaim.atMost(0.15), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("200 of 2,200 sessions in the window were not served, and the verdict could"
        + " change with them: unresolved rate 10.0% of 2,000 completed sessions is at most 15%; if all 200 were"
        + " unresolved, it would be 18.2% of 2,200 and the gate would be breached");
  }

  @Test void aRateGateJudgesWhenTheMissingSessionsCannotTipIt() {
    Verdict v = OutcomeGates.unresolvedRate(sample(rate("s", "web", 200, 2000), TWO), RateClaim.atMost(0.15), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figures()).contains(new Figure("sessions not seen as they are", TWO.reason()));
  }

  @Test void aBreachTheMissingSessionsCouldUndoCannotBeJudged() {
    // 320 of 2,000 (16%); with 200 more, none unresolved: 320 of 2,200 = 14.5%
    Verdict v = OutcomeGates.unresolvedRate(sample(rate("s", "web", 320, 2000), TWO_HUNDRED), RateClaim.atMost(0.15), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).endsWith("; if none of the 200 were unresolved, it would be 14.5% of 2,200 and the gate would pass");
  }

  @Test void perSegmentGatesAskItOfEverySegmentAndOfANewOne() {
    Sample healthy = sample(all(rate("w", "web", 10, 100), rate("e", "email", 4, 100)), new Completeness(20, "20 sessions were not served"));

    Verdict v = OutcomeGates.unresolvedRatePerSegment(healthy, RateClaim.atMost(0.15), "channel", Flavours.CHANNEL, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("20 sessions were not served, and the verdict could change with them:"
        + " unresolved rate at most 15% on every channel judged (2 of 2); if all 20 were unresolved and on"
        + " channel email, the gate would be breached");
    Verdict robust = OutcomeGates.unresolvedRatePerSegment(sample(all(rate("w", "web", 10, 200), rate("e", "email", 4, 200)),
        new Completeness(1, "1 session was not served")), RateClaim.atMost(0.15), "channel", Flavours.CHANNEL, "g");
    assertThat(robust.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void routingGatesAskItOfEveryPhrase() {
    Verdict tipped = RoutingGates.routes(sample(refunds("r", 85, 100), new Completeness(20, "20 sessions were not served")), REFUND, "g");
    Verdict robust = RoutingGates.routes(sample(refunds("r", 95, 100), TWO), REFUND, "g");

    assertThat(tipped.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(tipped.reason()).isEqualTo("20 sessions were not served, and the verdict could change with them:"
        + " 'refund' routed to REFUND in 85.0% of 100 sessions, at least 80% required, but if 20 more had matched"
        + " and been routed elsewhere, it would be breached");
    assertThat(robust.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void theLatencyGateIsARateGate() {
    Verdict v = ReplyGates.firstReplyWithin(sample(speed("s", 2, 100), new Completeness(10, "10 sessions were not served")),
        Duration.ofSeconds(30), 0.95, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).endsWith("which is at least 95%; if none of the 10 were answered in time, it would be"
        + " 89.1% of 110 and the gate would be breached");
  }

  @Test void aMessageOfUnknownOriginMayBeTheHumanAgents() {
    var sessions = all(replies("s", 0, 37), Flavours.sessions("agent", 3, (i, t) -> t.customer("hi").agent("Sam here")),
        Flavours.sessions("unknown", 10, (i, t) -> t.customer("hi").message(null, null, Duration.ofSeconds(5))));

    Verdict v = OutcomeGates.handedOver(sample(sessions), RateClaim.atMost(0.1), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("10 sessions (e.g. unknown0) hold 10 messages without text that may be a"
        + " human agent's (\"message\" null or missing, or a null entry in the messages array): whether a human agent"
        + " took part is unknown, and the verdict could change with them: handover rate 7.5% of 40 sessions is at"
        + " most 10%; if all 10 were handed over, it would be 26.0% of 50 and the gate would be breached");
  }

  @Test void baselineGatesAskItOfBothSides() {
    Comparison rise = new Comparison(sample(rate("n", "web", 40, 400), new Completeness(30, "30 sessions were not served")),
        sample(rate("b", "web", 36, 400)), "baseline");
    Verdict risen = BaselineGates.unresolvedRise(rise, 0.02, "g");
    assertThat(risen.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(risen.reason()).startsWith("30 sessions were not served, and the verdict could change with them:");

    Comparison drift = new Comparison(sample(spread("n", 2000, 0.2), new Completeness(500, "500 sessions were not served")),
        sample(spread("b", 2000, 0)), "baseline");
    assertThat(BaselineGates.subIntentDrift(drift, 0.1, "g").outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    Comparison drift2 = new Comparison(sample(spread("n", 2000, 0.2), TWO), sample(spread("b", 2000, 0)), "baseline");
    assertThat(BaselineGates.subIntentDrift(drift2, 0.1, "g").outcome()).isEqualTo(Outcome.BREACHED);

    Comparison routing = new Comparison(sample(refunds("n", 85, 100), new Completeness(40, "40 sessions were not served")),
        sample(refunds("b", 90, 100)), "baseline");
    assertThat(BaselineGates.routingHolds(routing, REFUND, "g").outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
  }
}
