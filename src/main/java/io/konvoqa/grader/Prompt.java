package io.konvoqa.grader;

import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the judge is told: a system message with the judging instructions, the answer contract and
 * the rubric, and a user message with the transcript as plain text, one message a line
 * ({@code [2026-11-27 10:00:01Z] customer: text}, continuation lines indented), cut to a budget.
 */
final class Prompt {
  /** Changes whenever the instructions or the transcript's layout change: cached judgments then expire. */
  static final String PROMPT_VERSION = "judge-v1";
  static final String CUT_MARK = "[... %d messages cut to fit the judge's budget (KONVO_JUDGE_MAX_CHARS) ...]";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Prompt() {}

  static String system(Rubric rubric) {
    return """
        You are a strict quality reviewer of customer-service conversations between customers, an \
        AI assistant and human agents. Judge ONE conversation against the rubric below, and only \
        against it. Judge what was said, not what should have been said about other topics.

        Answer with exactly one JSON object and nothing else:
        {"verdict": "pass", "reason": "<one or two sentences>"}
        or
        {"verdict": "fail", "reason": "<one or two sentences>"}
        "verdict" is "pass" when the conversation meets the rubric and "fail" when it does not. \
        "reason" names what in the conversation decided the verdict. Phone numbers, e-mail \
        addresses and customer ids may be masked (such as [phone …42] or a***@***.com); that is \
        not a fault.

        Rubric: "%s"
        %s""".formatted(rubric.name(), rubric.text().strip());
  }

  /** The transcript as the judge reads it, at most {@code maxChars} characters plus the cut mark. */
  static String user(Session session, Map<String, Role> roles, int maxChars) {
    List<String> lines = new ArrayList<>();
    for (Message m : session.messages() == null ? List.<Message>of() : session.messages()) {
      if (m == null || !m.hasText() || m.text().isBlank()) continue;
      lines.add(line(m, roles));
    }
    return "The conversation (" + lines.size() + " messages, oldest first):\n" + cut(lines, maxChars);
  }

  static String line(Message m, Map<String, Role> roles) {
    Role role = Role.of(m.initiatorOrigin(), roles);
    String who = role == Role.OTHER ? String.valueOf(m.initiatorOrigin()) : role.name().toLowerCase(Locale.ROOT);
    String at = m.createdAt() == null ? "time unknown" : TIME.format(m.createdAt());
    return "[" + at + "] " + who + ": " + m.text().strip().replaceAll("\r?\n", "\n    ");
  }

  /**
   * All lines if they fit; else the first and the last, then as many as fit taken alternately
   * from the front and the back, with the cut marked where lines were left out.
   */
  static String cut(List<String> lines, int maxChars) {
    int total = lines.stream().mapToInt(l -> l.length() + 1).sum();
    if (total <= maxChars) return String.join("\n", lines);
    if (lines.size() <= 2 || lines.get(0).length() + lines.get(lines.size() - 1).length() + 2 > maxChars) {
      lines = new ArrayList<>(lines);
      int each = maxChars / Math.min(2, lines.size()) - 1;
      lines.set(0, shorten(lines.get(0), each));
      lines.set(lines.size() - 1, shorten(lines.get(lines.size() - 1), each));
      if (lines.size() <= 2) return String.join("\n", lines);
    }
    int front = 1;
    int back = 1;
    int used = lines.get(0).length() + lines.get(lines.size() - 1).length() + 2;
    boolean fromFront = true;
    while (front + back < lines.size()) {
      String next = fromFront ? lines.get(front) : lines.get(lines.size() - 1 - back);
      if (used + next.length() + 1 > maxChars) break;
      used += next.length() + 1;
      if (fromFront) front++; else back++;
      fromFront = !fromFront;
    }
    List<String> out = new ArrayList<>(lines.subList(0, front));
    out.add(String.format(Locale.ROOT, CUT_MARK, lines.size() - front - back));
    out.addAll(lines.subList(lines.size() - back, lines.size()));
    return String.join("\n", out);
  }

  /** The line's start and end, its middle replaced by a mark, in at most {@code max} characters. */
  static String shorten(String line, int max) {
    if (line.length() <= max) return line;
    String mark = " [... message cut ...] ";
    int keep = Math.max(0, max - mark.length());
    return line.substring(0, keep - keep / 3) + mark + line.substring(line.length() - keep / 3);
  }
}
