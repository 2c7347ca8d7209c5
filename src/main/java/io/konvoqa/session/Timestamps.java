package io.konvoqa.session;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the API's ISO-8601 timestamps: with or without fractions, with any offset or none (UTC).
 *
 * <p>The API's own shape, {@code 2026-02-25T16:46:34.206Z}, takes a hand-written fast path: a
 * window of 100,000 sessions holds over a million timestamps, and the general parser costs about
 * a microsecond each. Anything else, or anything odd, goes to the general parser, so results and
 * error messages are the same either way.
 */
public final class Timestamps {
  private Timestamps() {}

  /** Returns the instant, or throws {@link DateTimeParseException} naming the text. */
  public static Instant parse(String text) {
    Instant fast = parseApiShape(text);
    if (fast != null) return fast;
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
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_FAST_SECOND || seconds >= MAX_FAST_SECOND) return MILLIS.format(instant);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
    char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
    digits(c, 0, t.getYear(), 4);
    digits(c, 5, t.getMonthValue(), 2);
    digits(c, 8, t.getDayOfMonth(), 2);
    digits(c, 11, t.getHour(), 2);
    digits(c, 14, t.getMinute(), 2);
    digits(c, 17, t.getSecond(), 2);
    digits(c, 20, t.getNano() / 1_000_000, 3);
    return new String(c);
  }

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** Years 1000..9999 print as exactly four digits: the fast formatter's range. */
  private static final long MIN_FAST_SECOND = LocalDate.of(1000, 1, 1).toEpochDay() * 86_400;
  private static final long MAX_FAST_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

  /** {@code uuuu-MM-ddTHH:mm:ss.SSSZ} exactly, else null (the general parser decides). */
  private static Instant parseApiShape(String text) {
    if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
      return null;
    }
    int year = number(text, 0, 4), month = number(text, 5, 2), day = number(text, 8, 2);
    int hour = number(text, 11, 2), minute = number(text, 14, 2), second = number(text, 17, 2);
    int millis = number(text, 20, 3);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || millis < 0) {
      return null;
    }
    try {
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second,
          millis * 1_000_000L);
    } catch (DateTimeException invalidDate) {
      return null;
    }
  }

  /** The decimal number of {@code length} ASCII digits at {@code from}, or -1. */
  private static int number(String text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') return -1;
      value = value * 10 + (ch - '0');
    }
    return value;
  }

  private static void digits(char[] into, int at, int value, int length) {
    for (int i = at + length - 1; i >= at; i--) {
      into[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
