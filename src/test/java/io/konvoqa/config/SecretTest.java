package io.konvoqa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A secret setting is checked before any request, and masked wherever a text may echo it. */
class SecretTest {
  static final String KEY = "some-long-test-key";

  @Test void trimsAsciiWhitespaceWithAWarningThatNeverHoldsTheKey() {
    Secret secret = Secret.of("KONVO_API_KEY", " \t" + KEY + "\r\n");
    assertThat(secret.value()).isEqualTo(KEY);
    assertThat(secret.warning()).isEqualTo("KONVO_API_KEY: removed 4 whitespace characters around the"
        + " key (a copy-paste slip?); set it without them");
    assertThat(secret).hasToString("KONVO_API_KEY=***");
  }

  @Test void aKeyAsSetNeedsNoWarning() {
    assertThat(Secret.of("KONVO_API_KEY", KEY).warning()).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "some-long-test-key\u00A0|U+00A0 (NO-BREAK SPACE) at position 19 of 19",
      "some-long-t\u00E9st-key|U+00E9 (LATIN SMALL LETTER E WITH ACUTE) at position 12 of 18",
      "some-long\u0007-test-key|U+0007 (BEL) at position 10 of 19",
      "'some-long-test-key\u200B '|U+200B (ZERO WIDTH SPACE) at position 19 of 20",
      "\u00A0some-long-test-key|U+00A0 (NO-BREAK SPACE) at position 1 of 19",
  })
  void refusesACharacterOutsidePrintableAsciiNamingItAndItsPosition(String key, String what) {
    assertThatThrownBy(() -> Secret.of("KONVO_API_KEY", key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KONVO_API_KEY has the character " + what + ": a key holds printable ASCII only"
            + " (letters, digits, punctuation); copy it again, as plain text")
        .message().doesNotContain("some-long");
  }

  @Test void refusesAKeyShorterThanEightCharacters() {
    assertThatThrownBy(() -> Secret.of("KONVO_API_KEY", "x"))
        .hasMessage("KONVO_API_KEY has 1 character: is it truncated? A key has at least 8 characters;"
            + " copy it again");
    assertThatThrownBy(() -> Secret.of("KONVO_JUDGE_KEY", "  abcdefg  "))
        .hasMessage("KONVO_JUDGE_KEY has 7 characters: is it truncated? A key has at least 8"
            + " characters; copy it again");
  }

  @Test void settingsRefuseABadKeyBeforeAnythingElse() {
    assertThatThrownBy(() -> Settings.load(Map.of("KONVO_API_KEY", KEY + "\u00A0"), new Properties()))
        .hasMessageStartingWith("KONVO_API_KEY has the character U+00A0 (NO-BREAK SPACE) at position 19")
        .message().doesNotContain(KEY);
    Properties props = new Properties();
    props.setProperty("konvo.api.key", "x");
    assertThatThrownBy(() -> Settings.load(Map.of(), props))
        .hasMessageStartingWith("KONVO_API_KEY has 1 character: is it truncated?");
  }

  @Test void settingsKeepTheTrimmedKeyAndItsWarning() {
    Settings settings = Settings.load(Map.of("KONVO_API_KEY", KEY + "\n"), new Properties());
    assertThat(settings.apiKey()).isEqualTo(KEY);
    assertThat(settings.warnings()).containsExactly("KONVO_API_KEY: removed 1 whitespace character"
        + " around the key (a copy-paste slip?); set it without them");
  }

  @Test void masksTheWholeKeyAndAnyRunOfEightOfItsCharacters() {
    Secret secret = Secret.of("KONVO_API_KEY", KEY);
    assertThat(secret.mask("key " + KEY + ", again " + KEY + ".")).isEqualTo("key ***, again ***.");
    assertThat(secret.mask("cut: some-long-t...")).isEqualTo("cut: ***...");
    assertThat(secret.mask("ended: ...g-test-key\"}")).isEqualTo("ended: ...***\"}");
    assertThat(secret.mask("seven: some-lo, long-test")).isEqualTo("seven: some-lo, ***");
    assertThat(secret.mask(null)).isNull();
  }

  @Test void masksTheKeyAsAnApiEchoesItInsideJsonOrAUrl() {
    Secret secret = Secret.of("KONVO_API_KEY", "kv_live/9f3a\"b2c\\d41e");

    assertThat(secret.mask("{\"error\": \"bad key kv_live\\/9f3a\\\"b2c\\\\d41e\"}")).isEqualTo("{\"error\": \"bad key ***\"}");
    assertThat(secret.mask("GET /x?key=kv_live%2F9f3a%22b2c%5Cd41e HTTP/1.1")).isEqualTo("GET /x?key=*** HTTP/1.1");
  }

  @Test void masksAKeyWithRegexMetacharactersLiterally() {
    String key = "a.b*c+d?(e)[f]$^|\\";
    assertThat(Secret.mask("got " + key + " and aXbXc+d?(e)", key)).isEqualTo("got *** and aXbXc+d?(e)");
  }

  @Test void aShortKeyIsMaskedOnlyWhereItStandsAlone() {
    assertThat(Secret.mask("ConnectException: key x was refused (x)", "x"))
        .isEqualTo("ConnectException: key *** was refused (***)");
    assertThat(Secret.mask("Expected x-api-key", "api")).isEqualTo("Expected x-***-key");
  }
}
