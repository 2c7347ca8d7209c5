package io.konvoqa.report.render;

/**
 * Indents raw JSON for reading. Trail items are undocumented and may not even be valid JSON, so
 * this never parses or fails: it only breaks lines at structure outside strings.
 */
final class JsonIndent {
  private JsonIndent() {}

  static String indent(String json) {
    if (json == null) return "null";
    String trimmed = json.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return json;
    StringBuilder out = new StringBuilder(json.length() * 2);
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < json.length()) out.append(json.charAt(++i));
        else if (c == '"') inString = false;
        continue;
      }
      switch (c) {
        case '"' -> { inString = true; out.append(c); }
        case '{', '[' -> {
          out.append(c);
          if (!closesNext(json, i)) newline(out, ++depth);
          else depth++;
        }
        case '}', ']' -> {
          depth = Math.max(0, depth - 1);
          if (!isOpen(out)) newline(out, depth);
          out.append(c);
        }
        case ',' -> { out.append(c); newline(out, depth); }
        case ':' -> out.append(": ");
        case ' ', '\t', '\n', '\r' -> { }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean closesNext(String json, int i) {
    int next = i + 1;
    while (next < json.length() && Character.isWhitespace(json.charAt(next))) next++;
    return next < json.length() && (json.charAt(next) == '}' || json.charAt(next) == ']');
  }

  private static boolean isOpen(StringBuilder out) {
    if (out.isEmpty()) return false;
    char last = out.charAt(out.length() - 1);
    return last == '{' || last == '[';
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n').append("  ".repeat(depth));
  }
}
