package io.konvoqa.gate;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as feature files write them: "90 seconds", "10 minutes", "24 hours", "7 days". */
public final class Durations {
  private Durations() {}

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-zA-Z]+)");

  public static Duration parse(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) throw bad(text);
    long amount = Long.parseLong(m.group(1));
    Duration unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(1);
      case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(1);
      case "h", "hour", "hours" -> Duration.ofHours(1);
      case "d", "day", "days" -> Duration.ofDays(1);
      case "w", "week", "weeks" -> Duration.ofDays(7);
      default -> throw bad(text);
    };
    if (amount == 0) {
      throw new IllegalArgumentException("'" + text + "' is zero: a duration must be positive");
    }
    return unit.multipliedBy(amount);
  }

  /** 90 s → "90 seconds", 2 h → "2 hours": the way a reader would say it. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s % 86_400 == 0) return plural(s / 86_400, "day");
    if (s % 3_600 == 0) return plural(s / 3_600, "hour");
    if (s % 60 == 0) return plural(s / 60, "minute");
    return plural(s, "second");
  }

  /** A short form for figures: "12 s", "3.5 min", "2.0 h". */
  public static String shortForm(Duration d) {
    double s = d.toMillis() / 1000.0;
    if (s < 90) return String.format(Locale.ROOT, "%.0f s", s);
    if (s < 5400) return String.format(Locale.ROOT, "%.1f min", s / 60);
    return String.format(Locale.ROOT, "%.1f h", s / 3600);
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException("'" + text + "' is not a duration: write it like"
        + " 90 seconds, 10 minutes, 24 hours or 7 days");
  }
}
