package io.konvoqa.report;

import java.util.regex.Pattern;

/**
 * The one-screen summary as Markdown, for a CI job summary ({@code $GITHUB_STEP_SUMMARY}): the
 * same lines as the console's, as a table, then the count and the report's path. Every text is
 * escaped as plain text: the reasons quote the AI's and customers' messages, and a job summary
 * must never gain HTML, links, mentions or a broken table from them.
 */
final class MarkdownSummary {
  private static final String ZERO_WIDTH_SPACE = "\u200B";
  /** What GitHub would turn into a link or a mention even when escaped: URL schemes, www., @name, #123. */
  private static final Pattern LINKISH = Pattern.compile("(?i)(?<=:)(?=//)|(?<=\\bwww)(?=\\.)|(?<=[@#])(?=\\w)");

  private MarkdownSummary() {}

  static String of(Summary summary, String header, String reportPath) {
    StringBuilder md = new StringBuilder();
    md.append("## konvo-qa gates\n\n");
    if (header != null) md.append(cell(header)).append("\n\n");
    if (summary.lines().isEmpty()) {
      md.append("No gate ran: check the features directory and the tag filter.\n\n");
    } else {
      md.append("| outcome | gate | figure or reason |\n| --- | --- | --- |\n");
      for (Summary.Line line : summary.lines()) {
        md.append("| ").append(outcome(line)).append(" | ").append(cell(line.title()))
            .append(" | ").append(cell(line.shortDetail())).append(" |\n");
      }
      md.append('\n');
    }
    if (summary.judgeLine() != null) md.append(cell(summary.judgeLine())).append("\n\n");
    md.append("**").append(cell(summary.countLine())).append("**\n\n");
    md.append("Report: ").append(code(reportPath)).append('\n');
    return md.toString();
  }

  /** The console's tag with a sign; no-break spaces keep the column narrow and on one line. */
  private static String outcome(Summary.Line line) {
    return switch (line.outcome()) {
      case PASSED -> "✅\u00A0PASSED";
      case BREACHED -> "❌\u00A0BREACHED";
      case CONFIGURATION_ERROR -> "⚠️\u00A0CONFIG";
      default -> "⚠️\u00A0NOT\u00A0JUDGED";
    };
  }

  /**
   * Plain text for a table cell (or a line): one line, every character Markdown or HTML reads
   * escaped, and a zero-width space where GitHub would make a link or a mention.
   */
  static String cell(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length() + 16);
    String flat = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
    flat.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '|', '~', '$', '!' -> out.append('\\').appendCodePoint(c);
        case 0xFFFE, 0xFFFF -> { } // not characters: nothing to show
        // a lone surrogate cannot be written as UTF-8
        default -> out.appendCodePoint(c <= 0xFFFF && Character.isSurrogate((char) c) ? 0xFFFD : c);
      }
    });
    return LINKISH.matcher(out).replaceAll(ZERO_WIDTH_SPACE);
  }

  /** A code span around text that may hold backticks itself. */
  static String code(String text) {
    String flat = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    int longest = 0, run = 0;
    for (char c : flat.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return fence + pad + flat + pad + fence;
  }
}
