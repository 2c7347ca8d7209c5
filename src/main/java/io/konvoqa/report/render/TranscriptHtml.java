package io.konvoqa.report.render;

import static io.konvoqa.report.render.Html.escape;

import io.konvoqa.report.render.TranscriptFacts.Field;
import io.konvoqa.report.render.TranscriptFacts.Line;
import io.konvoqa.session.Session;
import java.util.List;

/** The HTML transcript: customer on the left, AI on the right, a human agent marked apart. */
final class TranscriptHtml {
  private TranscriptHtml() {}

  private static final String CSS =
      "body{font:14px/1.45 system-ui,sans-serif;margin:16px;color:#222}"
      + ".reason{background:#fdecea;border-left:4px solid #c62828;padding:8px 12px;margin:0 0 12px}"
      + "table.header{border-collapse:collapse;margin-bottom:16px}"
      + "table.header th{text-align:left;color:#555;padding:2px 16px 2px 0;font-weight:600}"
      + ".chat{display:flex;flex-direction:column;gap:10px;max-width:820px}"
      + ".msg{max-width:70%;padding:8px 12px;border-radius:12px}"
      + ".customer{align-self:flex-start;background:#eeeeee}"
      + ".ai{align-self:flex-end;background:#dbeafe}"
      + ".agent{align-self:flex-end;background:#fff3cd;border:2px solid #d97706}"
      + ".other{align-self:center;background:#f3e8ff;border:1px dashed #7c3aed}"
      + ".meta{font-size:12px;color:#555;margin-bottom:4px}"
      + ".who{font-weight:600}.delay{color:#1b5e20}"
      + ".text{white-space:pre-wrap;overflow-wrap:anywhere}"
      + ".missing{color:#888;font-style:italic}"
      + "pre{background:#f6f8fa;padding:8px;overflow-x:auto}"
      + "section.conversation{border-top:3px solid #90a4ae;padding-top:4px;margin-top:28px}"
      + "section.conversation:first-of-type{margin-top:8px}"
      + "section.conversation>h2{font-size:18px;margin:8px 0 10px}"
      + "h3{font-size:15px;margin:14px 0 8px}";

  static String render(Session session, String reason, TranscriptOptions options) {
    StringBuilder out = new StringBuilder(Html.head("Transcript " + session.id(), CSS));
    out.append("<body>\n");
    appendConversation(out, session, reason, options, "h2");
    return out.append("</body>\n</html>\n").toString();
  }

  /** Every conversation on one page, one after another, each under its own numbered heading. */
  static String renderAll(String title, List<Transcript.Shown> shown, TranscriptOptions options) {
    StringBuilder out = new StringBuilder(Html.head(title, CSS));
    out.append("<body>\n");
    for (int i = 0; i < shown.size(); i++) {
      Transcript.Shown s = shown.get(i);
      out.append("<section class=\"conversation\" id=\"conversation-").append(i + 1).append("\">\n")
          .append("<h2>Conversation ").append(i + 1).append(" of ").append(shown.size()).append(": ")
          .append(escape(s.session().id())).append("</h2>\n");
      appendConversation(out, s.session(), s.reason(), options, "h3");
      out.append("</section>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }

  private static void appendConversation(StringBuilder out, Session session, String reason,
      TranscriptOptions options, String heading) {
    if (reason != null && !reason.isBlank()) {
      out.append("<p class=\"reason\"><strong>Why this session offends:</strong> ")
          .append(escape(reason)).append("</p>\n");
    }
    appendHeader(out, session, options);
    out.append("<").append(heading).append(">Messages</").append(heading).append(">\n");
    appendMessages(out, TranscriptFacts.lines(session, options));
    out.append("<").append(heading).append(">Trail</").append(heading).append(">\n");
    appendTrail(out, TranscriptFacts.trail(session));
  }

  private static void appendHeader(StringBuilder out, Session session, TranscriptOptions options) {
    out.append("<table class=\"header\">\n");
    for (Field field : TranscriptFacts.header(session)) {
      out.append("<tr><th>").append(escape(field.label())).append("</th><td>")
          .append(escape(field.value())).append("</td></tr>\n");
    }
    String url = TranscriptFacts.dashboardUrl(session, options);
    if (url != null) {
      out.append("<tr><th>Dashboard</th><td><a href=\"").append(escape(url))
          .append("\" target=\"_blank\" rel=\"noopener noreferrer\">open in Konvo</a></td></tr>\n");
    }
    out.append("</table>\n");
  }

  private static void appendMessages(StringBuilder out, List<Line> lines) {
    if (lines == null || lines.isEmpty()) {
      out.append("<p class=\"missing\">")
          .append(lines == null ? TranscriptFacts.NOT_SENT : "no messages").append("</p>\n");
      return;
    }
    out.append("<div class=\"chat\">\n");
    for (Line line : lines) {
      out.append("<div class=\"msg ").append(cssClass(line)).append("\">")
          .append("<div class=\"meta\"><span class=\"who\">").append(escape(line.speaker()))
          .append("</span> · <time>").append(escape(line.time())).append("</time>");
      if (line.delay() != null) {
        out.append(" · <span class=\"delay\">").append(escape(line.delay())).append("</span>");
      }
      out.append("</div><div class=\"text\">").append(escape(line.text())).append("</div></div>\n");
    }
    out.append("</div>\n");
  }

  private static String cssClass(Line line) {
    return switch (line.role()) {
      case CUSTOMER -> "customer";
      case AI -> "ai";
      case HUMAN_AGENT -> "agent";
      case OTHER -> "other";
    };
  }

  private static void appendTrail(StringBuilder out, List<String> trail) {
    if (trail == null || trail.isEmpty()) {
      out.append("<p class=\"missing\">")
          .append(trail == null ? TranscriptFacts.NOT_SENT : "empty").append("</p>\n");
      return;
    }
    out.append("<ol class=\"trail\">\n");
    for (String item : trail) {
      out.append("<li><pre>").append(escape(JsonIndent.indent(item))).append("</pre></li>\n");
    }
    out.append("</ol>\n");
  }
}
