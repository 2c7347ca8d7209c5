package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.all;
import static io.konvoqa.gate.Flavours.sample;
import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Total messages and duration of a session on plain Java: every role counts, undated messages fail closed. */
class LengthGatesTest {
  private static final Duration HALF_HOUR = Duration.ofMinutes(30);

  private static List<Session> healthyAnd(Session... more) {
    return all(TestSessions.healthy("h", 40), List.of(more));
  }

  /** The session with its message {@code index} without created_at. */
  private static Session undated(Session s, int index) {
    List<Message> messages = new ArrayList<>(s.messages());
    Message m = messages.get(index);
    messages.set(index, new Message(m.messageId(), m.sessionId(), m.initiatorOrigin(), m.message(), null));
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), s.channel(),
        s.createdAt(), s.status(), s.state(), messages);
  }

  @Test void everyMessageCountsWhoeverWroteIt() {
    Session four = session("four").customer("hi").ai("hello").agent("Sam here.").message(null, null, Duration.ofSeconds(1)).build();

    Verdict v = LengthGates.maxMessages(sample(healthyAnd(four)), 3, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).isEqualTo("1 of 41 sessions has more than 3 messages");
    assertThat(v.offenders()).extracting(Offender::sessionId, Offender::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("four", "4 messages, at most 3"));
    assertThat(LengthGates.maxMessages(sample(healthyAnd(four)), 4, "g").reason())
        .isEqualTo("no session of 41 has more than 4 messages");
  }

  @Test void tooFewSessionsWithoutOffenderCannotPass() {
    assertThat(LengthGates.maxMessages(sample(TestSessions.healthy("h", 10)), 20, "g").outcome())
        .isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(LengthGates.maxDuration(sample(TestSessions.healthy("h", 10)), HALF_HOUR, "g").outcome())
        .isEqualTo(Outcome.INSUFFICIENT_DATA);
  }

  @Test void aSessionLastsFromItsFirstToItsLastMessage() {
    Session slow = session("slow").customer("hi").ai("hello").message("RECIPIENT", "still there?", Duration.ofMinutes(40)).build();

    Verdict v = LengthGates.maxDuration(sample(healthyAnd(slow)), HALF_HOUR, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).isEqualTo("1 of 41 sessions has a conversation longer than 30 minutes");
    assertThat(v.offenders()).extracting(Offender::reason)
        .containsExactly("lasts 40.1 min from first to last message, at most 30 minutes");
    assertThat(LengthGates.maxDuration(sample(healthyAnd(slow)), Duration.ofMinutes(41), "g").reason())
        .isEqualTo("no session of 41 lasts longer than 41 minutes");
  }

  @Test void aSessionWithOneMessageOrNoneLastsNothing() {
    Session one = session("one").customer("hello?").build();
    Session none = session("none").build();

    assertThat(LengthGates.maxDuration(sample(healthyAnd(one, none)), Duration.ofSeconds(10), "g").outcome())
        .isEqualTo(Outcome.PASSED);
  }

  @Test void aMessageWithoutCreatedAtLeavesTheLengthUnknown() {
    Session s = undated(session("u").customer("hi").ai("hello").customer("thanks").build(), 1);

    Verdict v = LengthGates.maxDuration(sample(healthyAnd(s)), HALF_HOUR, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("1 session (e.g. u) holds 1 message without created_at: how long it lasts cannot"
        + " be measured, and the verdict could change with them: no session of 41 lasts longer than 30 minutes among"
        + " the sessions seen, but any of the 1 not seen as they are could offend");
    assertThat(v.offenders()).isEmpty();
  }

  @Test void datedMessagesThatAlreadySpanTooLongAreAnOffenderAllTheSame() {
    Session s = undated(session("u").customer("hi").ai("hello").message("RECIPIENT", "hello?", Duration.ofHours(1)).build(), 1);
    Session other = undated(session("v").customer("hi").ai("hello").build(), 0);

    Verdict v = LengthGates.maxDuration(sample(healthyAnd(s, other)), HALF_HOUR, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.offenders()).extracting(Offender::reason)
        .containsExactly("lasts 60.1 min from first to last message, at most 30 minutes (1 message without created_at not counted)");
    assertThat(v.figures()).anySatisfy(f -> assertThat(f.value()).startsWith("1 session (e.g. v) holds 1 message without created_at"));
  }

  @Test void sessionsWithoutMessagesCannotBeJudged() {
    Session s = session("x").withoutMessages().build();

    assertThat(LengthGates.maxMessages(sample(healthyAnd(s)), 20, "g").outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(LengthGates.maxDuration(sample(healthyAnd(s)), HALF_HOUR, "g").outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
  }
}
