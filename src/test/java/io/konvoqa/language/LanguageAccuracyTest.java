package io.konvoqa.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector on 260 short chat messages of a web shop's support in English and German
 * (src/test/resources/language/chat-messages.tsv), each labelled with the language it was written
 * in. The floors are what was measured, rounded down: docs/steps.md quotes these figures.
 */
class LanguageAccuracyTest {
  record Labelled(String code, String text) {}

  record Tally(int messages, int unknown, int right) {
    int known() {
      return messages - unknown;
    }

    double accuracy() {
      return (double) right / known();
    }

    double unknownShare() {
      return (double) unknown / messages;
    }

    Tally plus(Tally o) {
      return new Tally(messages + o.messages, unknown + o.unknown, right + o.right);
    }

    String line(String what) {
      return String.format(Locale.ROOT, "%-8s %3d messages: %3d known, accuracy %.1f%% (%d wrong); %3d unknown (%.1f%%)",
          what, messages, known(), 100 * accuracy(), known() - right, unknown, 100 * unknownShare());
    }
  }

  static List<Labelled> messages;
  static Tally english, german;

  @BeforeAll static void detectEveryMessage() throws IOException {
    messages = read();
    LanguageDetector detector = LanguageDetector.create();
    english = tally(detector, "en");
    german = tally(detector, "de");
    System.out.println(english.line("English"));
    System.out.println(german.line("German"));
    System.out.println(english.plus(german).line("both"));
  }

  private static Tally tally(LanguageDetector detector, String code) {
    int n = 0, unknown = 0, right = 0;
    for (Labelled m : messages) {
      if (!m.code().equals(code)) continue;
      n++;
      Language found = detector.detect(m.text());
      if (!found.known()) unknown++;
      else if (found.code().equals(code)) right++;
      else System.out.println("wrong: " + code + " taken for " + found + ": " + m.text());
    }
    return new Tally(n, unknown, right);
  }

  private static List<Labelled> read() throws IOException {
    List<Labelled> all = new ArrayList<>();
    try (InputStream in = LanguageAccuracyTest.class.getResourceAsStream("/language/chat-messages.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] parts = line.split("\t", 2);
        all.add(new Labelled(parts[0], parts[1]));
      }
    }
    return all;
  }

  @Test void theSetHoldsAtLeast200MessagesInEachOfBothLanguages() {
    assertThat(messages).hasSizeGreaterThanOrEqualTo(200);
    assertThat(english.messages()).isGreaterThanOrEqualTo(100);
    assertThat(german.messages()).isGreaterThanOrEqualTo(100);
  }

  @Test void aMessageWhoseLanguageIsToldIsRightAtLeast99PercentOfTheTime() {
    assertThat(english.plus(german).accuracy()).isGreaterThanOrEqualTo(0.99);
    assertThat(english.accuracy()).isGreaterThanOrEqualTo(0.98);
    assertThat(german.accuracy()).isGreaterThanOrEqualTo(0.98);
  }

  @Test void atMostAThirdOfTheShortMessagesIsUnknown() {
    assertThat(english.plus(german).unknownShare()).isLessThanOrEqualTo(0.35);
  }

  @Test void theShortestMessagesAreUnknownNeverAGuess() {
    LanguageDetector detector = LanguageDetector.create();
    for (String text : List.of("ok", "Danke!", "thx", "ja bitte", "no thanks", "alles klar", "👍", "Order 4711", "")) {
      assertThat(detector.detect(text)).as(text).isEqualTo(Language.UNKNOWN);
    }
  }

  @Test void aGermanSentenceIsGermanThoughLowGermanComesClose() {
    assertThat(LanguageDetector.create().detect("Hallo, ich möchte meine Bestellung stornieren, bitte nicht verschicken."))
        .isEqualTo(new Language("de", "German"));
  }

  @Test void aSentenceIsToldWithItsNameAndCode() {
    LanguageDetector detector = LanguageDetector.create();
    assertThat(detector.detect("Ihre Bestellung wurde am Montag verschickt und kommt morgen an.").toString())
        .isEqualTo("German (de)");
    assertThat(detector.detect("Your order was shipped on Monday and arrives tomorrow.").toString())
        .isEqualTo("English (en)");
  }
}
