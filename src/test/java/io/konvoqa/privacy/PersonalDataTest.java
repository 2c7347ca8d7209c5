package io.konvoqa.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {
  private final PersonalData masking =
      PersonalData.masking("test-salt".getBytes(StandardCharsets.UTF_8));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Call me on +49 151 4242 4351 please.|Call me on [phone …51] please.",
      "US: +1 (415) 555-0132, thanks|US: [phone …32], thanks",
      "Mobil 0151 23456789!|Mobil [phone …89]!",
      "number 004915142424351 ok|number [phone …51] ok",
      "my WhatsApp is 4915142424351|my WhatsApp is [phone …51]",
      "London +44 20 7946 0958.|London [phone …58].",
      "Büro (030) 1234567 ab 9|Büro [phone …67] ab 9",
      "Tel.:0151/23456789|Tel.:[phone …89]",
      "Tel:+49-151-4242-4351|Tel:[phone …51]",
      "US 415.555.0132 or 01.23.45.67.89|US [phone …32] or [phone …89]",
      "Nummer +49 (0)151 42424351|Nummer [phone …51]",
  })
  void masksPhoneNumbersInTheirCommonShapes(String text, String masked) {
    assertThat(masking.maskText(text)).isEqualTo(masked);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Your order #10423 shipped.",
      "Delivery at 14:30 on 2026-11-27.",
      "It costs 49.99 EUR, or 1,299.00 with the stand.",
      "Call 112 or room 4711.",
      "Open 09:00-18:00, 27.11.2026 and 11/27/2026.",
      "Delivered 2026-02-25T16:46:34.206Z.",
      "Order #1042345678 is late.",
      "Size 42, 3 pairs, 2 x 19.99",
  })
  void leavesOrderNumbersTimesDatesPricesAndShortNumbersAlone(String text) {
    assertThat(masking.maskText(text)).isEqualTo(text);
  }

  @Test void keepsADateButMasksTheNumberInTheSameRun() {
    assertThat(masking.maskText("on 2026-11-27 0151 23456789"))
        .isEqualTo("on 2026-11-27 [phone …89]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Write to anna.schmidt+shop@example.co.uk, please.|Write to a***@***.uk, please.",
      "mail: max@firma.de.|mail: m***@***.de.",
      "<jürgen.müller@beispiel.de>|<j***@***.de>",
      "two: a@b.io and z.z@q.example.com|two: a***@***.io and z***@***.com",
  })
  void masksEmailAddressesInsideSentences(String text, String masked) {
    assertThat(masking.maskText(text)).isEqualTo(masked);
  }

  @Test void masksAnEmailWhoseLocalPartIsAPhoneNumber() {
    assertThat(masking.maskText("4915142424351@s.whatsapp.net")).isEqualTo("4***@***.net");
  }

  @Test void maskTextKeepsNull() {
    assertThat(masking.maskText(null)).isNull();
  }

  @Test void tokenIsStableForTheSameCustomer() {
    assertThat(masking.token("4915142424351")).isEqualTo(masking.token("4915142424351"))
        .matches("customer-[0-9a-f]{10}");
  }

  @Test void tokensDifferForDifferentCustomers() {
    assertThat(masking.token("4915142424351")).isNotEqualTo(masking.token("4915142424352"));
  }

  @Test void tokensDependOnTheSalt() {
    PersonalData other = PersonalData.masking("other-salt".getBytes(StandardCharsets.UTF_8));
    assertThat(other.token("4915142424351")).isNotEqualTo(masking.token("4915142424351"));
  }

  @Test void tokensAreTheSameWhenComputedConcurrently() {
    String expected = masking.token("4915142424351");
    List<String> tokens = IntStream.range(0, 2_000).parallel()
        .mapToObj(i -> masking.token("4915142424351")).distinct().toList();
    assertThat(tokens).containsExactly(expected);
  }

  @Test void tokenNeverContainsTheId() {
    assertThat(PersonalData.masking().token("4915142424351")).doesNotContain("4915142424351");
  }

  @Test void maskCopiesTheSessionWithTokenAndMaskedTexts() {
    Instant t = Instant.parse("2026-02-25T16:46:34.206Z");
    Session session = new Session("s-1", "w", "f", "c", "4915142424351", "whatsapp", t, null,
        new SessionState("s-1", "order", "WISMO", List.of("{\"phone\":\"+49 151 4242 4351\"}")),
        List.of(
            new Message("m1", "s-1", "RECIPIENT", "I am anna@example.com, +49 151 4242 4351", t),
            new Message("m2", "s-1", "AI", null, t)));

    Session masked = masking.mask(session);

    assertThat(masked.externalUserId()).isEqualTo(masking.token("4915142424351"));
    assertThat(masked.messages()).extracting(Message::message)
        .containsExactly("I am a***@***.com, [phone …51]", null);
    assertThat(masked.state().trail()).containsExactly("{\"phone\":\"[phone …51]\"}");
    assertThat(masked.id()).isEqualTo("s-1");
    assertThat(masked.createdAt()).isEqualTo(t);
    assertThat(masked.subIntentType()).isEqualTo("WISMO");
  }

  @Test void maskKeepsMessagesThatWereNotSent() {
    Session session = new Session("s-2", null, null, null, null, null, null, null, null, null);
    Session masked = masking.mask(session);
    assertThat(masked.hasMessages()).isFalse();
    assertThat(masked.externalUserId()).isNull();
  }

  @Test void offChangesNothing() {
    PersonalData off = PersonalData.off();
    Session session = new Session("s-3", null, null, null, "4915142424351", null, null, null, null,
        List.of());
    assertThat(off.maskText("+49 151 4242 4351")).isEqualTo("+49 151 4242 4351");
    assertThat(off.token("4915142424351")).isEqualTo("4915142424351");
    assertThat(off.mask(session)).isSameAs(session);
    assertThat(off.isMasking()).isFalse();
  }

  @Test void rejectsAnEmptySalt() {
    assertThatThrownBy(() -> PersonalData.masking(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("salt must be at least one byte but was empty");
  }
}
