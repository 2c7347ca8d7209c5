package io.konvoqa.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
    return fixed(share, 1);
  }

  /**
   * A limit or a confidence level as a feature writes it: 0.15 → "15%", 0.125 → "12.5%",
   * 0.9995 → "99.95%". Never rounded to fewer digits than it was written with.
   */
  public static String written(double share) {
    BigDecimal value = BigDecimal.valueOf(share * 100).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    return (value.scale() < 0 ? value.setScale(0) : value).toPlainString() + "%";
  }

  /**
   * A measured share beside the limit it is judged against: one decimal, and as many more as it
   * takes for the two to look different whenever they are (15.04% against 15%, never 15.0%
   * against 15%).
   */
  public static String against(double share, double limit) {
    if (Math.abs(share - limit) < 1e-12) { // equal: as many decimals as the limit is written with
      int written = written(limit).length() - written(limit).indexOf('.') - 2;
      return fixed(share, written(limit).contains(".") ? Math.max(1, written) : 1);
    }
    for (int decimals = 1; decimals < 8; decimals++) {
      String shown = fixed(share, decimals);
      if (!shown.equals(fixed(limit, decimals))) return shown;
    }
    return fixed(share, 8);
  }

  private static String fixed(double share, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100);
  }
}
