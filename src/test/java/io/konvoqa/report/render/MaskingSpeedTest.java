package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking is linear: a 10 MB message, in the shapes that made the former patterns backtrack or
 * recurse, is masked in well under two seconds. Each shape is masked once first, to warm the JIT.
 * (The figure itself comes from {@code bench --masking}, see docs/benchmarks.md.)
 */
class MaskingSpeedTest {
  private static final int TEN_MB = 10 * 1024 * 1024;
  private final PersonalData masking = PersonalData.masking("speed".getBytes(StandardCharsets.UTF_8));

  @ParameterizedTest
  @ValueSource(strings = {"a", "1 ", "a.", "a@b.", "@", "2026-11-27 ", "(1) ", "1a ", "x@y.zz 0151 2345678 "})
  void masksATenMegabyteMessageInUnderTwoSeconds(String unit) {
    // given a message of one unit repeated to 10 MB, then a word
    String message = unit.repeat(TEN_MB / unit.length()) + " Zalando";
    masking.maskText(message);

    // when / then
    String masked = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> masking.maskText(message));
    assertThat(masked).endsWith(" Zalando");
  }
}
