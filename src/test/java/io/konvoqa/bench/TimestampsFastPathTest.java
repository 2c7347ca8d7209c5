package io.konvoqa.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.session.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path for the API's timestamp shape gives what the general ISO-8601 parser gives. */
class TimestampsFastPathTest {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test void apiShapedTimestampsParseAndFormatAsTheGeneralFormatterDoes() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochMilli(random.nextLong(-30_000_000_000_000L, 250_000_000_000_000L));
      String text = MILLIS.format(instant);
      assertThat(Timestamps.format(instant)).isEqualTo(text);
      assertThat(Timestamps.parse(text)).isEqualTo(general(text));
    }
  }

  @Test void otherShapesStillParse() {
    assertThat(Timestamps.parse("2026-02-25T16:46:34Z")).isEqualTo(Instant.parse("2026-02-25T16:46:34Z"));
    assertThat(Timestamps.parse("2026-02-25T17:46:34.206+01:00")).isEqualTo(Instant.parse("2026-02-25T16:46:34.206Z"));
    assertThat(Timestamps.parse("2026-02-25T16:46:34.206")).isEqualTo(Instant.parse("2026-02-25T16:46:34.206Z"));
    assertThat(Timestamps.parse("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
  }

  @Test void impossibleDatesFailAsTheGeneralParserFails() {
    for (String bad : new String[] {"2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z",
        "2026-01-01T24:00:00.000Z", "2026-01-01T10:60:00.000Z", "2026-01-0xT10:00:00.000Z"}) {
      assertThatThrownBy(() -> Timestamps.parse(bad)).isInstanceOf(DateTimeParseException.class)
          .hasMessageContaining(bad);
    }
  }

  private static Instant general(String text) {
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
        text, OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }
}
