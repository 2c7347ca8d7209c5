package io.konvoqa.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test void parsesTheShapesTheApiMaySend() {
    assertThat(Timestamps.parse("2026-02-25T16:46:34.206Z"))
        .isEqualTo(Instant.parse("2026-02-25T16:46:34.206Z"));
    assertThat(Timestamps.parse("2026-02-25T16:46:34Z"))
        .isEqualTo(Instant.parse("2026-02-25T16:46:34Z"));
    assertThat(Timestamps.parse("2026-02-25T18:46:34.206+02:00"))
        .isEqualTo(Instant.parse("2026-02-25T16:46:34.206Z"));
    assertThat(Timestamps.parse(" 2026-02-25T16:46:34.206 "))
        .isEqualTo(Instant.parse("2026-02-25T16:46:34.206Z"));
  }

  @Test void formatsInUtcWithMilliseconds() {
    assertThat(Timestamps.format(Instant.parse("2026-02-25T16:46:34Z")))
        .isEqualTo("2026-02-25T16:46:34.000Z");
    assertThat(Timestamps.format(Instant.parse("2026-02-25T16:46:34.206999Z")))
        .isEqualTo("2026-02-25T16:46:34.206Z");
  }

  @Test void namesTheTextItCannotParse() {
    DateTimeParseException e = catchThrowableOfType(DateTimeParseException.class,
        () -> Timestamps.parse("25.02.2026"));
    assertThat(e.getParsedString()).isEqualTo("25.02.2026");
  }
}
