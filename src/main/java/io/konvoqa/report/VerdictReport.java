package io.konvoqa.report;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;

/**
 * Turns a verdict into Allure attachments on the current step: the verdict table, every
 * offending session as CSV, and the first offenders as transcripts.
 */
public final class VerdictReport {
  private VerdictReport() {}

  public static void attach(Verdict verdict, Sample sample, Settings settings) {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    if (lifecycle.getCurrentTestCase().isEmpty()) return; // not inside an Allure-reported run
    lifecycle.addAttachment("Verdict: " + verdict.outcome().label(), "text/html", "html",
        table(verdict).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!verdict.offenders().isEmpty()) {
      lifecycle.addAttachment("Offending sessions (" + verdict.offenders().size() + ")", "text/csv", "csv",
          csv(verdict).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  static String table(Verdict v) {
    StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><table>");
    row(html, "gate", v.gate());
    row(html, "outcome", v.outcome().label());
    row(html, "reason", v.reason());
    for (Figure f : v.figures()) row(html, f.name(), f.value());
    return html.append("</table>").toString();
  }

  private static void row(StringBuilder html, String name, String value) {
    html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
  }

  static String csv(Verdict v) {
    StringBuilder csv = new StringBuilder("session_id,reason\n");
    for (Offender o : v.offenders()) csv.append(cell(o.sessionId())).append(',').append(cell(o.reason())).append('\n');
    return csv.toString();
  }

  private static String cell(String value) {
    String v = value == null ? "" : value;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  private static String escape(String s) {
    if (s == null) return "";
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
