package io.konvoqa.report;

import static io.konvoqa.report.render.Html.escape;

import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.privacy.Privacy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The verdict as the small table at the top of a gate in the report: what was claimed, the figure
 * measured, n, the Wilson 95% interval where it applies, the threshold and how the gate ended,
 * then every other figure and the first offending sessions.
 *
 * <p>Every value is escaped: reasons quote AI replies, ids and names come from production data.
 */
final class VerdictTable {
  private VerdictTable() {}

  private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:16px;color:#222}"
      + "table{border-collapse:collapse;margin-bottom:16px}"
      + "th,td{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}"
      + "th{background:#f4f4f4;font-weight:600;white-space:nowrap}"
      + "td{white-space:pre-wrap;overflow-wrap:anywhere}"
      + ".passed{color:#1b5e20;font-weight:600}.breached{color:#b71c1c;font-weight:600}"
      + ".not-judged{color:#e65100;font-weight:600}"
      + ".warning{background:#b71c1c;color:#fff;padding:8px 12px;font-weight:600;margin-bottom:12px}"
      + "svg.trend{display:block;max-width:100%;height:auto;margin-bottom:16px}.trend-new{color:#555}"
      + ".trend-key{color:#666;font-size:12px;max-width:560px}";

  /** What the table shows of the offending sessions. */
  record Offenders(int transcripts, DashboardLink link, String linkProblem) {}

  static String html(Verdict v, boolean masked, Offenders offenders) {
    return html(v, masked, offenders, null);
  }

  /** With the gate's figure over its last runs after the table; {@code trend} null for none. */
  static String html(Verdict v, boolean masked, Offenders offenders, TrendSeries trend) {
    StringBuilder out = new StringBuilder(head("Verdict: " + v.gate())).append("<body>\n");
    if (!masked) out.append("<p class=\"warning\">Personal data ").append(escape(Privacy.NOT_MASKED)).append("</p>\n");
    List<Figure> rest = new ArrayList<>(v.figures());
    out.append("<table class=\"verdict\">\n");
    row(out, "claimed", v.gate(), null);
    row(out, "result", v.outcome().label(), cssClass(v.outcome()));
    row(out, v.outcome().couldNotJudge() ? "why not judged" : "reason", v.reason(), null);
    row(out, "measured", v.figure(), null);
    take(rest, f -> f.kind() == Figure.Kind.N).forEach(f -> row(out, "n", f.value() + population(f.name()), null));
    take(rest, f -> f.kind() == Figure.Kind.INTERVAL && Math.abs(f.interval().confidence() - 0.95) < 1e-12)
        .forEach(f -> row(out, "Wilson 95% interval", f.value(), null));
    take(rest, f -> f.kind() == Figure.Kind.THRESHOLD).forEach(f -> row(out, "threshold", f.value(), null));
    row(out, "offending sessions", String.format(Locale.ROOT, "%,d", v.offenders().size()), null);
    row(out, "personal data", masked ? "masked" : "NOT MASKED", masked ? null : "breached");
    out.append("</table>\n").append(TrendSection.html(trend));
    if (!rest.isEmpty()) {
      out.append("<h3>Figures</h3>\n<table class=\"figures\">\n");
      rest.forEach(f -> row(out, f.name(), f.value(), null));
      out.append("</table>\n");
    }
    appendOffenders(out, v.offenders(), offenders);
    return out.append("</body>\n</html>\n").toString();
  }

  private static void appendOffenders(StringBuilder out, List<Offender> all, Offenders shown) {
    if (all.isEmpty()) return;
    int n = Math.min(all.size(), shown.transcripts());
    out.append("<h3>Offending sessions</h3>\n<p>").append(String.format(Locale.ROOT,
        "All %,d with their reasons are in the CSV attachment; ", all.size()))
        .append(n == 0 ? "none shown as transcripts (KONVO_TRANSCRIPTS=0)."
            : String.format(Locale.ROOT, "the first %,d are attached as transcripts:", n)).append("</p>\n");
    if (shown.linkProblem() != null) {
      out.append("<p class=\"not-judged\">No dashboard links: ").append(escape(shown.linkProblem())).append("</p>\n");
    }
    if (n == 0) return;
    out.append("<table class=\"offenders\">\n<tr><th>session</th><th>reason</th>")
        .append(shown.link() == null ? "" : "<th>dashboard</th>").append("</tr>\n");
    for (Offender o : all.subList(0, n)) {
      out.append("<tr><td>").append(escape(o.sessionId())).append("</td><td>").append(escape(o.reason())).append("</td>");
      if (shown.link() != null) {
        out.append("<td><a href=\"").append(escape(shown.link().url(o.sessionId())))
            .append("\" target=\"_blank\" rel=\"noopener noreferrer\">open in Konvo</a></td>");
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  private static String cssClass(Outcome outcome) {
    return outcome == Outcome.PASSED ? "passed" : outcome == Outcome.BREACHED ? "breached" : "not-judged";
  }

  private static List<Figure> take(List<Figure> figures, Predicate<Figure> which) {
    List<Figure> taken = figures.stream().filter(which).toList();
    figures.removeAll(taken);
    return taken;
  }

  /** What an n counts, from its name: "n (completed sessions)" gives " completed sessions". */
  private static String population(String name) {
    if (name.length() <= 2) return "";
    String t = name.substring(2).strip();
    return " " + (t.startsWith("(") && t.endsWith(")") ? t.substring(1, t.length() - 1) : t);
  }

  private static void row(StringBuilder out, String name, String value, String cssClass) {
    out.append("<tr><th>").append(escape(name)).append("</th><td")
        .append(cssClass == null ? "" : " class=\"" + cssClass + "\"").append('>')
        .append(escape(value)).append("</td></tr>\n");
  }

  /** The same policy as the transcripts: no script, no remote load, even if escaping were missed. */
  static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        + "<title>" + escape(title) + "</title>\n<style>" + CSS + "</style>\n</head>\n";
  }

  /** The verdict as plain text: claim, outcome, reason, then every figure. */
  static String text(Verdict v) {
    StringBuilder text = new StringBuilder();
    text.append(v.gate()).append('\n');
    text.append(v.outcome().label().toUpperCase(java.util.Locale.ROOT)).append(": ").append(v.reason()).append("\n\n");
    int width = v.figures().stream().mapToInt(f -> f.name().length()).max().orElse(0);
    for (io.konvoqa.gate.Figure f : v.figures()) {
      text.append(String.format(java.util.Locale.ROOT, "%-" + Math.max(1, width) + "s  %s%n", f.name(), f.value()));
    }
    if (!v.offenders().isEmpty()) {
      text.append(String.format(java.util.Locale.ROOT, "%n%,d offending sessions (all in the CSV):%n", v.offenders().size()));
      v.offenders().stream().limit(20).forEach(o -> text.append("  ").append(o.sessionId()).append("  ")
          .append(io.konvoqa.gate.VerdictAssert.shortened(o.reason(), 160)).append('\n'));
      if (v.offenders().size() > 20) text.append("  ...\n");
    }
    return text.toString();
  }
}
