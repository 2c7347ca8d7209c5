package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.all;
import static io.konvoqa.gate.Flavours.rate;
import static io.konvoqa.gate.Flavours.refunds;
import static io.konvoqa.gate.Flavours.replies;
import static io.konvoqa.gate.Flavours.sample;
import static io.konvoqa.gate.Flavours.speed;
import static io.konvoqa.gate.Flavours.spread;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every claim flavour of every gate, passed and breached, as the sentences a reader sees: the
 * reason (the summary line of a gate that did not pass, the report's "reason") and the figure (the
 * summary line of a gate that passed). Each must read as plain English.
 */
class VerdictSentencesTest {
  private static final List<Route> REFUND = List.of(new Route(TriggerPhrase.parse("refund"), "REFUND", 0.8));
  private static final List<TriggerPhrase> ZALANDO = List.of(TriggerPhrase.text("Zalando"));

  static Stream<Arguments> flavours() {
    return Stream.of(
        flavour("unresolved rate, at most: passed", () -> OutcomeGates.unresolvedRate(sample(rate("s", "web", 10, 100)), RateClaim.atMost(0.15), "g"),
            Outcome.PASSED, "unresolved rate 10.0% of 100 completed sessions is at most 15%",
            "unresolved rate 10.0% of 100 completed sessions"),
        flavour("unresolved rate, at most: breached", () -> OutcomeGates.unresolvedRate(sample(rate("s", "web", 20, 100)), RateClaim.atMost(0.15), "g"),
            Outcome.BREACHED, "unresolved rate 20.0% of 100 completed sessions is above 15% (Wilson 95%: 13.3% - 28.9%)",
            "unresolved rate 20.0% of 100 completed sessions"),
        flavour("unresolved rate, with confidence: passed", () -> OutcomeGates.unresolvedRate(sample(rate("s", "web", 10, 400)), RateClaim.atMostWithConfidence(0.15, 0.99), "g"),
            Outcome.PASSED, "unresolved rate 2.5% of 400 completed sessions is at most 15% with 99% confidence (Wilson 99%: 1.1% - 5.4%)",
            "unresolved rate 2.5% of 400 completed sessions"),
        flavour("unresolved rate, with confidence: breached", () -> OutcomeGates.unresolvedRate(sample(rate("s", "web", 10, 100)), RateClaim.atMostWithConfidence(0.18, 0.99), "g"),
            Outcome.BREACHED, "unresolved rate 10.0% of 100 completed sessions is not at most 18% with 99% confidence: its Wilson 99% interval 4.6% - 20.4% reaches above 18%",
            "unresolved rate 10.0% of 100 completed sessions"),
        flavour("unresolved rate, not significantly above: passed", () -> OutcomeGates.unresolvedRate(sample(rate("s", "web", 13, 100)), RateClaim.notSignificantlyAbove(0.09), "g"),
            Outcome.PASSED, "unresolved rate 13.0% of 100 completed sessions is not significantly above 9% (Wilson 95%: 7.8% - 21.0%)",
            "unresolved rate 13.0% of 100 completed sessions"),
        flavour("unresolved rate, not significantly above: breached", () -> OutcomeGates.unresolvedRate(sample(rate("s", "web", 52, 400)), RateClaim.notSignificantlyAbove(0.09), "g"),
            Outcome.BREACHED, "unresolved rate 13.0% of 400 completed sessions is significantly above 9%: its Wilson 95% interval 10.1% - 16.7% lies wholly above 9%",
            "unresolved rate 13.0% of 400 completed sessions"),
        flavour("per channel, at most: passed", () -> perChannel(RateClaim.atMost(0.15), all(rate("w", "web", 10, 100), rate("e", "email", 2, 40), rate("i", "instagram", 0, 5))),
            Outcome.PASSED, "unresolved rate at most 15% on every channel judged (2 of 3); not judged (fewer than 30 completed sessions): instagram (n=5)",
            "highest: web 10.0% of 100; not judged: instagram (n=5)"),
        flavour("per channel, at most: breached", () -> perChannel(RateClaim.atMost(0.15), all(rate("w", "web", 20, 100), rate("e", "email", 2, 40))),
            Outcome.BREACHED, "unresolved rate above 15% on 1 of 2 channels: web 20.0% of 100",
            "highest: web 20.0% of 100, 1 breached"),
        flavour("per channel, not significantly above: passed", () -> perChannel(RateClaim.notSignificantlyAbove(0.15), all(rate("w", "web", 20, 100), rate("e", "email", 2, 40))),
            Outcome.PASSED, "unresolved rate not significantly above 15% on every channel judged (2 of 2)",
            "highest: web 20.0% of 100"),
        flavour("per channel, not significantly above: breached", () -> perChannel(RateClaim.notSignificantlyAbove(0.15), all(rate("w", "web", 40, 100), rate("e", "email", 2, 40))),
            Outcome.BREACHED, "unresolved rate significantly above 15% on 1 of 2 channels: web 40.0% of 100",
            "highest: web 40.0% of 100, 1 breached"),
        flavour("per channel, a small channel clearly over: breached", () -> perChannel(RateClaim.atMost(0.15), all(rate("w", "web", 10, 100), rate("e", "email", 29, 29))),
            Outcome.BREACHED, "unresolved rate above 15% on 1 of 2 channels: email 100.0% of 29, significantly above 15% even with few sessions",
            "highest: email 100.0% of 29, 1 breached"),
        flavour("per channel, at least: passed, the lowest shown", () -> perChannel(RateClaim.atLeast(0.15), all(rate("w", "web", 40, 100), rate("e", "email", 20, 40))),
            Outcome.PASSED, "unresolved rate at least 15% on every channel judged (2 of 2)", "lowest: web 40.0% of 100"),
        flavour("handover rate: passed", () -> OutcomeGates.handedOver(sample(handovers(3, 100)), RateClaim.atMost(0.1), "g"),
            Outcome.PASSED, "handover rate 3.0% of 100 sessions is at most 10%", "handover rate 3.0% of 100 sessions"),
        flavour("handover rate: breached", () -> OutcomeGates.handedOver(sample(handovers(12, 100)), RateClaim.atMost(0.1), "g"),
            Outcome.BREACHED, "handover rate 12.0% of 100 sessions is above 10% (Wilson 95%: 7.0% - 19.8%)", "handover rate 12.0% of 100 sessions"),
        flavour("sub_intent_type share: passed", () -> OutcomeGates.subIntentShare(sample(refunds("r", 60, 100)), RateClaim.atMost(0.5), "CONCIERGE", "g"),
            Outcome.PASSED, "share with sub_intent_type CONCIERGE 40.0% of 100 sessions is at most 50%",
            "share with sub_intent_type CONCIERGE 40.0% of 100 sessions"),
        flavour("sub_intent_type share: breached", () -> OutcomeGates.subIntentShare(sample(refunds("r", 40, 100)), RateClaim.atMost(0.5), "CONCIERGE", "g"),
            Outcome.BREACHED, "share with sub_intent_type CONCIERGE 60.0% of 100 sessions is above 50% (Wilson 95%: 50.2% - 69.1%)",
            "share with sub_intent_type CONCIERGE 60.0% of 100 sessions"),
        flavour("routing: passed", () -> RoutingGates.routes(sample(refunds("r", 90, 100)), REFUND, "g"),
            Outcome.PASSED, "every trigger phrase routed as expected (1 of 1)", "1 of 1 trigger phrases routed as expected"),
        flavour("routing: breached", () -> RoutingGates.routes(sample(refunds("r", 70, 100)), REFUND, "g"),
            Outcome.BREACHED, "'refund' routed to REFUND in 70.0% of 100 sessions, at least 80% required",
            "0 of 1 trigger phrases routed as expected"),
        flavour("no AI reply contains: passed", () -> ReplyGates.noAiReply(sample(replies("s", 0, 100)), ZALANDO, "contains 'Zalando'", "g"),
            Outcome.PASSED, "no AI reply in 100 sessions contains 'Zalando'", "0 of 100 sessions have an AI reply that contains 'Zalando'"),
        flavour("no AI reply contains: breached", () -> ReplyGates.noAiReply(sample(replies("s", 2, 100)), ZALANDO, "contains 'Zalando'", "g"),
            Outcome.BREACHED, "2 of 100 sessions have an AI reply that contains 'Zalando'", "2 of 100 sessions have an AI reply that contains 'Zalando'"),
        flavour("no AI reply matches: breached once", () -> ReplyGates.noAiReply(sample(replies("s", 1, 100)), List.of(TriggerPhrase.regexOf("/\\bzalando\\b/")), "matches /\\bzalando\\b/", "g"),
            Outcome.BREACHED, "1 of 100 sessions has an AI reply that matches /\\bzalando\\b/", "1 of 100 sessions has an AI reply that matches /\\bzalando\\b/"),
        flavour("an AI reply containing, at least: passed", () -> ReplyGates.aiReplyContaining(sample(refunds("r", 100, 100)), "REFUND", "Sure", 0.9, "g"),
            Outcome.PASSED, "100.0% of 100 sessions with sub_intent_type REFUND have an AI reply containing 'Sure', which is at least 90%",
            "100.0% of 100 sessions with sub_intent_type REFUND have an AI reply containing 'Sure'"),
        flavour("an AI reply containing, at least: breached", () -> ReplyGates.aiReplyContaining(sample(refunds("r", 100, 100)), "REFUND", "return label", 0.9, "g"),
            Outcome.BREACHED, "0.0% of 100 sessions with sub_intent_type REFUND have an AI reply containing 'return label', which is below 90% (Wilson 95%: 0.0% - 3.7%)",
            "0.0% of 100 sessions with sub_intent_type REFUND have an AI reply containing 'return label'"),
        flavour("every customer gets an AI reply: passed", () -> ReplyGates.everyCustomerGetsAiReply(sample(replies("s", 0, 100)), "g"),
            Outcome.PASSED, "every one of 100 sessions with a customer message has an AI reply",
            "0 of 100 sessions with a customer message have no AI reply"),
        flavour("every customer gets an AI reply: breached", () -> ReplyGates.everyCustomerGetsAiReply(sample(all(replies("s", 0, 99), unanswered())), "g"),
            Outcome.BREACHED, "1 of 100 sessions with a customer message has no AI reply",
            "1 of 100 sessions with a customer message has no AI reply"),
        flavour("no AI reply twice in a row: passed", () -> ReplyGates.noRepeatedAiReply(sample(replies("s", 0, 100)), "g"),
            Outcome.PASSED, "no AI reply in 100 sessions is sent twice in a row", "0 of 100 sessions have an AI reply sent twice in a row"),
        flavour("no AI reply twice in a row: breached", () -> ReplyGates.noRepeatedAiReply(sample(all(replies("s", 0, 99), looping())), "g"),
            Outcome.BREACHED, "1 of 100 sessions has an AI reply sent twice in a row", "1 of 100 sessions has an AI reply sent twice in a row"),
        flavour("first reply within, at least: passed", () -> ReplyGates.firstReplyWithin(sample(speed("s", 2, 100)), Duration.ofSeconds(30), 0.95, "g"),
            Outcome.PASSED, "98.0% of 100 sessions with a customer message were answered within 30 seconds, which is at least 95%",
            "98.0% of 100 sessions with a customer message were answered within 30 seconds"),
        flavour("first reply within, at least: breached", () -> ReplyGates.firstReplyWithin(sample(speed("s", 10, 100)), Duration.ofSeconds(30), 0.95, "g"),
            Outcome.BREACHED, "90.0% of 100 sessions with a customer message were answered within 30 seconds, which is below 95% (Wilson 95%: 82.6% - 94.5%)",
            "90.0% of 100 sessions with a customer message were answered within 30 seconds"),
        flavour("most customer messages: passed", () -> ReplyGates.maxCustomerMessages(sample(replies("s", 0, 100)), 3, "g"),
            Outcome.PASSED, "no session of 100 has more than 3 customer messages", "0 of 100 sessions have more than 3 customer messages"),
        flavour("most customer messages: breached", () -> ReplyGates.maxCustomerMessages(sample(all(replies("s", 0, 99), chatty())), 3, "g"),
            Outcome.BREACHED, "1 of 100 sessions has more than 3 customer messages", "1 of 100 sessions has more than 3 customer messages"),
        flavour("unresolved rise: passed", () -> BaselineGates.unresolvedRise(compare(rate("n", "web", 12, 400), rate("b", "web", 40, 400)), 0.02, "g"),
            Outcome.PASSED, "unresolved rate 3.0% vs 10.0% in the baseline: -7.0 points (95% -10.6 to -3.6): within the allowed rise of +2.0 points",
            "unresolved rate 3.0% vs 10.0% in the baseline: -7.0 points (95% -10.6 to -3.6)"),
        flavour("unresolved rise: breached", () -> BaselineGates.unresolvedRise(compare(rate("n", "web", 80, 400), rate("b", "web", 40, 400)), 0.02, "g"),
            Outcome.BREACHED, "unresolved rate 20.0% vs 10.0% in the baseline: +10.0 points (95% +5.1 to +14.9): risen by significantly more than the allowed +2.0 points (even the lower end of the interval is +5.1 points)",
            "unresolved rate 20.0% vs 10.0% in the baseline: +10.0 points (95% +5.1 to +14.9)"),
        flavour("drift: passed", () -> BaselineGates.subIntentDrift(compare(spread("n", 400, 0), spread("b", 400, 0)), 0.1, "g"),
            Outcome.PASSED, "sub_intent_type drift 0.0% (total variation distance) is not significantly more than the allowed 10%: taking away the 8.5% that noise alone reaches at these sample sizes leaves 0.0%; moved most: none",
            "sub_intent_type drift 0.0% (total variation distance)"),
        flavour("drift: breached", () -> BaselineGates.subIntentDrift(compare(spread("n", 2000, 0.2), spread("b", 2000, 0)), 0.1, "g"),
            Outcome.BREACHED, "sub_intent_type drift 20.0% (total variation distance) is significantly more than the allowed 10%: even taking away the 3.7% that noise alone reaches at these sample sizes leaves 16.3%; moved most: A -20.0 points, B +20.0 points",
            "sub_intent_type drift 20.0% (total variation distance)"),
        flavour("drift, noise included: passed", () -> BaselineGates.subIntentDriftNoiseIncluded(compare(spread("n", 400, 0.05), spread("b", 400, 0)), 0.1, "g"),
            Outcome.PASSED, "sub_intent_type drift 5.0% (total variation distance) is within the allowed 10%, noise included; moved most: A -5.0 points, B +5.0 points",
            "sub_intent_type drift 5.0% (total variation distance)"),
        flavour("drift, noise included: breached", () -> BaselineGates.subIntentDriftNoiseIncluded(compare(spread("n", 400, 0.15), spread("b", 400, 0)), 0.1, "g"),
            Outcome.BREACHED, "sub_intent_type drift 15.0% (total variation distance) is more than the allowed 10%, noise included; moved most: A -15.0 points, B +15.0 points",
            "sub_intent_type drift 15.0% (total variation distance)"),
        flavour("routing against the baseline: passed", () -> BaselineGates.routingHolds(compare(refunds("n", 90, 100), refunds("b", 90, 100)), REFUND, "g"),
            Outcome.PASSED, "no trigger phrase routes significantly worse than in the baseline (1 judged)",
            "1 of 1 trigger phrases route at least as well as in the baseline"),
        flavour("routing against the baseline: breached", () -> BaselineGates.routingHolds(compare(refunds("n", 50, 100), refunds("b", 90, 100)), REFUND, "g"),
            Outcome.BREACHED, "'refund' routed to REFUND in 50.0% of 100 now vs 90.0% of 100 in the baseline: -40.0 points (95% -50.6 to -27.8): significantly lower than in the baseline",
            "0 of 1 trigger phrases route at least as well as in the baseline"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flavours")
  void readsAsPlainEnglish(String flavour, Supplier<Verdict> judge, Outcome outcome, String reason, String figure) {
    Verdict v = judge.get();

    assertThat(v.outcome()).as(v.reason()).isEqualTo(outcome);
    assertThat(v.reason()).isEqualTo(reason);
    assertThat(v.figure()).isEqualTo(figure);
    assertThat(v.reason() + " " + v.figure()).doesNotContain("not not")
        .doesNotContainPattern("\\d\\.0% (required|confidence)");
  }

  private static Arguments flavour(String name, Supplier<Verdict> judge, Outcome outcome, String reason, String figure) {
    return Arguments.of(name, judge, outcome, reason, figure);
  }

  private static Verdict perChannel(RateClaim claim, List<Session> sessions) {
    return OutcomeGates.unresolvedRatePerSegment(sample(sessions), claim, "channel", Flavours.CHANNEL, "g");
  }

  private static Comparison compare(List<Session> now, List<Session> baseline) {
    return new Comparison(sample(now), sample(baseline), "baseline");
  }

  private static List<Session> handovers(int handedOver, int n) {
    return Flavours.sessions("h", n, (i, s) -> {
      s.customer("hi").ai("hello");
      if (i < handedOver) s.agent("Sam here");
    });
  }

  private static List<Session> unanswered() {
    return Flavours.sessions("quiet", 1, (i, s) -> s.customer("hello?"));
  }

  private static List<Session> looping() {
    return Flavours.sessions("loop", 1, (i, s) -> s.customer("hi").ai("Please wait.").customer("?").ai("please  wait."));
  }

  private static List<Session> chatty() {
    return Flavours.sessions("chatty", 1, (i, s) -> s.customer("a").ai("x").customer("b").customer("c").customer("d"));
  }
}
