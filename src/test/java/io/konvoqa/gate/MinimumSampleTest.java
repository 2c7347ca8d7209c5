package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.all;
import static io.konvoqa.gate.Flavours.rate;
import static io.konvoqa.gate.Flavours.refunds;
import static io.konvoqa.gate.Flavours.replies;
import static io.konvoqa.gate.Flavours.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The minimum sample, the same way everywhere: a population under it cannot pass, and is breached
 * only when it misses its limit beyond doubt.
 */
class MinimumSampleTest {
  private static final List<Route> REFUND = List.of(new Route(TriggerPhrase.parse("refund"), "REFUND", 0.9));

  @Test void aSmallChannelClearlyOverTheLimitIsABreachTheSummaryNames() {
    Verdict v = OutcomeGates.unresolvedRatePerSegment(sample(all(rate("w", "web", 10, 100), rate("e", "email", 29, 29))),
        RateClaim.atMost(0.15), "channel", Flavours.CHANNEL, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("unresolved rate above 15% on 1 of 2 channels: email 100.0% of 29,"
        + " significantly above 15% even with few sessions");
    assertThat(v.segments()).extracting(s -> s.name() + " " + s.outcome() + " " + s.note()).containsExactly(
        "email BREACHED n=29 < 30, but clearly over the limit: Wilson 95% 88.3% - 100.0%",
        "web PASSED Wilson 95% 5.5% - 17.4%");
    assertThat(v.offenders()).hasSize(29).allSatisfy(o -> assertThat(o.reason()).isEqualTo("unresolved, channel email"));
  }

  @Test void aSmallChannelNotClearlyOverIsNotJudgedAndNamedInTheSummaryLine() {
    Verdict v = OutcomeGates.unresolvedRatePerSegment(sample(all(rate("w", "web", 10, 100), rate("e", "email", 5, 29))),
        RateClaim.atMost(0.15), "channel", Flavours.CHANNEL, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("highest: web 10.0% of 100; not judged: email (n=29)");
  }

  /** Wilson alone puts one of one above 15% (lower bound 20.7%); the exact test does not (p = 15%). */
  @Test void oneUnresolvedSessionOfOneIsNotSignificant() {
    Verdict v = OutcomeGates.unresolvedRatePerSegment(sample(all(rate("w", "web", 10, 100), rate("i", "instagram", 1, 1))),
        RateClaim.atMost(0.15), "channel", Flavours.CHANNEL, "g");

    assertThat(Wilson.interval95(1, 1).low()).isGreaterThan(0.15);
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("highest: web 10.0% of 100; not judged: instagram (n=1)");
  }

  @Test void aSmallRateClearlyOverTheLimitIsABreach() {
    Verdict v = OutcomeGates.unresolvedRate(sample(rate("s", "web", 20, 20)), RateClaim.atMost(0.15), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("unresolved rate 100.0% of 20 completed sessions is significantly above 15%"
        + " even with few sessions: its Wilson 95% interval 83.9% - 100.0% lies wholly above 15%");
  }

  @Test void routingAppliesTheMinimumSamplePerPhrase() {
    Verdict two = RoutingGates.routes(sample(all(refunds("r", 1, 2), replies("other", 0, 40))),
        List.of(new Route(TriggerPhrase.parse("refund"), "REFUND", 0.8)), "g");

    assertThat(two.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(two.reason()).isEqualTo("'refund' matched only 2 sessions, fewer than the minimum sample of 30:"
        + " cannot judge its routing");
    assertThat(two.figure()).isEqualTo("0 of 1 trigger phrases routed as expected; not judged: 'refund' (2 sessions)");
  }

  @Test void aPhraseClearlyRoutedWrongIsABreachEvenWithFewSessions() {
    Verdict v = RoutingGates.routes(sample(all(refunds("r", 0, 12), replies("other", 0, 40))), REFUND, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("'refund' routed to REFUND in 0.0% of 12 sessions, at least 90% required:"
        + " significantly below it even with few sessions");
    assertThat(v.offenders()).hasSize(12);
  }

  @Test void routingAgainstTheBaselineAppliesTheMinimumSamplePerPhrase() {
    Comparison tenAndTen = new Comparison(sample(all(refunds("n", 7, 10), replies("x", 0, 40))),
        sample(all(refunds("b", 9, 10), replies("y", 0, 40))), "baseline");

    Verdict v = BaselineGates.routingHolds(tenAndTen, REFUND, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(v.reason()).startsWith("'refund' routed to REFUND in 70.0% of 10 now vs 90.0% of 10 in the baseline")
        .endsWith(": fewer than the minimum sample of 30 on both sides: cannot judge it");
  }

  @Test void aSnapshotBaselineTooSmallPerPhraseAsksForABiggerSnapshotNotAWiderWindow() {
    Comparison snapshot = new Comparison(sample(all(refunds("n", 35, 40), replies("x", 0, 40))),
        sample(all(refunds("b", 9, 10), replies("y", 0, 40))), "snapshot base.json.gz", true);

    Verdict v = BaselineGates.routingHolds(snapshot, REFUND, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(v.reason()).contains("fewer than the minimum sample of 30 in the baseline: cannot judge it")
        .endsWith("record a longer window ('java -jar konvo-qa.jar record --last 30d --out FILE')"
            + " and bless it ('java -jar konvo-qa.jar bless FILE')");
    Comparison window = new Comparison(snapshot.now(), snapshot.baseline(), "window");
    assertThat(BaselineGates.routingHolds(window, REFUND, "g").reason()).doesNotContain("bless");
  }

  @Test void anOffenderFoundIsABreachHoweverFewTheSessions() {
    assertThat(ReplyGates.noAiReply(sample(replies("s", 1, 5)), List.of(TriggerPhrase.text("Zalando")), "contains 'Zalando'", "g")
        .outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(ReplyGates.noAiReply(sample(replies("s", 0, 5)), List.of(TriggerPhrase.text("Zalando")), "contains 'Zalando'", "g")
        .outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
  }
}
