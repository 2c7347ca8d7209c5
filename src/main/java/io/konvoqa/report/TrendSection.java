package io.konvoqa.report;

import static io.konvoqa.report.render.Html.escape;

import io.konvoqa.gate.Outcome;
import io.konvoqa.report.render.Charts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The verdict table's trend: the gate's figure over its last runs as a chart, or why there is none. */
final class TrendSection {
  private TrendSection() {}

  static final String FIRST_RUN = "first run of this gate: no trend yet";
  static final String NO_SINGLE_FIGURE = "no trend: this gate judges each segment or trigger phrase on its own,"
      + " with no single figure to follow across runs";
  static final String KEY = "Dots: each run's figure (red: gate breached); bars: its Wilson 95% interval;"
      + " dashed: the threshold; ×: the gate could not judge; circled: this run. Hover a run for its date and value.";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /**
   * The section's HTML: the chart, "first run", or why a gate judging each segment or trigger
   * phrase on its own has none; empty without a series (a verdict rendered outside a run).
   */
  static String html(TrendSeries series) {
    if (series == null) return "";
    StringBuilder out = new StringBuilder("<h3>Trend</h3>\n");
    if (series.entries().isEmpty()) {
      return out.append("<p class=\"trend-new\">").append(escape(NO_SINGLE_FIGURE)).append("</p>\n").toString();
    }
    if (series.firstRun()) {
      return out.append("<p class=\"trend-new\">").append(escape(FIRST_RUN)).append("</p>\n").toString();
    }
    List<Charts.TrendRun> runs = series.entries().stream().map(TrendSection::run).toList();
    String figure = series.current().point().figure();
    String title = figure + ", last " + runs.size() + " runs";
    return out.append("<p>").append(escape(title)).append("</p>\n")
        .append(Charts.trendChart(title, runs)).append('\n')
        .append("<p class=\"trend-key\">").append(escape(KEY)).append("</p>\n").toString();
  }

  private static Charts.TrendRun run(TrendSeries.Entry e) {
    TrendPoint p = e.point();
    return new Charts.TrendRun("run " + e.run(), WHEN.format(e.at()), p.value(), p.low(), p.high(), p.threshold(),
        p.outcome() == Outcome.BREACHED, p.outcome().label());
  }
}
