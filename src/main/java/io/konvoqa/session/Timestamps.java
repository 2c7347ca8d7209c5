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

  /**
   * An ISO date or instant as people write window bounds: a date alone is a whole day (UTC), so
   * it means the day's start, or its last millisecond when {@code endOfDay}.
   */
  public static Instant parseDateOrInstant(String text, boolean endOfDay) {
    String trimmed = text.trim();
    if (trimmed.length() == 10) {
      java.time.LocalDate date = java.time.LocalDate.parse(trimmed);
      return endOfDay
          ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
          : date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return parse(trimmed);
  }

  /** Formats the way the API does: UTC with milliseconds, e.g. {@code 2026-02-25T16:46:34.206Z}. */
  public static String format(Instant instant) {
    return MILLIS.format(instant);
  }

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
}
