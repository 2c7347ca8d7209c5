package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.rate;
import static io.konvoqa.gate.Flavours.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Reasons that agree with their verdicts: the interval at the claim's level, digits that tell a figure from its limit. */
class FiguresAgainstLimitsTest {
  @Test void aBreachWithNinetyNinePercentConfidenceQuotesTheNinetyNinePercentInterval() {
    Verdict v = OutcomeGates.unresolvedRate(sample(rate("s", "web", 10, 100)), RateClaim.atMostWithConfidence(0.18, 0.99), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).endsWith("is not at most 18% with 99% confidence: its Wilson 99% interval 4.6% - 20.4%"
        + " reaches above 18%").doesNotContain("Wilson 95%");
    assertThat(v.figures()).extracting(Figure::name, Figure::value).contains(
        tuple("Wilson 99% interval", "4.6% - 20.4%"), tuple("Wilson 95% interval", "5.5% - 17.4%"));
    assertThat(v.figures()).filteredOn(f -> f.kind() == Figure.Kind.INTERVAL)
        .extracting(f -> f.interval().confidence()).containsExactlyInAnyOrder(0.95, 0.99);
  }

  @Test void aRateJustOverTheLimitShowsTheDigitsThatTellThemApart() {
    Verdict over = OutcomeGates.unresolvedRate(sample(rate("s", "web", 376, 2500)), RateClaim.atMost(0.15), "g");
    Verdict under = OutcomeGates.unresolvedRate(sample(rate("s", "web", 374, 2500)), RateClaim.atMost(0.15), "g");
    Verdict at = OutcomeGates.unresolvedRate(sample(rate("s", "web", 375, 2500)), RateClaim.atMost(0.15), "g");

    assertThat(over.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(over.reason()).startsWith("unresolved rate 15.04% of 2,500 completed sessions is above 15% (Wilson 95%:");
    assertThat(under.reason()).isEqualTo("unresolved rate 14.96% of 2,500 completed sessions is at most 15%");
    assertThat(at.reason()).isEqualTo("unresolved rate 15.0% of 2,500 completed sessions is at most 15%");
  }

  @Test void aBoundJustOverTheLimitShowsTheDigitsThatTellThemApart() {
    // Wilson 95% of 131/1000 is 11.1% - 15.33%: its upper end rounds to the limit at one decimal
    Verdict v = OutcomeGates.unresolvedRate(sample(rate("s", "web", 131, 1000)), RateClaim.atMostWithConfidence(0.153, 0.95), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).endsWith("its Wilson 95% interval 11.1% - 15.33% reaches above 15.3%");
  }

  @Test void levelsAndLimitsAreShownAsWritten() {
    assertThat(RateClaim.atMostWithConfidence(0.15, 0.9995).describe()).isEqualTo("at most 15% with 99.95% confidence");
    assertThat(RateClaim.notSignificantlyAbove(0.1225).describe()).isEqualTo("not significantly above 12.25%");
    assertThat(Percent.written(0.125)).isEqualTo("12.5%");
    assertThat(Percent.written(1.0)).isEqualTo("100%");
    assertThat(Percent.written(0.0)).isEqualTo("0%");
    Verdict v = OutcomeGates.unresolvedRate(sample(rate("s", "web", 10, 1000)), RateClaim.atMostWithConfidence(0.15, 0.9995), "g");
    assertThat(v.reason()).contains("with 99.95% confidence (Wilson 99.95%:").doesNotContain("100.0%");
  }

  @Test void aMeasuredShareGetsOnlyTheDigitsItNeeds() {
    assertThat(Percent.against(0.1504, 0.15)).isEqualTo("15.04%");
    assertThat(Percent.against(0.14996, 0.15)).isEqualTo("14.996%");
    assertThat(Percent.against(0.15, 0.15)).isEqualTo("15.0%");
    assertThat(Percent.against(0.096, 0.15)).isEqualTo("9.6%");
    assertThat(Percent.against(0.1225, 0.1225)).as("equal: as the limit is written").isEqualTo("12.25%");
    assertThat(Percent.against(0.123, 0.1225)).isEqualTo("12.30%");
  }
}
