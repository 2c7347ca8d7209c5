package io.konvoqa.report.render;

import static io.konvoqa.report.render.Html.escape;

import io.konvoqa.report.render.Charts.TrendRun;
import java.util.List;
import java.util.Locale;

/**
 * The SVG behind {@link Charts#trendChart}: runs left to right, the y axis in percent from 0 to
 * the smallest of a few round scales that leaves room above every value and threshold (a wide
 * interval of a small sample is cut at the top rather than squash the line). A run that could not
 * judge is a gap in the line, marked on the axis.
 */
final class TrendChart {
  private TrendChart() {}

  static final int WIDTH = 560;
  static final int HEIGHT = 210;
  private static final int LEFT = 48, RIGHT = 112, TOP = 16, BOTTOM = 32, PAD = 12;
  private static final int PLOT_W = WIDTH - LEFT - RIGHT, PLOT_H = HEIGHT - TOP - BOTTOM;
  private static final double[] SCALES = {0.01, 0.02, 0.04, 0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.8, 1.0};
  private static final String LINE = "#4e79a7", BAND = "#a0bcd8", WARNING = "#e15759", GREY = "#888";

  static String svg(String title, List<TrendRun> runs) {
    double scale = scale(runs);
    StringBuilder out = new StringBuilder();
    out.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n<title>")
        .append(escape(title)).append("</title>\n");
    appendAxis(out, scale);
    appendThreshold(out, runs, scale);
    appendLine(out, runs, scale);
    for (int i = 0; i < runs.size(); i++) appendRun(out, runs.get(i), x(i, runs.size()), scale, i == runs.size() - 1);
    appendRunLabels(out, runs);
    return out.append("</svg>").toString();
  }

  static double scale(List<TrendRun> runs) {
    double max = 0;
    for (TrendRun r : runs) {
      for (Double d : new Double[] {r.value(), r.threshold()}) if (d != null) max = Math.max(max, d);
    }
    for (double scale : SCALES) if (max * 1.2 <= scale) return scale;
    return 1.0;
  }

  private static void appendAxis(StringBuilder out, double scale) {
    int divisions = divisions(scale);
    for (int k = 0; k <= divisions; k++) {
      double share = scale * k / divisions;
      String y = number(y(share, scale));
      out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(LEFT + PLOT_W)
          .append("\" y2=\"").append(y).append("\" stroke=\"").append(k == 0 ? "#bbb" : "#eee").append("\"/>")
          .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(number(y(share, scale) + 4))
          .append("\" text-anchor=\"end\" fill=\"").append(GREY).append("\">").append(axisPercent(share))
          .append("</text>\n");
    }
  }

  /** Gridlines at round percentages: 0.25 in steps of 5%, 0.4 in steps of 10%. */
  private static int divisions(double scale) {
    long hundredths = Math.round(scale * 100);
    return hundredths == 60 ? 6 : hundredths % 5 == 0 && hundredths != 20 && hundredths != 40 && hundredths != 80 ? 5 : 4;
  }

  /** A dashed step per run, so a threshold changed between runs shows where it changed. */
  private static void appendThreshold(StringBuilder out, List<TrendRun> runs, double scale) {
    StringBuilder path = new StringBuilder();
    double half = runs.size() == 1 ? PLOT_W / 2.0 : (PLOT_W - 2.0 * PAD) / (runs.size() - 1) / 2;
    Double level = null, last = null;
    double from = 0, to = 0;
    for (int i = 0; i <= runs.size(); i++) {
      // a run that could not judge may not know its threshold: the line goes on through the gap
      Double t = i == runs.size() ? null
          : runs.get(i).threshold() == null && runs.get(i).value() == null ? last : runs.get(i).threshold();
      if (level != null && !level.equals(t)) {
        path.append(" M").append(number(from)).append(' ').append(number(y(level, scale)))
            .append(" L").append(number(to)).append(' ').append(number(y(level, scale)));
      }
      if (t == null) {
        level = null;
        continue;
      }
      double x = x(i, runs.size());
      if (!t.equals(level)) from = Math.max(LEFT, x - half);
      to = Math.min(LEFT + PLOT_W, x + half);
      level = last = t;
    }
    if (path.isEmpty()) return;
    out.append("<path class=\"threshold\" d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"")
        .append(WARNING).append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>\n");
    Double current = runs.get(runs.size() - 1).threshold();
    if (current != null) {
      out.append("<text x=\"").append(LEFT + PLOT_W + 6).append("\" y=\"").append(number(y(current, scale) + 4))
          .append("\" fill=\"").append(WARNING).append("\">threshold ")
          .append(percent(current)).append("</text>\n");
    }
  }

  /** The line through the judged runs, broken where a run could not judge. */
  private static void appendLine(StringBuilder out, List<TrendRun> runs, double scale) {
    StringBuilder path = new StringBuilder();
    boolean drawing = false;
    for (int i = 0; i < runs.size(); i++) {
      Double v = runs.get(i).value();
      if (v == null) {
        drawing = false;
        continue;
      }
      path.append(drawing ? " L" : " M").append(number(x(i, runs.size()))).append(' ').append(number(y(v, scale)));
      drawing = true;
    }
    if (path.isEmpty()) return;
    out.append("<path class=\"line\" d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"")
        .append(LINE).append("\" stroke-width=\"2\"/>\n");
  }

  private static void appendRun(StringBuilder out, TrendRun run, double x, double scale, boolean current) {
    out.append("<g class=\"").append(current ? "run current" : "run").append("\"><title>")
        .append(escape(hover(run, current))).append("</title>");
    if (run.value() == null) {
      double y = y(0, scale);
      out.append("<path class=\"gap\" d=\"M").append(number(x - 4)).append(' ').append(number(y - 4)).append(" l8 8 m0 -8 l-8 8\"")
          .append(" stroke=\"").append(GREY).append("\" stroke-width=\"1.5\"/>");
    } else {
      if (run.low() != null && run.high() != null) {
        out.append("<line class=\"interval\" x1=\"").append(number(x)).append("\" y1=\"").append(number(y(run.low(), scale)))
            .append("\" x2=\"").append(number(x)).append("\" y2=\"").append(number(y(run.high(), scale)))
            .append("\" stroke=\"").append(BAND).append("\" stroke-width=\"3\"/>");
      }
      out.append("<circle class=\"point\" cx=\"").append(number(x)).append("\" cy=\"").append(number(y(run.value(), scale)))
          .append("\" r=\"").append(current ? "4.5" : "3.5").append("\" fill=\"").append(run.breached() ? WARNING : LINE)
          .append("\"/>");
    }
    if (current) {
      double y = run.value() == null ? y(0, scale) : y(run.value(), scale);
      out.append("<circle class=\"this-run\" cx=\"").append(number(x)).append("\" cy=\"").append(number(y))
          .append("\" r=\"8\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\"/>");
    }
    out.append("</g>\n");
  }

  private static void appendRunLabels(StringBuilder out, List<TrendRun> runs) {
    int n = runs.size();
    double labelsY = TOP + PLOT_H + 18;
    if (n > 1) {
      out.append("<text x=\"").append(number(x(0, n))).append("\" y=\"").append(number(labelsY))
          .append("\" fill=\"").append(GREY).append("\">").append(escape(runs.get(0).label())).append("</text>\n");
    }
    TrendRun current = runs.get(n - 1);
    out.append("<text x=\"").append(number(x(n - 1, n))).append("\" y=\"").append(number(labelsY))
        .append("\" text-anchor=\"").append(n > 1 ? "end" : "middle").append("\" font-weight=\"600\">this run (")
        .append(escape(current.label())).append(current.value() == null ? ", not judged" : ": " + percent(current.value()))
        .append(")</text>\n");
  }

  static String hover(TrendRun run, boolean current) {
    StringBuilder text = new StringBuilder(run.label()).append(current ? " (this run)" : "").append(", ")
        .append(run.when()).append(": ");
    if (run.value() == null) {
      text.append("no value");
    } else {
      text.append(percent(run.value()));
      if (run.low() != null && run.high() != null) {
        text.append(" (95% interval ").append(percent(run.low())).append(" - ").append(percent(run.high())).append(')');
      }
    }
    if (run.threshold() != null) text.append(", threshold ").append(percent(run.threshold()));
    if (run.note() != null) text.append(", ").append(run.note());
    return text.toString();
  }

  private static double x(int i, int n) {
    return n == 1 ? LEFT + PLOT_W / 2.0 : LEFT + PAD + i * (PLOT_W - 2.0 * PAD) / (n - 1);
  }

  private static double y(double share, double scale) {
    return TOP + PLOT_H - Math.min(1, share / scale) * PLOT_H;
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** Axis ticks as short as they can be: "5%", "2.5%", "1.25%". */
  private static String axisPercent(double share) {
    return java.math.BigDecimal.valueOf(share * 100).setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString() + "%";
  }

  private static String number(double pixels) {
    return String.format(Locale.ROOT, "%.1f", pixels);
  }
}
