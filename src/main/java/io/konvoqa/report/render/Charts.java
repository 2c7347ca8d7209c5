package io.konvoqa.report.render;

import static io.konvoqa.report.render.Html.escape;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Charts for gate reports as inline SVG and HTML: no script, no external reference, every label
 * escaped, so that Allure can show them as attachments as they are.
 */
public final class Charts {
  private Charts() {}

  /**
   * One bar of a {@link #barChart}.
   *
   * @param value a rate, 0..1, printed as a percentage
   * @param note shown after the percentage, such as "3 of 24 sessions"; null for none
   */
  public record Bar(String label, double value, String note) {
    public Bar {
      Objects.requireNonNull(label, "bar label must not be null");
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(
            "bar '" + label + "' value must be a rate 0..1 but was " + value);
      }
    }
  }

  /**
   * Horizontal bars of rates with an optional dashed threshold line; bars over the threshold are
   * drawn in a warning colour.
   *
   * @param threshold 0..1, or null for no line
   */
  public static String barChart(String title, List<Bar> bars, Double threshold) {
    Objects.requireNonNull(bars, "bars must not be null");
    if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be a rate 0..1 but was " + threshold);
    }
    return BarChart.svg(title, List.copyOf(bars), threshold);
  }

  /**
   * A confusion table of counts, such as trigger phrase by actual sub_intent_type: each cell shaded
   * by its share of the row, the expected column of each row outlined, row totals at the end.
   *
   * @param counts {@code counts[row][column]}, each at least 0
   * @param expectedPerRow row label to the column it should land in; rows without one are left out
   */
  public static String heatTable(String title, List<String> rows, List<String> columns,
      long[][] counts, Map<String, String> expectedPerRow) {
    return HeatTable.html(title, rows, columns, counts,
        expectedPerRow == null ? Map.of() : expectedPerRow);
  }

  /**
   * A standalone HTML page around a chart made by this class.
   *
   * @param chart markup from {@link #barChart} or {@link #heatTable}, inserted as it is
   */
  public static String page(String title, String chart) {
    Objects.requireNonNull(chart, "chart must not be null");
    if (!chart.startsWith("<svg") && !chart.startsWith("<table")) {
      throw new IllegalArgumentException("chart must be markup from Charts.barChart or"
          + " Charts.heatTable, starting with <svg or <table, but was '" + preview(chart) + "'");
    }
    return Html.head(title, "body{font:14px/1.4 system-ui,sans-serif;margin:16px;color:#222}")
        + "<body>\n<h1>" + escape(title) + "</h1>\n" + chart + "\n</body>\n</html>\n";
  }

  private static String preview(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
