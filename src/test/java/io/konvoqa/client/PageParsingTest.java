package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.session.Window;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How pages of the shapes the contract allows are read, through the real client over HTTP. */
class PageParsingTest {
  private static final Window FEBRUARY = new Window(Instant.parse("2026-02-01T00:00:00Z"),
      Instant.parse("2026-03-01T00:00:00Z"));
  private final RawPageServer server = new RawPageServer();

  @AfterEach void stop() {
    server.close();
  }

  private FetchResult fetch(String json) {
    server.serving(json).page(2, 200, "{\"result\": []}"); // a page without count is read on from
    return TestClients.against(server.url()).build().fetch(FEBRUARY);
  }

  private KonvoApiException failure(String json) {
    server.serving(json);
    KonvoClient client = TestClients.against(server.url()).maxTries(1).build();
    return catchThrowableOfType(KonvoApiException.class, () -> client.fetch(FEBRUARY));
  }

  static String referencePage() throws IOException {
    try (InputStream in = PageParsingTest.class.getResourceAsStream("/reference-page.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test void readsTheVendorReferenceExampleFieldForField() throws IOException {
    // given the example response of the vendor's reference page, verbatim
    String page = referencePage();

    // when
    FetchResult result = fetch(page);

    // then every field, timestamps as instants, the trail item as its raw JSON
    String id = "2eac78c7-ef64-49cb-82f0-7280b555f015";
    assertThat(result.sessions()).containsExactly(new Session(id,
        "465d610c-43df-4c87-8396-8eb9742122c4", "6bdda998-40a0-4f61-9e7d-ca7f4879b13d",
        "f1349acb-b4d4-4220-b90a-36ef170ddd4a", "4915142424351", "whatsapp",
        Instant.parse("2026-02-25T16:46:34.206Z"),
        new SessionStatus(id, true, false, Instant.parse("2026-02-25T16:50:00Z"),
            Instant.parse("2026-02-25T16:49:30Z"), Instant.parse("2026-02-25T16:50:00Z")),
        new SessionState(id, "CONCIERGE", "CONCIERGE", List.of("{}")),
        List.of(new Message("a1b2c3d4-e5f6-7890-abcd-ef1234567890", id, "RECIPIENT",
            "Hi, I need help with my order", Instant.parse("2026-02-25T16:46:40Z")))));
    Session session = result.sessions().get(0);
    assertThat(session.updatedAt()).isEqualTo(Instant.parse("2026-02-25T16:50:00Z"));
    assertThat(session.isCompleted()).isTrue();
    assertThat(session.unresolved()).isFalse();
    assertThat(session.subIntentType()).isEqualTo("CONCIERGE");
    assertThat(result.summary().countClaimed()).isEqualTo(123);
    assertThat(result.summary().received()).isEqualTo(1);
    assertThat(result.summary().countMismatch()).isTrue();
  }

  @Test void ignoresUnknownFieldsAtEveryLevel() {
    // given new fields the vendor may add, of every JSON type
    String page = "{\"next\": {\"page\": 2}, \"count\": 1, \"took_ms\": 12.5, \"result\": [{"
        + "\"id\": \"a\", \"language\": \"de\", \"tags\": [\"x\", {\"y\": [1, null]}],"
        + " \"status\": {\"unresolved\": true, \"reason\": null, \"last_updated\": \"2026-02-10T10:00:00Z\"},"
        + " \"state\": {\"type\": \"ORDERS\", \"confidence\": 0.93, \"trail\": []},"
        + " \"messages\": [{\"message\": \"hi\", \"attachments\": [{\"url\": \"u\"}], \"seen\": false}]"
        + "}], \"links\": null}";

    // when
    FetchResult result = fetch(page);

    // then
    assertThat(result.sessions()).containsExactly(new Session("a", null, null, null, null, null,
        null, new SessionStatus(null, null, true, null, null, Instant.parse("2026-02-10T10:00:00Z")),
        new SessionState(null, "ORDERS", null, List.of()),
        List.of(new Message(null, null, null, "hi", null))));
  }

  @Test void toleratesEveryFieldButIdMissingOrNull() {
    // given one session with only an id, and one with every other field null
    String page = "{\"count\": null, \"result\": [{\"id\": \"bare\"}, {\"id\": \"nulls\","
        + " \"workspace_id\": null, \"feed_id\": null, \"contact_id\": null,"
        + " \"external_user_id\": null, \"channel\": null, \"created_at\": null,"
        + " \"status\": {\"session_id\": null, \"completed\": null, \"unresolved\": null,"
        + " \"completed_at\": null, \"last_message_date\": null, \"last_updated\": null},"
        + " \"state\": {\"session_id\": null, \"type\": null, \"sub_intent_type\": null,"
        + " \"trail\": null}, \"messages\": [null, {\"message_id\": null, \"session_id\": null,"
        + " \"initiator_origin\": null, \"message\": null, \"created_at\": null}]}]}";

    // when
    FetchResult result = fetch(page);

    // then both parsed, nulls as nulls, and set aside: with no time they cannot be placed in the window
    assertThat(result.sessions()).isEmpty();
    assertThat(result.summary().undated()).isEqualTo(2);
    assertThat(result.outsideWindow()).containsExactly(
        new Session("bare", null, null, null, null, null, null, null, null, null),
        new Session("nulls", null, null, null, null, null, null,
            new SessionStatus(null, null, null, null, null, null),
            new SessionState(null, null, null, null),
            List.of(Message.ABSENT, new Message(null, null, null, null, null)))); // a null entry is kept, to be counted
    assertThat(result.outsideWindow().get(0).hasMessages()).isFalse();
    assertThat(result.outsideWindow().get(0).unresolved()).isNull();
    assertThat(result.outsideWindow().get(1).messages().get(0).text()).isEmpty();
    assertThat(result.summary().countClaimed()).isNull();
    assertThat(result.summary().countMismatch()).isFalse();
  }

  @Test void readsTimestampsWithAndWithoutFractionsAndOffsets() {
    // given the same or known instants written six ways
    String page = "{\"count\": 6, \"result\": ["
        + "{\"id\": \"z\", \"created_at\": \"2026-02-25T16:46:34Z\"},"
        + "{\"id\": \"millis\", \"created_at\": \"2026-02-25T16:46:34.206Z\"},"
        + "{\"id\": \"nanos\", \"created_at\": \"2026-02-25T16:46:34.206123456Z\"},"
        + "{\"id\": \"plus2\", \"created_at\": \"2026-02-25T18:46:34.206+02:00\"},"
        + "{\"id\": \"minus5\", \"created_at\": \"2026-02-25T11:46:34-05:00\"},"
        + "{\"id\": \"none\", \"created_at\": \"2026-02-25T16:46:34.206\"}]}";

    // when
    FetchResult result = fetch(page);

    // then a timestamp without offset is UTC
    assertThat(result.sessions()).extracting(Session::createdAt).containsExactly(
        Instant.parse("2026-02-25T16:46:34Z"), Instant.parse("2026-02-25T16:46:34.206Z"),
        Instant.parse("2026-02-25T16:46:34.206123456Z"), Instant.parse("2026-02-25T16:46:34.206Z"),
        Instant.parse("2026-02-25T16:46:34Z"), Instant.parse("2026-02-25T16:46:34.206Z"));
  }

  @Test void keepsTrailItemsAsTheirRawJson() {
    // given trail items with numbers, nulls, nesting and a non-object
    String page = "{\"count\": 1, \"result\": [{\"id\": \"a\", \"created_at\": \"2026-02-25T16:46:34.206Z\","
        + " \"state\": {\"trail\": ["
        + "{\"step\":3,\"score\":0.25,\"big\":12345678901234567890},{\"tool\":null},"
        + "{\"a\":{\"b\":[1,2]}},\"plain\"]}}]}";

    // when
    FetchResult result = fetch(page);

    // then nothing is reinterpreted: 3 stays 3, null members stay
    assertThat(result.sessions().get(0).state().trail()).containsExactly(
        "{\"step\":3,\"score\":0.25,\"big\":12345678901234567890}", "{\"tool\":null}",
        "{\"a\":{\"b\":[1,2]}}", "\"plain\"");
  }

  @Test void failsNamingTheJsonPathOfASessionWithoutId() {
    // given the second session has no id
    String page = "{\"count\": 2, \"result\": [{\"id\": \"a\"}, {\"workspace_id\": \"w\"}]}";

    // when
    KonvoApiException e = failure(page);

    // then
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e).hasMessage("page 1 from " + server.url() + "ai-sessions is not the JSON the API"
        + " contract describes: a session without an id at $.result[1]; near: {\"count\": 2,"
        + " \"result\": [{\"id\": \"a\"}, {\"workspace_id\": \"w\"}]}; if this persists, report"
        + " it to Konvo with the page number and time");
  }

  @Test void failsNamingTheJsonPathOfASessionWithANullId() {
    // given
    String page = "{\"count\": 1, \"result\": [{\"id\": null, \"channel\": \"whatsapp\"}]}";

    // when
    KonvoApiException e = failure(page);

    // then
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e.getMessage()).contains(": a session without an id at $.result[0]; near: ");
  }

  @Test void failsNamingTheValueAndPathOfABadTimestamp() {
    // given
    String page = "{\"count\": 1, \"result\": [{\"id\": \"a\", \"status\":"
        + " {\"last_updated\": \"yesterday\"}}]}";

    // when
    KonvoApiException e = failure(page);

    // then
    assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE_PAGE);
    assertThat(e.getMessage()).contains(
        ": not an ISO-8601 timestamp: 'yesterday' at $.result[0].status.last_updated; near: ");
  }

  @Test void callsAPageCutOffAnywhereCutOffNeverMalformed() throws IOException {
    // given the reference page cut off at every 23rd byte before its closing brace (a prime
    // stride lands inside names, strings, numbers, literals and between them; every byte works too
    // but costs a minute)
    byte[] whole = referencePage().getBytes(StandardCharsets.UTF_8);
    int closing = new String(whole, StandardCharsets.UTF_8).lastIndexOf('}');
    KonvoClient client = TestClients.against(server.url()).maxTries(1).build();

    for (int cut = 1; cut < closing; cut += 23) {
      // when
      server.serving(java.util.Arrays.copyOf(whole, cut));
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
          () -> client.fetch(FEBRUARY));

      // then it is the retryable kind of failure, whatever the byte
      assertThat(e.getMessage()).as("cut at byte %d", cut)
          .startsWith("page 1 of " + server.url() + "ai-sessions failed 1 times, last: the body"
              + " was cut off (");
    }
  }
}
