package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTest {
  @Test void theSystemMessageStatesTheContractAndNamesTheRubric() {
    String system = Prompt.system(new Rubric("return-policy", "Returns within 14 days.\n", Double.NaN, false, List.of()));
    assertThat(system).contains("{\"verdict\": \"pass\", \"reason\": \"<one or two sentences>\"}")
        .contains("{\"verdict\": \"fail\"").contains("Rubric: \"return-policy\"\nReturns within 14 days.");
  }

  @Test void theTranscriptHasRoleTimeAndTextOfEachMessage() {
    Session s = session(List.of(
        new Message("m1", "s", "RECIPIENT", "Hello,\n\nwhere is it?", Instant.parse("2026-11-27T10:00:01Z")),
        new Message("m2", "s", "AI", "Shipped.", Instant.parse("2026-11-27T10:00:09.500Z")),
        new Message("m3", "s", "BOT_X", "internal", null),
        new Message("m4", "s", "AGENT", "  ", null)));
    assertThat(Prompt.user(s, Role.parseMapping(null), 12_000)).isEqualTo("""
        The conversation (3 messages, oldest first):
        [2026-11-27 10:00:01Z] customer: Hello,
           \s
            where is it?
        [2026-11-27 10:00:09Z] ai: Shipped.
        [time unknown] BOT_X: internal""");
  }

  @Test void aLongTranscriptKeepsTheFirstAndLastMessagesAndMarksTheCut() {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 50; i++) messages.add(new Message("m" + i, "s", i % 2 == 0 ? "RECIPIENT" : "AI", "message " + i + " " + "x".repeat(80), null));
    String user = Prompt.user(session(messages), Role.parseMapping(null), 1_000);
    String transcript = user.substring(user.indexOf('\n') + 1);
    assertThat(transcript.length()).isLessThanOrEqualTo(1_000 + 80);
    assertThat(transcript).startsWith("[time unknown] customer: message 0 ").contains("message 49 ")
        .containsPattern("\\[\\.\\.\\. \\d+ messages cut to fit the judge's budget \\(KONVO_JUDGE_MAX_CHARS\\) \\.\\.\\.]")
        .contains("message 1 ").contains("message 48 ").doesNotContain("message 25 ");
  }

  @Test void oneHugeMessageIsCutInItsMiddle() {
    String user = Prompt.user(session(List.of(new Message("m", "s", "RECIPIENT", "a".repeat(5_000) + "END", null))),
        Role.parseMapping(null), 1_000);
    assertThat(user).contains("[... message cut ...]").endsWith("END");
    assertThat(user.length()).isLessThan(1_100);
  }

  static Session session(List<Message> messages) {
    return new Session("s", null, null, null, null, null, null, null, null, messages);
  }
}
