package io.konvoqa.report.render;

import static io.konvoqa.report.render.Html.escape;

import io.konvoqa.report.render.Charts.Bar;
import java.util.List;
import java.util.Locale;

/**
 * The SVG behind {@link Charts#barChart}. The axis runs from 0 to the smallest of 5%, 10%, 20%,
 * 25%, 50%, 100% that leaves room above the longest bar and the threshold, so a 10% rate is not a
 * sliver; values are printed in a column of their own, clear of the threshold line.
 */
final class BarChart {
  private BarChart() {}

  static final int LABEL_WIDTH = 240;
  static final int BAR_AREA = 400;
  static final int VALUES_X = LABEL_WIDTH + BAR_AREA + 12;
  static final int WIDTH = VALUES_X + 330;
  private static final double[] SCALES = {0.05, 0.1, 0.2, 0.25, 0.5, 1.0};
  static final int TOP = 36;
  static final int ROW = 24;
  static final int BAR_HEIGHT = 16;
  static final int MAX_LABEL_CHARS = 36;
  static final String NORMAL = "#4e79a7";
  static final String WARNING = "#e15759";

  static String svg(String title, List<Bar> bars, Double threshold) {
    int rows = Math.max(bars.size(), 1);
    int height = TOP + rows * ROW + 40;
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(height).append("\" role=\"img\" font-family=\"system-ui,sans-serif\"")
        .append(" font-size=\"13\">\n<title>").append(escape(title)).append("</title>\n")
        .append("<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"bold\">")
        .append(escape(title)).append("</text>\n");
    if (bars.isEmpty()) {
      out.append("<text x=\"").append(LABEL_WIDTH).append("\" y=\"").append(TOP + 16)
          .append("\" fill=\"#888\">no data</text>\n");
    }
    double scale = scale(bars, threshold);
    for (int i = 0; i < bars.size(); i++) appendBar(out, bars.get(i), TOP + i * ROW, threshold, scale);
    int bottom = TOP + rows * ROW;
    out.append("<text x=\"").append(LABEL_WIDTH).append("\" y=\"").append(bottom + 16)
        .append("\" fill=\"#888\">0%</text><text x=\"").append(LABEL_WIDTH + BAR_AREA).append("\" y=\"")
        .append(bottom + 16).append("\" text-anchor=\"end\" fill=\"#888\">").append(percent(scale)).append("</text>\n");
    if (threshold != null) appendThreshold(out, threshold, bottom, scale);
    return out.append("</svg>").toString();
  }

  /** The axis maximum: the first of {@link #SCALES} with 10% room above every value. */
  static double scale(List<Bar> bars, Double threshold) {
    double max = threshold == null ? 0 : threshold;
    for (Bar bar : bars) max = Math.max(max, bar.value());
    for (double scale : SCALES) if (max * 1.1 <= scale) return scale;
    return 1.0;
  }

  private static void appendBar(StringBuilder out, Bar bar, int y, Double threshold, double scale) {
    double width = Math.min(1, bar.value() / scale) * BAR_AREA;
    boolean over = threshold != null && bar.value() > threshold;
    String value = percent(bar.value()) + (bar.note() == null ? "" : "  " + bar.note());
    out.append("<g><title>").append(escape(bar.label() + ": " + value)).append("</title>")
        .append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 12)
        .append("\" text-anchor=\"end\">").append(escape(shortened(bar.label()))).append("</text>")
        .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y)
        .append("\" width=\"").append(number(width)).append("\" height=\"").append(BAR_HEIGHT)
        .append("\" fill=\"").append(over ? WARNING : NORMAL).append("\"/>")
        .append("<text x=\"").append(VALUES_X).append("\" y=\"")
        .append(y + 12).append("\">").append(escape(value)).append("</text></g>\n");
  }

  private static void appendThreshold(StringBuilder out, double threshold, int bottom, double scale) {
    String x = number(LABEL_WIDTH + threshold / scale * BAR_AREA);
    out.append("<line class=\"threshold\" x1=\"").append(x).append("\" y1=\"").append(TOP - 6)
        .append("\" x2=\"").append(x).append("\" y2=\"").append(bottom)
        .append("\" stroke=\"").append(WARNING).append("\" stroke-width=\"1.5\"")
        .append(" stroke-dasharray=\"5 4\"/>\n")
        .append("<text x=\"").append(x).append("\" y=\"").append(bottom + 30)
        .append("\" text-anchor=\"middle\" fill=\"").append(WARNING).append("\">threshold ")
        .append(percent(threshold)).append("</text>\n");
  }

  /** 0.125 as "12.5%". */
  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  static String number(double pixels) {
    return String.format(Locale.ROOT, "%.1f", pixels);
  }

  // Trigger phrases can be whole sentences; the full label stays in the bar's tooltip.
  private static String shortened(String label) {
    if (label.codePointCount(0, label.length()) <= MAX_LABEL_CHARS) return label;
    String kept = label.substring(0, label.offsetByCodePoints(0, MAX_LABEL_CHARS - 1));
    return kept.stripTrailing() + "…";
  }
}
