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
   * One run of a {@link #trendChart}.
   *
   * @param label the run's name on the axis, such as "run 12"
   * @param when the run's date as shown in its hover title
   * @param value the figure 0..1, or null when the gate could not judge (a gap)
   * @param low the interval's lower end 0..1, or null
   * @param high the interval's upper end 0..1, or null
   * @param threshold the limit 0..1, or null
   * @param breached drawn in the warning colour
   * @param note shown last in the hover title, such as "gate breached"; null for none
   */
  public record TrendRun(String label, String when, Double value, Double low, Double high, Double threshold,
      boolean breached, String note) {
    public TrendRun {
      Objects.requireNonNull(label, "trend run label must not be null");
      Objects.requireNonNull(when, "trend run date must not be null");
      for (Double share : new Double[] {value, low, high, threshold}) {
        if (share != null && !(share >= 0 && share <= 1)) {
          throw new IllegalArgumentException("trend run '" + label + "' shares must be 0..1 but one was " + share);
        }
      }
    }
  }

  /**
   * A small line chart of one figure over runs, oldest first, the last run marked as this run:
   * the threshold as a dashed line, each value's interval as a bar, a hover title per run.
   */
  public static String trendChart(String title, List<TrendRun> runs) {
    Objects.requireNonNull(runs, "runs must not be null");
    if (runs.isEmpty()) throw new IllegalArgumentException("a trend chart needs at least this run");
    return TrendChart.svg(title, List.copyOf(runs));
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
