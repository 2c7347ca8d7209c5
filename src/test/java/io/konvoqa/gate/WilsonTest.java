package io.konvoqa.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against published values (Wilson 1927; Newcombe 1998, Table I). */
class WilsonTest {
  @Test void fourOfFive() {
    Interval i = Wilson.interval95(4, 5);
    assertThat(i.low()).isCloseTo(0.3755, within(0.0005));
    assertThat(i.high()).isCloseTo(0.9638, within(0.0005));
  }

  @Test void fourHundredSixtyOfFiveHundred() {
    Interval i = Wilson.interval95(460, 500);
    assertThat(i.low()).isCloseTo(0.893, within(0.0005));
    assertThat(i.high()).isCloseTo(0.941, within(0.0005));
  }

  @Test void newcombeExamples() {
    assertThat(Wilson.interval95(81, 263).low()).isCloseTo(0.2553, within(0.0001));
    assertThat(Wilson.interval95(81, 263).high()).isCloseTo(0.3662, within(0.0001));
    assertThat(Wilson.interval95(15, 148).low()).isCloseTo(0.0624, within(0.0001));
    assertThat(Wilson.interval95(15, 148).high()).isCloseTo(0.1605, within(0.0001));
  }

  @Test void zeroSuccessesStartAtExactlyZero() {
    Interval i = Wilson.interval95(0, 10);
    assertThat(i.low()).isZero();
    assertThat(i.high()).isCloseTo(0.2775, within(0.0001));
  }

  @Test void allSuccessesEndAtExactlyOne() {
    Interval i = Wilson.interval95(10, 10);
    assertThat(i.high()).isEqualTo(1.0);
    assertThat(i.low()).isCloseTo(0.7225, within(0.0001));
  }

  @Test void higherConfidenceWidensTheInterval() {
    Interval ninety = Wilson.interval(20, 100, 0.90);
    Interval ninetyNine = Wilson.interval(20, 100, 0.99);
    assertThat(ninetyNine.low()).isLessThan(ninety.low());
    assertThat(ninetyNine.high()).isGreaterThan(ninety.high());
  }

  @Test void theNormalQuantileMatchesItsTables() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
    assertThat(Normal.quantile(0.95)).isCloseTo(1.644854, within(1e-6));
    assertThat(Normal.quantile(0.995)).isCloseTo(2.575829, within(1e-6));
    assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-9));
  }

  @Test void rejectsAnEmptySampleAndImpossibleCounts() {
    assertThatThrownBy(() -> Wilson.interval95(0, 0)).hasMessage("n must be positive but was 0");
    assertThatThrownBy(() -> Wilson.interval95(6, 5)).hasMessage("successes must be 0..5 but was 6");
  }
}
