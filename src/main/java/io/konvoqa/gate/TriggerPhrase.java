package io.konvoqa.gate;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A phrase that labels unlabeled traffic: matched case-insensitively as text, or as a regular
 * expression when written between slashes ({@code /wo ist (meine|die) bestellung/}).
 */
public final class TriggerPhrase {
  private final String text;
  private final Pattern pattern;

  private TriggerPhrase(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  public static TriggerPhrase parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ConfigurationException("a trigger phrase is empty: write the words to look for,"
          + " or a /regular expression/");
    }
    String trimmed = text.trim();
    if (trimmed.length() >= 2 && trimmed.startsWith("/") && trimmed.endsWith("/")) {
      return new TriggerPhrase(trimmed, regex(trimmed.substring(1, trimmed.length() - 1), trimmed));
    }
    return new TriggerPhrase(trimmed, Pattern.compile(Pattern.quote(trimmed),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** A regular expression written without slashes, as in "no AI reply matches". */
  public static Pattern regex(String expression, String asWritten) {
    try {
      return Pattern.compile(expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new ConfigurationException("'" + asWritten + "' is not a valid regular expression ("
          + e.getDescription() + " near index " + e.getIndex() + "): fix it, or escape special"
          + " characters such as ( [ . * + ? with a backslash");
    }
  }

  public boolean matches(String message) {
    return message != null && pattern.matcher(message).find();
  }

  public String text() {
    return text;
  }

  @Override public String toString() {
    return "'" + text + "'";
  }

  @Override public boolean equals(Object o) {
    return o instanceof TriggerPhrase other && other.text.equals(text);
  }

  @Override public int hashCode() {
    return text.hashCode();
  }
}
