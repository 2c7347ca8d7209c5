package io.konvoqa.gate;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A phrase that labels unlabeled traffic: matched case-insensitively as text, or as a regular
 * expression when written between slashes ({@code /wo ist (meine|die) bestellung/}).
 */
public final class TriggerPhrase {
  private final String text;
  private final Pattern pattern; // null for plain text, matched without a regex (it is much faster)

  private final String lowerText;

  private TriggerPhrase(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
    this.lowerText = text.toLowerCase(java.util.Locale.ROOT);
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
    return new TriggerPhrase(trimmed, null);
  }

  /** Plain text, matched case-insensitively anywhere (slashes are not special). */
  public static TriggerPhrase text(String text) {
    if (text == null || text.isBlank()) {
      throw new ConfigurationException("the text to look for is empty: write the words");
    }
    return new TriggerPhrase(text.trim(), null);
  }

  /** A regular expression, with or without slashes around it. */
  public static TriggerPhrase regexOf(String asWritten) {
    String trimmed = asWritten.trim();
    String expression = trimmed.length() >= 2 && trimmed.startsWith("/") && trimmed.endsWith("/")
        ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    return new TriggerPhrase(trimmed, regex(expression, asWritten));
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
    return matches(message, lower(message));
  }

  /**
   * As {@link #matches(String)}, given the message lower-cased once ({@link #lower}) for many
   * phrases: plain text is then found with {@code indexOf}, the fastest search there is.
   */
  public boolean matches(String message, String lowered) {
    if (message == null) return false;
    return pattern != null ? pattern.matcher(message).find() : lowered.contains(lowerText);
  }

  /** A message lower-cased the way {@link #matches(String, String)} expects; null stays null. */
  public static String lower(String message) {
    return message == null ? null : message.toLowerCase(java.util.Locale.ROOT);
  }

  public String text() {
    return text;
  }

  /** Whether it is a regular expression (written between slashes), not plain text. */
  boolean isRegex() {
    return pattern != null;
  }

  /** "contains 'refund'" or "matches /storn(o|ieren)/", for reasons and reports. */
  public String describe() {
    return pattern != null ? "matches " + text : "contains '" + text + "'";
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
