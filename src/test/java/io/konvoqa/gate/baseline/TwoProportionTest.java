package io.konvoqa.gate.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.konvoqa.gate.TwoProportion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwoProportionTest {
  /** Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10, to 4 decimals. */
  @ParameterizedTest
  @CsvSource({
      "56, 70, 48, 80, 0.0524, 0.3339",
      "9, 10, 3, 10, 0.1705, 0.8090",
      "6, 7, 2, 7, 0.0582, 0.8062",
      "5, 56, 0, 29, -0.0381, 0.1926",
  })
  void matchesNewcombesPublishedHybridScoreIntervals(long x1, long n1, long x2, long n2, double low, double high) {
    TwoProportion.Difference d = TwoProportion.difference95(x1, n1, x2, n2);

    assertThat(d.estimate()).isCloseTo((double) x1 / n1 - (double) x2 / n2, within(1e-12));
    assertThat(d.low()).isCloseTo(low, within(0.00005));
    assertThat(d.high()).isCloseTo(high, within(0.00005));
  }

  /**
   * By hand: Wilson 95% of 20/200 is 6.567% - 14.941%, of 2/200 0.275% - 3.572%; so the low end of
   * 20/200 - 2/200 is 9 - sqrt(3.433^2 + 2.572^2) = 4.71 points, the high end
   * 9 + sqrt(4.941^2 + 0.725^2) = 13.99; and for 20/200 - 20/200, -/+ sqrt(3.433^2 + 4.941^2) = 6.02.
   */
  @ParameterizedTest
  @CsvSource({"20, 200, 2, 200, +9.0 points (95% +4.7 to +14.0)", "20, 200, 20, 200, +0.0 points (95% -6.0 to +6.0)"})
  void describesTheDifferenceInPercentagePoints(long x1, long n1, long x2, long n2, String text) {
    assertThat(TwoProportion.difference95(x1, n1, x2, n2).describe()).isEqualTo(text);
  }
}
