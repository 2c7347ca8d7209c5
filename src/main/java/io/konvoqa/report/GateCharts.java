package io.konvoqa.report;

import io.konvoqa.gate.Confusion;
import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Segment;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.render.Charts;
import java.util.List;

/** The charts of a verdict as standalone pages: its routing table, and its segments as bars. */
final class GateCharts {
  private GateCharts() {}

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

  /** The limit of a verdict's threshold figure as a share ("at most 15.0% in each channel": 0.15), or null. */
  static Double threshold(Verdict v) {
    Figure threshold = v.figure(Figure.Kind.THRESHOLD);
    return threshold == null ? null : threshold.number();
  }
}
