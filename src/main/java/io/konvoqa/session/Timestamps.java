package io.konvoqa.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Parses the API's ISO-8601 timestamps: with or without fractions, with any offset or none (UTC). */
public final class Timestamps {
  private Timestamps() {}

  /** Returns the instant, or throws {@link DateTimeParseException} naming the text. */
  public static Instant parse(String text) {
    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
        text.trim(), OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime offset) return offset.toInstant();
    return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  /** Formats the way the API does: UTC with milliseconds, e.g. {@code 2026-02-25T16:46:34.206Z}. */
  public static String format(Instant instant) {
    return MILLIS.format(instant);
  }

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
}
