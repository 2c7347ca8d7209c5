package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.sample;
import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message whose writer is unknown (sent without origin, or with an origin the role mapping does
 * not name, e.g. "BOT" next to "AI") may be anyone's: where it could decide a gate, the gate
 * cannot pass on it; where it cannot, the verdict stands.
 */
class UnattributedMessagesTest {
  private static final Duration SOON = Duration.ofSeconds(3);

  /** Forty healthy sessions, then {@code extra}. */
  private static List<Session> with(TestSessions extra) {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("h", 40));
    sessions.add(extra.build());
    return sessions;
  }

  @Test void anOriginlessMessageCouldBeTheCustomersOneTooMany() {
    TestSessions s = session("x").customer("1").ai("a").customer("2").ai("b").message(null, "3", SOON);

    assertThat(ReplyGates.maxCustomerMessages(sample(with(s)), 2, "g").outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(ReplyGates.maxCustomerMessages(sample(with(s)), 3, "g").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void anOriginlessMessageCouldBeTheAiReplyACustomerGot() {
    TestSessions s = session("x").customer("where is my order?").message(null, "It ships today.", SOON);

    Verdict v = ReplyGates.everyCustomerGetsAiReply(sample(with(s)), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.offenders()).isEmpty();
  }

  @Test void anOriginlessMessageCouldBeTheFirstCustomerMessage() {
    Session s = session("x").message(null, "I want a refund", SOON).customer("hello?").ai("Sure.").build();

    assertThat(Conversation.of(s, io.konvoqa.session.Role.parseMapping(null)).firstCustomerMessageUnknown()).isTrue();
  }

  @Test void anOriginlessMessageThatRepeatsAnAiReplyMakesTheLoopGateUnsure() {
    TestSessions repeats = session("x").customer("hi").ai("How can I help?").customer("order")
        .message(null, "How can I help?", SOON);
    TestSessions differs = session("y").customer("hi").ai("How can I help?").customer("order")
        .message(null, "It ships today.", SOON);

    assertThat(ReplyGates.noRepeatedAiReply(sample(with(repeats)), "g").outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(ReplyGates.noRepeatedAiReply(sample(with(differs)), "g").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void aReplyFromAnUnmappedOriginHoldingAForbiddenPhraseBlocksAPass() {
    TestSessions s = session("x").customer("hi").ai("Hello!").message("BOT", "Try Zalando instead.", SOON);

    Verdict v = ReplyGates.noAiReply(sample(with(s)), List.of(TriggerPhrase.text("Zalando")), "contains 'Zalando'", "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("1 session (e.g. x) holds 1 message from BOT that contains 'Zalando'; that origin"
        + " maps to no role, so they may be an AI reply: map it with KONVO_ROLES");
  }

  @Test void anOriginMappedToOtherOnPurposeIsKnown() {
    TestSessions s = session("x").customer("hi").ai("Hello!").message("SYSTEM", "Zalando voucher expired", SOON);
    Sample sample = Selection.all().apply(with(s), Completeness.WHOLE, 30,
        io.konvoqa.session.Role.parseMapping("RECIPIENT=customer,AI=ai,AGENT=human_agent,SYSTEM=other"), TestSessions.NOW);

    Verdict v = ReplyGates.noAiReply(sample, List.of(TriggerPhrase.text("Zalando")), "contains 'Zalando'", "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void anOriginlessMessageHoldingTheTextCouldBeTheAiReplyThatHasIt() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sessions.add(session("r" + i).subIntentType("RETURN_REQUEST").customer("return?").ai("Here is your return label.").build());
    }
    sessions.add(session("x").subIntentType("RETURN_REQUEST").customer("return?").message(null, "Here is your return label.", SOON)
        .ai("Anything else?").build());

    Verdict v = ReplyGates.aiReplyContaining(sample(sessions), "RETURN_REQUEST", "return label", 1.0, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.offenders()).isEmpty();
  }
}
