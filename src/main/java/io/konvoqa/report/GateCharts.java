package io.konvoqa.report;

import io.konvoqa.gate.Confusion;
import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.Segment;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.render.Charts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The charts of a verdict as standalone pages: its routing table, and its segments as bars. */
final class GateCharts {
  private GateCharts() {}

  private static final Pattern LIMIT = Pattern.compile(
      "^(?:at most|not significantly above) (\\d{1,3}(?:\\.\\d+)?)%");

  /** Trigger phrase by actual sub_intent_type, each cell shaded by its share of the row. */
  static String confusion(Confusion c) {
    String title = "Routing: trigger phrase by sub_intent_type";
    return Charts.page(title, Charts.heatTable(title, c.phrases(), c.actuals(), c.counts(), c.expected()));
  }

  /** One bar per segment with the threshold line; segments not judged show as 0 with a note. */
  static String segments(String title, List<Segment> segments, Double threshold) {
    List<Charts.Bar> bars = segments.stream().map(s -> new Charts.Bar(s.name(),
        s.share() == null ? 0 : Math.max(0, Math.min(1, s.share())),
        "n=" + s.n() + ", " + s.outcome().label() + (s.note() == null ? "" : " (" + s.note() + ")"))).toList();
    return Charts.page(title, Charts.barChart(title, bars, threshold));
  }

  /** The rate limit of a verdict's "threshold" figure ("at most 15.0% in each channel"), or null. */
  static Double threshold(Verdict v) {
    for (Figure f : v.figures()) {
      if (!f.name().equals("threshold")) continue;
      Matcher m = LIMIT.matcher(f.value());
      if (m.find()) return Percent.parse(m.group(1) + "%");
    }
    return null;
  }
}
