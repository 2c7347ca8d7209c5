package io.konvoqa.config;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The value of a secret setting (an API key), checked before any request and never shown.
 *
 * <p>Copy-paste slips are the usual reason a good key fails: surrounding whitespace is trimmed
 * with a {@link #warning()}; any other character outside printable ASCII (a non-breaking space,
 * an {@code é}, a control character) and a key shorter than {@value #MIN_LENGTH} characters are
 * refused with a message that names the character or the length, never the key. A short key
 * would also make {@link #mask} useless: it would hide letters of ordinary words.
 */
public final class Secret {
  /** Keys are much longer; fewer characters mean a truncated copy, and masking could not work. */
  public static final int MIN_LENGTH = 8;

  private final String setting;
  private final String value;
  private final String warning;
  private final Set<String> grams;

  private Secret(String setting, String value, String warning) {
    this.setting = setting;
    this.value = value;
    this.warning = warning;
    this.grams = grams(value);
  }

  /**
   * The secret of {@code setting} (its environment variable, for messages) as it was set: ASCII
   * whitespace around it trimmed, anything else wrong refused with an {@link
   * IllegalArgumentException} that never contains the value.
   */
  public static Secret of(String setting, String raw) {
    if (raw == null || raw.isEmpty()) throw new IllegalArgumentException(setting + " is empty");
    int start = 0;
    int end = raw.length();
    while (start < end && asciiWhitespace(raw.charAt(start))) start++;
    while (end > start && asciiWhitespace(raw.charAt(end - 1))) end--;
    for (int i = start; i < end; ) {
      int c = raw.codePointAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalArgumentException(setting + " has the character " + describe(c)
            + " at position " + (i + 1) + " of " + raw.length() + ": a key holds printable ASCII"
            + " only (letters, digits, punctuation); copy it again, as plain text");
      }
      i += Character.charCount(c);
    }
    String value = raw.substring(start, end);
    if (value.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(setting + " has " + value.length() + " character"
          + (value.length() == 1 ? "" : "s") + ": is it truncated? A key has at least " + MIN_LENGTH
          + " characters; copy it again");
    }
    int trimmed = raw.length() - value.length();
    String warning = trimmed == 0 ? null : setting + ": removed " + trimmed + " whitespace character"
        + (trimmed == 1 ? "" : "s") + " around the key (a copy-paste slip?); set it without them";
    return new Secret(setting, value, warning);
  }

  /** The key itself: for the one place that sends it, nowhere else. */
  public String value() {
    return value;
  }

  /** What was trimmed, for the console (it never contains the key); null when nothing was. */
  public String warning() {
    return warning;
  }

  /**
   * {@code text} with every run of {@value #MIN_LENGTH} or more characters of the key replaced by
   * {@code ***}: the whole key, and also what is left of it in an echo cut short. Mask before
   * cutting a text to an excerpt, or the cut may leave a shorter piece of the key than this
   * finds. Null stays null.
   */
  public String mask(String text) {
    return mask(text, value, grams);
  }

  /** As {@link #mask(String)}, for a key not (yet) checked: a short one only where it stands alone. */
  public static String mask(String text, String key) {
    if (key == null || key.isEmpty()) return text;
    return mask(text, key, grams(key));
  }

  private static String mask(String text, String key, Set<String> grams) {
    if (text == null) return null;
    boolean[] hidden = new boolean[text.length()];
    if (key.length() < MIN_LENGTH) {
      hideStandingAlone(text, key, hidden);
    } else {
      for (int i = 0; i + MIN_LENGTH <= text.length(); i++) {
        if (grams.contains(text.substring(i, i + MIN_LENGTH))) {
          java.util.Arrays.fill(hidden, i, i + MIN_LENGTH, true);
        }
      }
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!hidden[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        out.append("***");
      }
    }
    return out.toString();
  }

  // A short key hides only where it is a word of its own: never the x of "ConnectException".
  private static void hideStandingAlone(String text, String key, boolean[] hidden) {
    for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      int end = i + key.length();
      if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        java.util.Arrays.fill(hidden, i, end, true);
      }
    }
  }

  // Every run of MIN_LENGTH characters of the key, as written and as an API echoes it inside JSON
  // ("a\/b") or a URL ("a%2Fb"): a text run is the key's if each of these is.
  private static Set<String> grams(String key) {
    Set<String> grams = new HashSet<>();
    for (String form : java.util.List.of(key, jsonEscaped(key), urlEncoded(key))) {
      for (int i = 0; i + MIN_LENGTH <= form.length(); i++) grams.add(form.substring(i, i + MIN_LENGTH));
    }
    return grams;
  }

  private static String jsonEscaped(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      if (c == '"' || c == '\\' || c == '/') out.append('\\');
      out.append(c);
    }
    return out.toString();
  }

  private static String urlEncoded(String key) {
    return java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static boolean asciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }

  private static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " (" + name + ")");
  }

  @Override public String toString() {
    return setting + "=***";
  }
}
