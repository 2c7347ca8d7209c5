package io.konvoqa.report.render;

import io.konvoqa.report.render.TranscriptFacts.Field;
import io.konvoqa.report.render.TranscriptFacts.Line;
import io.konvoqa.session.Session;
import java.util.List;

/** The plain-text transcript. */
final class TranscriptText {
  private TranscriptText() {}

  static String render(Session session, String reason, TranscriptOptions options) {
    StringBuilder out = new StringBuilder();
    if (reason != null && !reason.isBlank()) {
      out.append("Why this session offends: ").append(clean(reason)).append("\n\n");
    }
    for (Field field : TranscriptFacts.header(session)) {
      out.append(field.label()).append(": ").append(clean(field.value())).append('\n');
    }
    String url = TranscriptFacts.dashboardUrl(session, options);
    if (url != null) out.append("Dashboard: ").append(clean(url)).append('\n');
    out.append("\nMessages:\n");
    List<Line> lines = TranscriptFacts.lines(session, options);
    if (lines == null) out.append("  ").append(TranscriptFacts.NOT_SENT).append('\n');
    else if (lines.isEmpty()) out.append("  none\n");
    else lines.forEach(line -> appendLine(out, line));
    out.append("\nTrail:\n");
    List<String> trail = TranscriptFacts.trail(session);
    if (trail == null) out.append("  ").append(TranscriptFacts.NOT_SENT).append('\n');
    else if (trail.isEmpty()) out.append("  empty\n");
    else trail.forEach(item -> out.append(indented("- " + JsonIndent.indent(item))).append('\n'));
    return out.toString();
  }

  /** Every conversation one after another, each under a numbered rule. */
  static String renderAll(List<Transcript.Shown> shown, TranscriptOptions options) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shown.size(); i++) {
      Transcript.Shown s = shown.get(i);
      if (i > 0) out.append('\n');
      out.append("=== Conversation ").append(i + 1).append(" of ").append(shown.size()).append(": ")
          .append(clean(s.session().id())).append(" ===\n");
      out.append(render(s.session(), s.reason(), options));
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, Line line) {
    String delay = line.delay() == null ? "" : " (" + line.delay() + ")";
    out.append(indented("[" + line.time() + "] " + line.speaker() + delay + ": " + line.text()))
        .append('\n');
  }

  private static String indented(String text) {
    return "  " + clean(text).replace("\n", "\n    ");
  }

  // Control characters from a chat (ANSI escapes, carriage returns) could rewrite a CI console.
  static String clean(String text) {
    return text.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "\uFFFD");
  }
}
