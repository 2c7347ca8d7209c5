package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.privacy.PersonalData;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import org.junit.jupiter.api.Test;

/**
 * No piece of the key reaches a message, however the server echoes it: masked before any cut.
 * And the messages for a missing endpoint or a refused key say what to check.
 */
class KeyNeverShowsTest {
  static final String KEY = "Zq7-some-long-test-key-Jx9";

  @Test void a401BodyEchoingTheKeyAcrossTheCutShowsNoPartOfIt() {
    // given a plain-text 401 whose 200-character excerpt would end 10 characters into the key
    String body = "x".repeat(185) + " key " + KEY + " is not valid";
    try (ScriptedServer api = new ScriptedServer(x -> ScriptedServer.reply(x, 401, body))) {
      KonvoClient client = TestClients.against(api.url()).apiKey(KEY).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e.kind()).isEqualTo(Kind.KEY_REJECTED);
      assertThat(e).hasMessage("the API key was rejected (HTTP 401): check KONVO_API_KEY (server said: "
          + "x".repeat(185) + " key *** is not...)");
    }
  }

  @Test void aCutOffPageWhoseTailHoldsPartOfTheKeyShowsNoPartOfIt() {
    // given a page cut off 150 characters after the key it quotes: the excerpt is its last 160
    String page = "{\"count\": 1, \"result\": [{\"id\": \"s-1\", \"note\": \"" + KEY + "y".repeat(150);
    try (RawPageServer api = new RawPageServer().serving(page)) {
      KonvoClient client = TestClients.against(api.url()).apiKey(KEY).maxTries(1).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
      assertThat(e.getMessage()).contains("; it ended: ...ote\": \"***" + "y".repeat(150) + ";");
      assertNoPieceOfTheKey(e.getMessage(), KEY);
    }
  }

  @Test void aMalformedPageQuotingTheKeyShowsNoPartOfIt() {
    // given a page that breaks off into text right after quoting the key
    String page = "{\"count\": 1, \"oops " + KEY + "\" " + "z".repeat(150);
    try (RawPageServer api = new RawPageServer().serving(page)) {
      KonvoClient client = TestClients.against(api.url()).apiKey(KEY).maxTries(1).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e.getMessage()).contains("near: ...oops ***\" " + "z".repeat(150));
      assertNoPieceOfTheKey(e.getMessage(), KEY);
    }
  }

  @Test void aKeyWithRegexMetacharactersIsMaskedAsWrittenAndNothingElseIs() {
    // given a key full of characters special in regular expressions, echoed in a JSON message
    String key = "a.b*c+d?(e)[f]{g}$^|\\h";
    try (ScriptedServer api = new ScriptedServer(x -> ScriptedServer.reply(x, 403,
        "{\"message\": \"key a.b*c+d?(e)[f]{g}$^|\\\\h lacks scope; aXbXc+d? is fine\"}"))) {
      KonvoClient client = TestClients.against(api.url()).apiKey(key).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e).hasMessage("the API refused the key (HTTP 403): either the key was rejected or"
          + " it lacks the permission to read ai-sessions; check KONVO_API_KEY and the key's"
          + " permissions in Konvo (server said: key *** lacks scope; aXbXc+d? is fine)");
    }
  }

  @Test void a404NamesTheUrlAndSuggestsKonvoBaseUrl() {
    // given a base URL one path segment off
    try (ScriptedServer api = new ScriptedServer(x -> ScriptedServer.reply(x, 404, "{\"error\": \"Not Found\"}"))) {
      KonvoClient client = TestClients.against(api.url() + "v9").firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIGURATION);
      assertThat(e).hasMessage("the API has no ai-sessions at http://127.0.0.1:" + api.port()
          + "/v9/ai-sessions (HTTP 404, server said: Not Found): check KONVO_BASE_URL (now "
          + api.url() + "v9/); it should be the API's address, such as https://api.konvoai.com");
      assertThat(api.seen()).hasSize(1);
    }
  }

  @Test void a403SaysTheKeyWasRejectedOrLacksAPermission() {
    // given
    try (KonvoSimulator simulator = KonvoSimulator.start(Fixtures.dataset())) {
      simulator.faults().failNext(1, 403, null);
      KonvoClient client = TestClients.against(simulator).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then at once
      assertThat(e.kind()).isEqualTo(Kind.KEY_REJECTED);
      assertThat(e).hasMessage("the API refused the key (HTTP 403): either the key was rejected or"
          + " it lacks the permission to read ai-sessions; check KONVO_API_KEY and the key's"
          + " permissions in Konvo (server said: injected failure)");
      assertThat(simulator.requests()).hasSize(1);
    }
  }

  @Test void aCountTheHarnessQuotesIsNotMaskedAsAPhoneNumber() {
    // given an API claiming a billion sessions
    String page = "{\"count\": 1000000000, \"result\": [{\"id\": \"s-1\"}]}";
    try (RawPageServer api = new RawPageServer().serving(page)) {
      KonvoClient client = TestClients.against(api.url()).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then the figure reads as a figure, and masking for a report leaves it alone
      assertThat(e).hasMessage("the window holds 1,000,000,000 sessions, more than the safety cap of"
          + " 10,000,000 per window: narrow the window, or raise KONVO_MAX_SESSIONS if the memory allows");
      assertThat(PersonalData.masking().maskText(e.getMessage())).isEqualTo(e.getMessage());
    }
  }

  /** No run of 5 characters of the key anywhere in {@code text}. */
  static void assertNoPieceOfTheKey(String text, String key) {
    for (int i = 0; i + 5 <= key.length(); i++) {
      assertThat(text).as("a piece of the key").doesNotContain(key.substring(i, i + 5));
    }
  }
}
