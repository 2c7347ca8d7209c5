package io.konvoqa.report;

import static io.konvoqa.report.render.Html.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code reports/conversations.html}: every offending session of every failing gate of a run, one
 * row per session naming all the gates it breaks, filterable by gate and by channel. A single
 * offline file: no script at all (the filters are radio buttons and CSS {@code :has()}), no
 * remote load, and a policy that forbids both; every text is escaped.
 */
public final class ConversationsPage {
  static final String FILE = "conversations.html";
  /** From {@code reports/allure-report/index.html} and {@code reports/allure-site/index.html}. */
  static final String FROM_REPORT = "../" + FILE;

  private ConversationsPage() {}

  public static Path file(Path reportsDir) {
    return reportsDir.resolve(FILE);
  }

  /** Writes the page, also when no gate had offenders (it then says so). */
  public static Path write(Path reportsDir, Conversations conversations) {
    Path file = file(reportsDir);
    try {
      Files.createDirectories(reportsDir);
      Files.writeString(file, html(conversations), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  static String html(Conversations conversations) {
    List<Conversations.Row> rows = conversations.rows();
    List<String> gates = conversations.gates();
    List<String> channels = channels(rows);
    StringBuilder out = new StringBuilder(16_384 + rows.size() * 512);
    out.append(head(filterCss(rows, gates, channels))).append("<body>\n<header>\n<h1>Conversations</h1>\n");
    if (rows.isEmpty()) {
      out.append("<p class=\"lead\">No failing gate named an offending session in this run.</p>\n")
          .append("<p><a href=\"allure-report/index.html\">Open the report</a></p>\n</header>\n</body>\n</html>\n");
      return out.toString();
    }
    out.append(String.format(Locale.ROOT, "<p class=\"lead\">%,d offending session%s of %d failing gate%s."
        + " A session that breaks several gates is one row naming all of them. Transcripts are masked as in the report;"
        + " the first %d offending sessions of each gate have one.</p>\n", rows.size(), rows.size() == 1 ? "" : "s",
        gates.size(), gates.size() == 1 ? "" : "s", conversations.transcripts()));
    out.append("<p><a href=\"allure-report/index.html\">Open the report</a></p>\n</header>\n");
    filters(out, "gate", "Gate", "All gates", gates, rows, true);
    filters(out, "channel", "Channel", "All channels", channels, rows, false);
    out.append("<main>\n<p class=\"none\">No session breaks this gate on this channel.</p>\n")
        .append("<table>\n<thead><tr><th>Session</th><th>Gates it breaks, and why</th><th>channel</th>")
        .append("<th>sub_intent_type</th><th>created_at</th></tr></thead>\n");
    DashboardLink link = conversations.dashboardUrlTemplate() == null ? null
        : new DashboardLink(conversations.dashboardUrlTemplate());
    for (Conversations.Row row : rows) row(out, row, gates, channels, link);
    // after the rows, so that its counter has counted them; shown above them
    out.append("</table>\n<p class=\"count\">of ").append(String.format(Locale.ROOT, "%,d", rows.size()))
        .append(" sessions shown</p>\n");
    return out.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void row(StringBuilder out, Conversations.Row row, List<String> gates, List<String> channels,
      DashboardLink link) {
    out.append("<tbody class=\"s");
    for (Conversations.Broken b : row.broken()) out.append(" g").append(gates.indexOf(b.label()) + 1);
    out.append(" c").append(channels.indexOf(channel(row)) + 1).append("\">\n<tr><td class=\"id\"><code>")
        .append(escape(row.sessionId())).append("</code>");
    if (link != null) {
      out.append("<br><a href=\"").append(escape(link.url(row.sessionId())))
          .append("\" target=\"_blank\" rel=\"noopener noreferrer\">open in Konvo</a>");
    }
    out.append("</td><td><ul class=\"gates\">");
    for (Conversations.Broken b : row.broken()) {
      out.append("<li><span class=\"gate\">").append(escape(b.label())).append("</span><br><span class=\"reason\">")
          .append(escape(b.reason())).append("</span></li>");
    }
    out.append("</ul></td><td>").append(value(row.channel())).append("</td><td>").append(value(row.subIntentType()))
        .append("</td><td class=\"when\">").append(row.createdAt() == null ? value(null) : escape(row.createdAt().toString()))
        .append("</td></tr>\n<tr class=\"t\"><td colspan=\"5\">");
    if (row.transcriptHtml() != null) {
      out.append("<details><summary>Transcript</summary><div class=\"transcript\">")
          .append(row.transcriptHtml()).append("</div></details>");
    } else {
      out.append("<p class=\"missing\">").append(escape(row.missing())).append("</p>");
    }
    out.append("</td></tr>\n</tbody>\n");
  }

  private static String value(String text) {
    return text == null ? "<span class=\"missing\">not sent</span>" : escape(text);
  }

  private static final String NO_CHANNEL = "(not sent)";

  private static String channel(Conversations.Row row) {
    return row.channel() == null ? NO_CHANNEL : row.channel();
  }

  private static List<String> channels(List<Conversations.Row> rows) {
    List<String> channels = new ArrayList<>();
    for (Conversations.Row row : rows) if (!channels.contains(channel(row))) channels.add(channel(row));
    channels.sort(null);
    return channels;
  }

  /** Radio buttons; ids and classes are indices, so no value of the data reaches a selector. */
  private static void filters(StringBuilder out, String name, String legend, String all, List<String> values,
      List<Conversations.Row> rows, boolean byGate) {
    out.append("<div class=\"filter\" role=\"radiogroup\" aria-label=\"").append(legend).append("\"><span class=\"legend\">")
        .append(legend).append("</span><div class=\"chips\">\n")
        .append("<input type=\"radio\" name=\"").append(name).append("\" id=\"").append(name)
        .append("-0\" checked><label for=\"").append(name).append("-0\">").append(all)
        .append(" <span class=\"n\">").append(rows.size()).append("</span></label>\n");
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      long n = rows.stream().filter(r -> byGate
          ? r.broken().stream().anyMatch(b -> b.label().equals(value)) : channel(r).equals(value)).count();
      out.append("<input type=\"radio\" name=\"").append(name).append("\" id=\"").append(name).append('-')
          .append(i + 1).append("\"><label for=\"").append(name).append('-').append(i + 1).append("\">")
          .append(escape(value)).append(" <span class=\"n\">").append(n).append("</span></label>\n");
    }
    out.append("</div></div>\n");
  }

  /** Per gate and per channel: hide the other rows; per pair with no row: say so. */
  private static String filterCss(List<Conversations.Row> rows, List<String> gates, List<String> channels) {
    StringBuilder css = new StringBuilder();
    for (int g = 1; g <= gates.size(); g++) {
      css.append("body:has(#gate-").append(g).append(":checked) tbody.s:not(.g").append(g).append("){display:none}\n");
    }
    for (int c = 1; c <= channels.size(); c++) {
      css.append("body:has(#channel-").append(c).append(":checked) tbody.s:not(.c").append(c).append("){display:none}\n");
    }
    for (int g = 0; g <= gates.size(); g++) {
      for (int c = 0; c <= channels.size(); c++) {
        if (!matches(rows, g == 0 ? null : gates.get(g - 1), c == 0 ? null : channels.get(c - 1))) {
          css.append("body:has(#gate-").append(g).append(":checked):has(#channel-").append(c)
              .append(":checked) .none{display:block}\n");
        }
      }
    }
    return css.toString();
  }

  private static boolean matches(List<Conversations.Row> rows, String gate, String channel) {
    return rows.stream().anyMatch(r -> (gate == null || r.broken().stream().anyMatch(b -> b.label().equals(gate)))
        && (channel == null || channel(r).equals(channel)));
  }

  /** The body of a transcript page: markup built by the transcript renderer, every text escaped. */
  static String transcriptBody(String page) {
    int start = page.indexOf("<body>");
    int end = page.lastIndexOf("</body>");
    if (start < 0 || end < start) throw new IllegalArgumentException("not a transcript page: no <body>");
    return page.substring(start + "<body>".length(), end).strip();
  }

  private static String head(String filterCss) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>konvo-qa: conversations of the failing gates</title>\n<style>" + CSS + filterCss + "</style>\n</head>\n";
  }

  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:0 24px 48px;color:#222}
      h1{font-size:22px;margin:20px 0 4px}
      .lead{margin:4px 0;max-width:980px}
      a{color:#1565c0}
      .filter{display:flex;margin:12px 0 0;align-items:baseline}
      .filter .legend{flex:0 0 72px;font-weight:600}
      .chips{display:flex;flex-wrap:wrap;gap:6px;align-items:flex-start}
      .filter input{position:absolute;opacity:0;width:1px;height:1px}
      .filter label{border:1px solid #bbb;border-radius:14px;padding:3px 10px;cursor:pointer;background:#fff;max-width:560px;overflow-wrap:anywhere}
      .filter label:hover{border-color:#1565c0}
      .filter input:checked+label{background:#1565c0;border-color:#1565c0;color:#fff}
      .filter input:focus-visible+label{outline:2px solid #f9a825;outline-offset:2px}
      .n{display:inline-block;min-width:18px;padding:0 5px;border-radius:9px;background:#eceff1;color:#333;font-size:12px;text-align:center}
      main{display:flex;flex-direction:column;counter-reset:shown;margin-top:14px}
      .count{order:-2;margin:0 0 6px;color:#555}
      .count::before{content:counter(shown) " "}
      .none{order:-1;display:none;background:#fff8e1;border-left:4px solid #f9a825;padding:8px 12px;margin:0 0 8px}
      table{border-collapse:collapse;width:100%}
      thead th{position:sticky;top:0;background:#f5f5f5;text-align:left;padding:6px 10px;border-bottom:2px solid #ccc;white-space:nowrap}
      tbody.s{counter-increment:shown;border-bottom:1px solid #ddd}
      td{padding:6px 10px;vertical-align:top}
      td.when{white-space:nowrap}
      td.id{width:20ch}
      td.id code{overflow-wrap:anywhere;font-size:13px}
      td.id a{white-space:nowrap}
      ul.gates{margin:0;padding:0;list-style:none}
      ul.gates li{margin:0 0 6px;border-left:3px solid #c62828;padding-left:8px}
      .gate{font-weight:600}
      .reason{color:#444;overflow-wrap:anywhere}
      tr.t td{padding-top:0}
      details summary{cursor:pointer;color:#1565c0;width:max-content}
      .missing{color:#777;font-style:italic;margin:0}
      .transcript{border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:6px 0 10px;max-width:900px}
      .transcript h2{font-size:15px;margin:12px 0 6px}
      .transcript table.header{border-collapse:collapse;width:auto;margin-bottom:8px}
      .transcript table.header th{text-align:left;color:#555;padding:2px 16px 2px 0;font-weight:600}
      .transcript table.header td{padding:2px 0}
      .transcript .chat{display:flex;flex-direction:column;gap:10px;max-width:820px}
      .transcript .msg{max-width:70%;padding:8px 12px;border-radius:12px}
      .transcript .customer{align-self:flex-start;background:#eee}
      .transcript .ai{align-self:flex-end;background:#dbeafe}
      .transcript .agent{align-self:flex-end;background:#fff3cd;border:2px solid #d97706}
      .transcript .other{align-self:center;background:#f3e8ff;border:1px dashed #7c3aed}
      .transcript .meta{font-size:12px;color:#555;margin-bottom:4px}
      .transcript .who{font-weight:600}.transcript .delay{color:#1b5e20}
      .transcript .text{white-space:pre-wrap;overflow-wrap:anywhere}
      .transcript pre{background:#f6f8fa;padding:8px;overflow-x:auto;margin:0}
      .transcript ol.trail{padding-left:20px}
      """;
}
