package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.all;
import static io.konvoqa.gate.Flavours.sample;
import static io.konvoqa.gate.Flavours.sessions;
import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholded shares on plain Java: judged as rates, offenders the sessions counted, unknowns fail closed. */
class ShareGatesTest {
  private static final RateClaim AT_MOST_2 = RateClaim.atMost(0.02);

  /** {@code n} sessions, {@code chatty} of them with 9 customer messages (the others with 1). */
  private static List<Session> chatty(String prefix, int chatty, int n) {
    return sessions(prefix, n, (i, s) -> {
      for (int m = 0; m < (i < chatty ? 9 : 1); m++) s.customer("and one more thing " + m).ai("Sure.");
    });
  }

  /** {@code n} sessions, {@code stalling} of them with an AI reply "Let me check that for you." */
  private static List<Session> stalling(String prefix, int stalling, int n) {
    return sessions(prefix, n, (i, s) -> s.customer("where is my order?")
        .ai(i < stalling ? "Let me check that for you." : "It ships today."));
  }

  @Test void aShareAtItsLimitPasses() {
    Verdict v = ShareGates.moreCustomerMessagesThan(sample(chatty("c", 2, 100)), AT_MOST_2, 8, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("2.0% of 100 sessions have more than 8 customer messages");
    assertThat(v.reason()).isEqualTo("2.0% of 100 sessions have more than 8 customer messages, which is at most 2%");
    assertThat(v.offenders()).isEmpty();
  }

  @Test void aShareOverItsLimitIsBreachedAndItsOffendersAreTheSessionsCounted() {
    Verdict v = ShareGates.moreCustomerMessagesThan(sample(chatty("c", 3, 100)), AT_MOST_2, 8, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).startsWith("3.0% of 100 sessions have more than 8 customer messages, which is above 2% (Wilson 95%: ");
    assertThat(v.offenders()).extracting(Offender::sessionId).containsExactly("c0", "c1", "c2");
    assertThat(v.offenders()).extracting(Offender::reason).containsOnly("9 customer messages, more than 8");
    assertThat(v.figure(Figure.Kind.THRESHOLD).value()).isEqualTo("at most 2%");
    assertThat(v.figure(Figure.Kind.COUNT).number()).isEqualTo(3.0);
  }

  @Test void underTheMinimumSampleOnlyAShareBeyondDoubtIsABreach() {
    assertThat(ShareGates.moreCustomerMessagesThan(sample(chatty("c", 0, 10)), AT_MOST_2, 8, "g").outcome())
        .isEqualTo(Outcome.INSUFFICIENT_DATA);
    Verdict v = ShareGates.moreCustomerMessagesThan(sample(chatty("c", 5, 10)), AT_MOST_2, 8, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).contains("is significantly above 2% even with few sessions");
  }

  @Test void withConfidenceTheWilsonUpperBoundIsJudged() {
    Sample oneOfHundred = sample(chatty("c", 1, 100));

    assertThat(ShareGates.moreCustomerMessagesThan(oneOfHundred, AT_MOST_2, 8, "g").outcome()).isEqualTo(Outcome.PASSED);
    Verdict v = ShareGates.moreCustomerMessagesThan(oneOfHundred, RateClaim.atMostWithConfidence(0.02, 0.95), 8, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).startsWith("1.0% of 100 sessions have more than 8 customer messages, which is not at most 2%"
        + " with 95% confidence");
  }

  @Test void aMessageOfUnknownWriterThatCouldTipTheShareMeansItCannotJudge() {
    TestSessions eightAndOneUnknown = session("x");
    for (int m = 0; m < 8; m++) eightAndOneUnknown.customer("again " + m);
    eightAndOneUnknown.ai("Sure.").message(null, "and again", Duration.ofSeconds(5));
    List<Session> sessions = all(chatty("c", 2, 99), List.of(eightAndOneUnknown.build()));

    Verdict v = ShareGates.moreCustomerMessagesThan(sample(sessions), AT_MOST_2, 8, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("1 session (e.g. x) holds 1 message without text that may be customer messages")
        .endsWith("who wrote them is unknown, and the verdict could change with them: 2.02% of 99 sessions have more"
            + " than 8 customer messages, which is above 2% (Wilson 95%: 0.6% - 7.1%); if none of the 1 were with more"
            + " than 8 customer messages, it would be 2.0% of 100 and the gate would pass");
  }

  @Test void anAiReplyMatchingIsCountedAndQuoted() {
    TriggerPhrase stall = TriggerPhrase.regexOf("/let me (check|see)/");

    Verdict v = ShareGates.aiReplyMatching(sample(stalling("s", 3, 100)), RateClaim.atMost(0.01), stall, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).isEqualTo("3.0% of 100 sessions have an AI reply that matches /let me (check|see)/");
    assertThat(v.offenders()).extracting(Offender::reason)
        .containsOnly("AI reply matches /let me (check|see)/: \"Let me check that for you.\"");
    assertThat(ShareGates.aiReplyMatching(sample(stalling("s", 3, 100)), RateClaim.atMost(0.03), stall, "g").outcome())
        .isEqualTo(Outcome.PASSED);
  }

  @Test void plainTextIsFoundIgnoringCaseAndAPercentInItIsNoFormat() {
    List<Session> sessions = all(stalling("s", 1, 99), List.of(session("p").customer("discount?").ai("Take 100% OFF!").build()));

    Verdict v = ShareGates.aiReplyMatching(sample(sessions), RateClaim.atMost(0.01), TriggerPhrase.text("100% off"), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("1.0% of 100 sessions have an AI reply that contains '100% off'");
    assertThat(ShareGates.aiReplyMatching(sample(sessions), RateClaim.atMost(0.01), TriggerPhrase.text("LET ME CHECK"), "g")
        .figure()).isEqualTo("1.0% of 100 sessions have an AI reply that contains 'LET ME CHECK'");
  }

  @Test void aiRepliesWithoutTextOrUnknownWritersThatMatchCannotBeCountedEitherWay() {
    TriggerPhrase stall = TriggerPhrase.text("let me check");
    List<Session> sessions = all(stalling("s", 2, 98),
        List.of(session("textless").customer("hi").message("AI", null, Duration.ofSeconds(3)).build(),
            session("originless").customer("hi").message(null, "Let me check.", Duration.ofSeconds(3)).build()));

    Verdict v = ShareGates.aiReplyMatching(sample(sessions), AT_MOST_2, stall, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("1 session (e.g. textless) holds 1 message without text that may be AI replies")
        .contains("; 1 session (e.g. originless) holds 1 message without origin, or with an origin mapped to no role,"
            + " that contains 'let me check' and may be an AI reply: who sent it is unknown")
        .contains("(\"message\" null or missing, or a null entry in the messages array): what they said cannot be searched;")
        .endsWith("if none of the 2 were with an AI reply that contains 'let me check', it would be 2.0% of 100 and"
            + " the gate would pass");
    assertThat(ShareGates.aiReplyMatching(sample(sessions), RateClaim.atMost(0.10), stall, "g").outcome())
        .isEqualTo(Outcome.PASSED);
  }

  @Test void withoutCustomerMessagesTheShareCannotBeJudged() {
    List<Session> sessions = sessions("b", 40, (i, s) -> s.message("USER", "hi", Duration.ofSeconds(1)).ai("hello"));

    Verdict v = ShareGates.moreCustomerMessagesThan(sample(sessions), AT_MOST_2, 8, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("none of the 40 sessions has a message from the customer (initiator_origin seen: AI, USER)");
  }
}
