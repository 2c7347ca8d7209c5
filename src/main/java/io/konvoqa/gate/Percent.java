package io.konvoqa.gate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Percentages as feature files write them ("15%", "12.5%") and as reports show them. */
public final class Percent {
  private Percent() {}

  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s?%");

  /** Parses "15%" or "12.5%" to 0.15 / 0.125, or fails saying how to write it. */
  public static double parse(String text) {
    Matcher m = PERCENT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a percentage: write it like 15% or 12.5%");
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is more than 100%: a share is 0% to 100%");
    }
    return value.movePointLeft(2).doubleValue();
  }

  /** 0.125 → "12.5%", 0.15 → "15.0%": one decimal, so near-misses are visible. */
  public static String format(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
