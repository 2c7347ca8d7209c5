package io.konvoqa.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowTest {
  private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-27T00:00:00Z");

  @Test void containsBothEnds() {
    Window window = new Window(FROM, TO);
    assertThat(window.contains(FROM)).isTrue();
    assertThat(window.contains(TO)).isTrue();
    assertThat(window.contains(FROM.minusNanos(1))).isFalse();
    assertThat(window.contains(TO.plusNanos(1))).isFalse();
  }

  @Test void saysToSwapDatesGivenTheWrongWayRound() {
    assertThatThrownBy(() -> new Window(TO, FROM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the window ends (2026-11-20T00:00:00Z) before it starts"
            + " (2026-11-27T00:00:00Z): swap the two dates");
  }

  @Test void printsAsTheApiWritesTimes() {
    assertThat(new Window(FROM, TO)).hasToString("2026-11-20T00:00:00.000Z .. 2026-11-27T00:00:00.000Z");
  }
}
