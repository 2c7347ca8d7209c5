package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
      "PT0.85S, +850 ms",
      "PT12S, +12 s",
      "PT3M, +3 min",
      "PT3M5S, +3 min 5 s",
      "PT2H10M30S, +2 h 10 min",
      "P1DT3H, +1 d 3 h",
      "PT-4S, -4 s",
  })
  void formatsReplyDelaysShortly(String iso, String shown) {
    assertThat(Durations.delay(Duration.parse(iso))).isEqualTo(shown);
  }
}
