package io.konvoqa.grader;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** The sessions client's retry timing: doubling waits with jitter, and the server's Retry-After. */
final class Backoff {
  private Backoff() {}

  /** About {@code base} for the first retry, doubling after, capped at 10 s, with jitter. */
  static Duration wait(Duration base, int attempt) {
    long doubled = base.toMillis() << Math.min(attempt - 1, 10);
    long capped = Math.min(doubled, 10_000);
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  /** Seconds or an HTTP date; zero for a date past; null when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) return null;
    String text = header.trim();
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Duration.ofSeconds(text.length() > 15 ? 31_536_000_000L : Long.parseLong(text));
    }
    try {
      Duration wait = Duration.between(Instant.now(),
          ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (RuntimeException notADate) {
      return null;
    }
  }

  static long seconds(Duration d) {
    return d.isZero() ? 0 : (d.toMillis() + 999) / 1000;
  }
}
