package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "only sessions where a customer message contains ...": any customer message, not the AI's; the undecided are counted. */
class AnyCustomerMessageTest {
  private static final Map<String, Role> ROLES = Role.parseMapping(null);
  private static final TriggerPhrase AGAIN = TriggerPhrase.parse("/third time|dritte mal/");
  private static final Duration SOON = Duration.ofSeconds(2);

  private static Sample chosen(List<Session> sessions) {
    return Selection.all().anyCustomerMessageMatching(AGAIN, ROLES).apply(sessions, Completeness.WHOLE, 30, ROLES, TestSessions.NOW);
  }

  private static List<String> ids(Sample sample) {
    return sample.sessions().stream().map(Session::id).toList();
  }

  @Test void anyCustomerMessageCountsNotOnlyTheFirst() {
    Sample s = chosen(List.of(
        session("second").customer("where is my order?").ai("It ships today.").customer("This is the THIRD TIME I ask!").build(),
        session("first").customer("Ich frage zum dritte mal").ai("Sorry.").build(),
        session("ai-only").customer("hi").ai("Sorry, the third time is the charm.").build(),
        session("none").customer("hi").ai("hello").build()));

    assertThat(ids(s)).containsExactly("second", "first");
    assertThat(s.describe()).isEqualTo("4 fetched, 2 where a customer message matches /third time|dritte mal/");
    assertThat(s.completeness()).isEqualTo(Completeness.WHOLE);
  }

  @Test void plainTextIsFoundCaseInsensitively() {
    Sample s = Selection.all().anyCustomerMessageMatching(TriggerPhrase.parse("Refund"), ROLES).apply(List.of(
        session("r").customer("hi").ai("hello").customer("i want a REFUND").build(),
        session("n").customer("hi").build()), Completeness.WHOLE, 30, ROLES, TestSessions.NOW);

    assertThat(ids(s)).containsExactly("r");
    assertThat(s.describe()).isEqualTo("2 fetched, 1 where a customer message contains 'Refund'");
  }

  @Test void aSessionThatCouldHoldThePhraseUnseenIsLeftOutAndCounted() {
    Sample s = chosen(List.of(
        session("textless").customer("hi").message("RECIPIENT", null, SOON).build(),
        session("originless").customer("hi").message(null, "third time now", SOON).build(),
        session("originless-other").customer("hi").message(null, "hello", SOON).build(),
        session("known").customer("third time!").message("RECIPIENT", null, SOON).build()));

    assertThat(ids(s)).containsExactly("known");
    assertThat(s.completeness()).isEqualTo(new Completeness(2, "2 sessions (e.g. textless) hold 2 messages without text"
        + " that may be customer messages (\"message\" null or missing, or a null entry in the messages array):"
        + " whether one matches /third time|dritte mal/ is unknown"));
  }

  @Test void theFirstCustomerMessageFilterStillSaysFirstCustomerMessage() {
    Sample s = Selection.all().firstCustomerMessageMatching(AGAIN, ROLES).apply(List.of(
        session("textless").message("RECIPIENT", null, SOON).ai("hello").build()), Completeness.WHOLE, 30, ROLES, TestSessions.NOW);

    assertThat(s.completeness().reason()).isEqualTo("1 session (e.g. textless) holds 1 message without text that may be"
        + " the first customer message (\"message\" null or missing, or a null entry in the messages array): whether it"
        + " matches /third time|dritte mal/ is unknown");
  }

  @Test void inOnePassTheFilterChoosesWhatItChoosesAlone() {
    List<Session> sessions = List.of(
        session("a").customer("hi").customer("third time").ai("x").build(),
        session("b").customer("hi").ai("x").build());
    Selection again = Selection.all().anyCustomerMessageMatching(AGAIN, ROLES);

    List<Verdict> verdicts = OnePass.judge(sessions, 1, ROLES, List.of(new OnePass.Scenario("g", again,
        VolumeGates.atLeast(1, "in the last 7 days"))));

    assertThat(verdicts.get(0).reason()).isEqualTo("1 session was updated in the last 7 days, at least 1");
  }
}
