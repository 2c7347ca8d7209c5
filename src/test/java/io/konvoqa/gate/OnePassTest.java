package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gates of a window judged in one pass give each the verdict it gives on its own sample: the
 * same outcome, texts, figures, offenders in window order and evidence, also when the pass's
 * fail-closed checks fire (data missing, no AI message, unmapped origins, unreadable texts).
 */
class OnePassTest {
  private static final Map<String, Role> ROLES = Role.parseMapping(null);
  private static final Duration OLD = Duration.ofHours(1);

  private static List<OnePass.Scenario> scenarios() {
    Selection all = Selection.all();
    List<Selection> selections = List.of(all, all.onChannels("whatsapp, email").completedOnly(),
        all.withSubIntentType("RETURN_REQUEST"), all.olderThan(OLD, TestSessions.NOW),
        all.firstCustomerMessageMatching(TriggerPhrase.parse("Rücksendung"), ROLES),
        all.firstCustomerMessageMatching(TriggerPhrase.parse("/wo ist (meine|die) bestellung/"), ROLES),
        all.onChannels("whatsap")); // a typo: every gate over it is a configuration error
    List<Gate> gates = List.of(
        OutcomeGates.unresolvedRate(RateClaim.atMost(0.15)),
        OutcomeGates.unresolvedRate(RateClaim.notSignificantlyAbove(0.12)),
        OutcomeGates.unresolvedRatePerSegment(RateClaim.atMost(0.2), "channel", Session::channel),
        OutcomeGates.unresolvedRatePerSegment(RateClaim.atMostWithConfidence(0.25, 0.95), "sub_intent_type",
            Session::subIntentType),
        OutcomeGates.handedOver(RateClaim.atMost(0.15)),
        OutcomeGates.subIntentShare(RateClaim.atMost(0.1), "CONCIERGE"),
        RoutingGates.routes(List.of(route("where is my order", "ORDER_STATUS"), route("Rücksendung", "RETURN_REQUEST"),
            route("/wo ist (meine|die) bestellung/", "ORDER_STATUS"), route("where is my order", "ORDER_STATUS"))),
        ReplyGates.noAiReply(List.of(TriggerPhrase.text("Amazon"), TriggerPhrase.text("guarantee")), "contains a forbidden phrase"),
        ReplyGates.aiReplyContaining("RETURN_REQUEST", "return", 0.5),
        ReplyGates.everyCustomerGetsAiReply(),
        ReplyGates.noRepeatedAiReply(),
        ReplyGates.firstReplyWithin(Duration.ofMinutes(2), 0.9),
        ReplyGates.maxCustomerMessages(3),
        HandoverGates.rate(RateClaim.atLeast(0.5)),
        HandoverGates.ratePerSegment(RateClaim.atMost(0.1), "channel", Session::channel),
        ReplyTimeGates.median(Duration.ofSeconds(30)),
        ReplyTimeGates.within(Duration.ofMinutes(2), 0.9),
        ReplyTimeGates.medianPerSegment(Duration.ofSeconds(30), "channel", Session::channel),
        RoutingGates.routes(List.of(route("where is my order", "ORDER_STATU"))));
    List<OnePass.Scenario> scenarios = new ArrayList<>();
    for (Selection selection : selections) {
      for (Gate gate : gates) scenarios.add(new OnePass.Scenario("gate " + scenarios.size(), selection, gate));
    }
    return scenarios;
  }

  private static Route route(String phrase, String subIntentType) {
    return new Route(TriggerPhrase.parse(phrase), subIntentType, 0.8);
  }

  /** A window with a bit of everything a gate looks at, in mixed spellings. */
  private static List<Session> mixed() {
    List<Session> w = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String channel = i % 3 == 0 ? "WhatsApp" : i % 3 == 1 ? "whatsapp" : "email";
      TestSessions s = session("s" + i).channel(channel)
          .subIntentType(i % 5 == 0 ? "RETURN_REQUEST" : i % 7 == 0 ? "concierge" : "ORDER_STATUS");
      if (i % 4 == 0) s.unresolved();
      if (i % 9 == 0) s.open();
      if (i % 2 == 0) s.createdAgo(Duration.ofMinutes(10));
      s.customer(i % 5 == 0 ? "Rücksendung bitte" : i % 6 == 0 ? "Wo ist meine Bestellung?" : "where is my order");
      if (i % 8 != 1) s.ai(i % 10 == 0 ? "I guarantee a return" : "It ships today.", Duration.ofSeconds(i * 7L));
      if (i % 11 == 0) s.ai("It ships  TODAY.");
      if (i % 13 == 0) s.agent("Let me help");
      if (i % 12 == 0) s.message(null, null, Duration.ofSeconds(1));
      if (i % 14 == 0) s.message("AI", null, Duration.ofSeconds(1));
      if (i % 15 == 0) s.message(null, "Amazon has it", Duration.ofSeconds(1));
      if (i % 16 == 0) s.customer("more").customer("and more").customer("still");
      w.add(s.build());
    }
    w.add(session("t1").customer(null).ai("Hello").build());
    w.add(session("t2").message(null, null, Duration.ofSeconds(1)).customer("where is my order").ai("ok").build());
    return w;
  }

  private static List<Session> replaced(List<Session> window, int i, Session s) {
    List<Session> copy = new ArrayList<>(window);
    copy.set(i, s);
    return copy;
  }

  private static Session undated(Session s) {
    List<Message> messages = s.messages().stream()
        .map(m -> new Message(m.messageId(), m.sessionId(), m.initiatorOrigin(), m.message(), null)).toList();
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), s.channel(),
        s.createdAt(), s.status(), s.state(), messages);
  }

  private static void assertSameAsEachOnItsOwn(List<Session> window, Completeness completeness, int minimum) {
    List<OnePass.Scenario> scenarios = scenarios();
    List<Verdict> pass = OnePass.judge(readOnce(window), completeness, minimum, ROLES, scenarios);
    assertThat(pass).hasSize(scenarios.size());
    for (int i = 0; i < scenarios.size(); i++) {
      OnePass.Scenario s = scenarios.get(i);
      Verdict alone;
      try {
        alone = s.selection().apply(window, completeness, minimum, ROLES, TestSessions.NOW).judge(s.gate(), s.name());
      } catch (ConfigurationException e) {
        alone = Verdict.notJudged(s.name(), Outcome.CONFIGURATION_ERROR, e.getMessage());
      }
      assertThat(text(pass.get(i))).as(s.name() + " (" + s.selection() + ")").isEqualTo(text(alone));
    }
  }

  /** The window as a store serves it: one read, in order, nothing to go back to. */
  private static Iterable<Session> readOnce(List<Session> window) {
    java.util.concurrent.atomic.AtomicBoolean read = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (read.getAndSet(true)) throw new AssertionError("the window was read twice");
      return window.iterator();
    };
  }

  /** Everything a verdict holds, routing tables' counts included. */
  private static String text(Verdict v) {
    String evidence = v.evidence().stream().map(e -> e instanceof Confusion c
        ? c.phrases() + " " + c.actuals() + " " + Arrays.deepToString(c.counts()) + " " + c.expected()
        : e.toString()).collect(Collectors.joining("; "));
    return v.gate() + " | " + v.outcome() + " | " + v.reason() + " | " + v.figure() + " | " + v.figures()
        + " | " + v.offenders() + " | " + evidence;
  }

  @Test void aMixedWindowGetsTheSameVerdicts() {
    assertSameAsEachOnItsOwn(mixed(), Completeness.WHOLE, 5);
    List<Verdict> pass = OnePass.judge(readOnce(mixed()), 5, ROLES, scenarios());
    assertThat(pass).filteredOn(v -> v.outcome() == Outcome.CONFIGURATION_ERROR)
        .hasSize(19 + 6) // every gate over the misspelt channel, the misspelt route over each other selection
        .allSatisfy(v -> assertThat(v.reason()).contains("did you mean"));
    assertSameAsEachOnItsOwn(mixed(), Completeness.WHOLE, 30);
  }

  @Test void aWindowNotSeenWholeGetsTheSameVerdicts() {
    assertSameAsEachOnItsOwn(mixed(), new Completeness(3, "3 of 45 sessions in the window were not served"), 5);
  }

  @Test void theFailClosedChecksGiveTheSameVerdicts() {
    List<Session> w = mixed();
    assertSameAsEachOnItsOwn(replaced(w, 7, session("x").withoutMessages().build()), Completeness.WHOLE, 5);
    assertSameAsEachOnItsOwn(replaced(w, 8, session("x").withoutState().customer("hi").ai("ho").build()), Completeness.WHOLE, 5);
    assertSameAsEachOnItsOwn(replaced(w, 9, session("x").withoutStatus().customer("hi").ai("ho").build()), Completeness.WHOLE, 5);
    assertSameAsEachOnItsOwn(replaced(w, 10, undated(w.get(10))), Completeness.WHOLE, 5);
    assertSameAsEachOnItsOwn(List.of(), Completeness.WHOLE, 5);
  }

  @Test void windowsWithoutAiOrAgentMessagesGetTheSameVerdicts() {
    List<Session> unmapped = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      unmapped.add(session("b" + i).customer("where is my order").message("BOT", "It ships", Duration.ofSeconds(2))
          .message(i % 3 == 0 ? null : "BOT", null, Duration.ofSeconds(2)).build());
    }
    assertSameAsEachOnItsOwn(unmapped, Completeness.WHOLE, 5);
    List<Session> customersOnly = new ArrayList<>();
    for (int i = 0; i < 10; i++) customersOnly.add(session("c" + i).customer("hi").build());
    assertSameAsEachOnItsOwn(customersOnly, Completeness.WHOLE, 5);
  }

  @Test void gatesOverTheSameSelectionShareOneFunnel() {
    List<Verdict> verdicts = OnePass.judge(mixed(), 5, ROLES, List.of(
        new OnePass.Scenario("a", Selection.all(), OutcomeGates.unresolvedRate(RateClaim.atMost(0.5))),
        new OnePass.Scenario("b", Selection.all().withSubIntentType("RETURN_REQUEST"),
            OutcomeGates.unresolvedRate(RateClaim.atMost(0.5)))));
    assertThat(verdicts.get(0).figures()).filteredOn(f -> f.name().equals("sessions")).singleElement()
        .extracting(Figure::value).isEqualTo("42 fetched");
    assertThat(verdicts.get(1).figures()).filteredOn(f -> f.name().equals("sessions")).singleElement()
        .extracting(Figure::value).isEqualTo("42 fetched, 8 with sub_intent_type RETURN_REQUEST");
  }
}
