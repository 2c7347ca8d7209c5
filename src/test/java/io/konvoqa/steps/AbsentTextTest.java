package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.testing.GateRunFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message text the API did not send ({@code "message": null}, the text under another field name,
 * a null entry in the messages array), through the real JSON, simulator, client and Cucumber: a
 * gate about what the AI says cannot judge, and says how many messages it could not read; a
 * trigger phrase cannot be looked for in a customer message without text.
 */
class AbsentTextTest {
  @TempDir Path dir;

  @Test void aNullEntryOfTheMessagesArrayIsKeptAsAMessageWithoutOriginOrText() throws IOException {
    Session s = SessionJson.readSession(JsonReader.of(new Buffer().writeUtf8(
        "{\"id\":\"s1\",\"messages\":[null,{\"initiator_origin\":\"AI\",\"text\":\"Try Zalando\"},null]}")));

    assertThat(s.messages()).containsExactly(Message.ABSENT, new Message(null, null, "AI", null, null), Message.ABSENT);
    Buffer written = new Buffer();
    SessionJson.write(com.squareup.moshi.JsonWriter.of(written), s, true, false);
    assertThat(written.readUtf8()).isEqualTo("{\"id\":\"s1\",\"messages\":[null,{\"initiator_origin\":\"AI\"},null]}");
  }

  @Test void aGateAboutWhatTheAiSaysCannotJudgeRepliesWithoutText() throws IOException {
    List<String> sessions = healthy(40);
    sessions.add(session("null-text", "[" + customer("hi") + ", {\"initiator_origin\": \"AI\", \"message\": null}]"));
    sessions.add(session("other-field", "[" + customer("hi") + ", {\"initiator_origin\": \"AI\", \"text\": \"Try Zalando instead\"}]"));
    sessions.add(session("null-entries", "[null, null]"));

    Verdict v = judge(sessions, "Then no AI reply contains \"Zalando\"");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("3 sessions (e.g. null-entries) hold 4 messages without text that may be AI"
        + " replies (\"message\" null or missing, or a null entry in the messages array): what they said cannot be"
        + " searched, and the verdict could change with them: no AI reply in 43 sessions contains 'Zalando' among"
        + " the sessions seen, but any of the 3 not seen as they are could offend");
  }

  @Test void aReplyWithoutOriginThatHoldsThePhraseMayBeTheAisSoTheGateCannotPass() throws IOException {
    List<String> sessions = healthy(40);
    // the origin under another field name: who sent it cannot be told, and it holds the phrase
    sessions.add(session("no-origin", "[" + customer("shoes?") + ", " + ai("One moment.")
        + ", {\"origin\": \"AI\", \"message\": \"Try Zalando instead\"}]"));
    // a message without origin that holds no forbidden phrase changes nothing
    sessions.add(session("harmless", "[" + customer("hi") + ", " + ai("Hello!") + ", {\"message\": \"thanks\"}]"));

    Verdict v = judge(sessions, "Then no AI reply contains \"Zalando\"");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("1 session (e.g. no-origin) holds 1 message without origin that contains"
        + " 'Zalando' and may be an AI reply");
  }

  @Test void anOffenderFoundStandsBesideRepliesWithoutText() throws IOException {
    List<String> sessions = healthy(40);
    sessions.add(session("null-entries", "[null, null]"));
    sessions.add(session("offender", "[" + customer("hi") + ", " + ai("Try Zalando instead") + "]"));

    Verdict v = judge(sessions, "Then no AI reply contains \"Zalando\"");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.offenders()).singleElement().satisfies(o -> assertThat(o.sessionId()).isEqualTo("offender"));
  }

  @Test void whenNoMessageIsKnownToBeTheAisTheReasonCountsTheMessagesWithoutText() throws IOException {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) sessions.add(session("s" + i, "[null, null]"));

    Verdict v = judge(sessions, "Then no AI reply contains \"Zalando\"");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("40 sessions (e.g. s0) hold 80 messages without text that may be AI replies");
  }

  @Test void aTriggerPhraseCannotBeLookedForInACustomerMessageWithoutText() throws IOException {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sessions.add(session("r" + i, i < 4, "REFUND", "[" + customer("I want a refund") + ", " + ai("Sure.") + "]"));
    }
    for (int i = 0; i < 10; i++) {
      sessions.add(session("x" + i, false, "REFUND", "[{\"initiator_origin\": \"RECIPIENT\", \"message\": null}, " + ai("Sure.") + "]"));
    }

    Verdict filtered = judge(sessions, "Given only sessions whose first customer message contains \"refund\"\n"
        + "    Then the unresolved rate is at most 15%");
    Verdict routed = judge(sessions, "Then sessions whose first customer message contains \"refund\" have sub_intent_type"
        + " \"REFUND\" in at least 90% of cases");

    assertThat(filtered.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(filtered.reason()).startsWith("10 sessions (e.g. x0) hold 10 messages without text that may be the"
        + " first customer message (\"message\" null or missing, or a null entry in the messages array): whether it"
        + " contains 'refund' is unknown, and the verdict could change with them: unresolved rate 10.0% of 40");
    assertThat(routed.outcome()).as(routed.reason()).isEqualTo(Outcome.PASSED);
    assertThat(routed.figures()).anySatisfy(f -> assertThat(f.value()).startsWith("10 sessions (e.g. x0) hold 10 messages"));
  }

  private Verdict judge(List<String> sessions, String steps) throws IOException {
    Path data = dir.resolve("data-" + System.nanoTime() + ".json");
    Files.writeString(data, "{\"recorded_at\": \"2026-11-27T12:00:00Z\", \"sessions\": [\n"
        + String.join(",\n", sessions) + "]}", StandardCharsets.UTF_8);
    List<ScenarioResult> results = new GateRunFixture(dir).set("KONVO_DATA", data.toString()).run("""
        Feature: text the API did not send
          Scenario: one gate
            Given the sessions updated in the last 7 days
            %s
        """.formatted(steps));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.verdicts()).as(r.error()).hasSize(1));
    return results.get(0).verdicts().get(0);
  }

  private static List<String> healthy(int n) {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) sessions.add(session("s" + i, "[" + customer("where is my order?") + ", " + ai("It ships today.") + "]"));
    return sessions;
  }

  private static String session(String id, String messages) {
    return session(id, false, "ORDER_STATUS", messages);
  }

  private static String session(String id, boolean unresolved, String subIntentType, String messages) {
    return "{\"id\": \"" + id + "\", \"channel\": \"webchat\", \"created_at\": \"2026-11-26T12:00:00Z\","
        + " \"status\": {\"completed\": true, \"unresolved\": " + unresolved + ", \"last_updated\": \"2026-11-26T12:05:00Z\"},"
        + " \"state\": {\"sub_intent_type\": \"" + subIntentType + "\"}, \"messages\": " + messages + "}";
  }

  private static String customer(String text) {
    return "{\"initiator_origin\": \"RECIPIENT\", \"message\": \"" + text + "\", \"created_at\": \"2026-11-26T12:00:01Z\"}";
  }

  private static String ai(String text) {
    return "{\"initiator_origin\": \"AI\", \"message\": \"" + text + "\", \"created_at\": \"2026-11-26T12:00:04Z\"}";
  }
}
