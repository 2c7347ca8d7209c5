package io.konvoqa.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A language as the detector names it: its code (ISO 639-1 where there is one, "de", else the
 * detector's ISO 639-3 code, "gsw") and its English name, or {@link #UNKNOWN}.
 */
public record Language(String code, String name) {
  /** Too little text to tell, or no language clearly ahead of the next. */
  public static final Language UNKNOWN = new Language("und", "unknown");

  /** ISO 639-3 ("deu") to ISO 639-1 ("de"), for the languages Java knows both codes of. */
  private static final Map<String, String> TWO_LETTER = twoLetterCodes();

  public Language {
    java.util.Objects.requireNonNull(code, "code");
    java.util.Objects.requireNonNull(name, "name");
  }

  public boolean known() {
    return !equals(UNKNOWN);
  }

  /** "German (de)"; "unknown". */
  @Override public String toString() {
    return known() ? name + " (" + code + ")" : name;
  }

  /** The language of a detector's ISO 639-3 code, "deu": German (de). */
  static Language ofIso3(String iso3) {
    String code = TWO_LETTER.getOrDefault(iso3, iso3);
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return new Language(code, name.isEmpty() || name.equals(code) ? code : name);
  }

  private static Map<String, String> twoLetterCodes() {
    Map<String, String> codes = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        codes.put(Locale.forLanguageTag(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // no three-letter code known: the detector's own code is kept
      }
    }
    return Map.copyOf(codes);
  }
}
