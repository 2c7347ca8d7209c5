package io.konvoqa.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking never backtracks: a 10 MB message, in the shapes that made the former patterns
 * backtrack or recurse, is masked at all. The patterns this guards against took minutes at 64 kB,
 * so at 10 MB they would never finish; the time limit is a guard against that, far above what a
 * loaded machine needs, not a speed target. How fast masking is comes from {@code bench
 * --masking} (docs/benchmarks.md).
 */
class MaskingSpeedTest {
  private static final int TEN_MB = 10 * 1024 * 1024;
  private final PersonalData masking = PersonalData.masking("speed".getBytes(StandardCharsets.UTF_8));

  @ParameterizedTest
  @ValueSource(strings = {"a", "1 ", "a.", "a@b.", "@", "2026-11-27 ", "(1) ", "1a ", "x@y.zz 0151 2345678 "})
  void masksATenMegabyteMessageWithoutBacktracking(String unit) {
    // given a message of one unit repeated to 10 MB, then a word
    String message = unit.repeat(TEN_MB / unit.length()) + " Zalando";

    // when
    String masked = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> masking.maskText(message));

    // then
    assertThat(masked).endsWith(" Zalando");
  }
}
