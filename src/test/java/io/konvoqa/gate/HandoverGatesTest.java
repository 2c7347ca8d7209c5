package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handovers both ways, per channel and against a baseline, as plain Java. */
class HandoverGatesTest {
  private static Sample sample(List<Session> sessions) {
    return Selection.all().apply(sessions, 30, Role.parseMapping(null), TestSessions.NOW);
  }

  /** {@code handed} of {@code n} sessions on {@code channel} handed over to a human agent. */
  private static List<Session> sessions(String channel, int handed, int n) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TestSessions s = session(channel + "-" + i).channel(channel).customer("I want to talk to a human").ai("One moment.");
      if (i < handed) s.agent("Hi, Sam from support here.");
      sessions.add(s.build());
    }
    return sessions;
  }

  private static List<Session> both(List<Session> a, List<Session> b) {
    List<Session> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test void atLeastPassesWhenEnoughSessionsReachAHuman() {
    Verdict v = HandoverGates.rate(sample(sessions("webchat", 36, 40)), RateClaim.atLeast(0.9), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.reason()).isEqualTo("handover rate 90.0% of 40 sessions is at least 90%");
    assertThat(v.offenders()).isEmpty();
  }

  @Test void atLeastIsBreachedNamingTheSessionsNotHandedOver() {
    Verdict v = HandoverGates.rate(sample(sessions("webchat", 30, 40)), RateClaim.atLeast(0.9), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).isEqualTo("handover rate 75.0% of 40 sessions");
    assertThat(v.offenders()).hasSize(10).allSatisfy(o ->
        assertThat(o.reason()).isEqualTo("not handed over to a human agent"));
    assertThat(v.offenders()).extracting(Offender::sessionId).startsWith("webchat-30");
  }

  @Test void aSubIntentTypeHandoverCountsAsHandedOver() {
    List<Session> sessions = sessions("webchat", 0, 40);
    sessions.replaceAll(s -> session(s.id()).subIntentType("handover").customer("a human please").ai("Sure.").build());
    Verdict v = HandoverGates.rate(sample(sessions), RateClaim.atLeast(0.9), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void atLeastCannotJudgeWhenSessionsOfUnknownWritersCouldTipIt() {
    List<Session> sessions = sessions("webchat", 36, 38);
    for (int i = 0; i < 4; i++) {
      sessions.add(session("unknown-" + i).customer("a human please").message(null, "Hi, Sam here.",
          java.time.Duration.ofMinutes(1)).build());
    }
    Verdict v = HandoverGates.rate(sample(sessions), RateClaim.atLeast(0.9), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("4 sessions (e.g. unknown-0) hold 4 messages");
    assertThat(v.reason()).contains("whether a human agent took part is unknown, and the verdict could change with them");
  }

  @Test void eachChannelIsJudgedOnItsOwn() {
    Verdict v = HandoverGates.ratePerSegment(sample(both(sessions("email", 20, 40), sessions("whatsapp", 2, 60))),
        RateClaim.atMost(0.1), "channel", Session::channel, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("handover rate above 10% on 1 of 2 channels: email 50.0% of 40");
    assertThat(v.figure()).isEqualTo("highest: email 50.0% of 40, 1 breached");
    assertThat(v.figures()).extracting(Figure::value).anySatisfy(f -> assertThat(f).startsWith("3.3% of 60 sessions: passed"));
    assertThat(v.offenders()).hasSize(20).allSatisfy(o ->
        assertThat(o.reason()).isEqualTo("a human agent took part, channel email"));
    assertThat(v.segments()).extracting(s -> s.name() + "=" + s.outcome())
        .containsExactly("email=BREACHED", "whatsapp=PASSED");
  }

  @Test void aChannelUnderTheMinimumSampleIsNotJudged() {
    Verdict v = HandoverGates.ratePerSegment(sample(both(sessions("email", 1, 10), sessions("whatsapp", 2, 60))),
        RateClaim.atMost(0.1), "channel", Session::channel, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.reason()).isEqualTo("handover rate at most 10% on every channel judged (1 of 2); not judged"
        + " (fewer than 30 sessions): email (n=10)");
  }

  @Test void perChannelFailsClosedWithoutMessages() {
    List<Session> sessions = sessions("email", 0, 40);
    sessions.add(session("bare").withoutMessages().build());
    Verdict v = HandoverGates.ratePerSegment(sample(sessions), RateClaim.atMost(0.1), "channel", Session::channel, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("1 of 41 sessions came without messages (e.g. bare)");
  }

  @Test void perChannelCannotJudgeWhenUnknownHandoversCouldTipAChannel() {
    List<Session> sessions = both(sessions("email", 3, 40), sessions("whatsapp", 0, 40));
    for (int i = 0; i < 3; i++) {
      sessions.add(session("unknown-" + i).channel("email").customer("hi").message("BOT", "Hello.",
          java.time.Duration.ofSeconds(2)).build());
    }
    sessions.add(session("agent").channel("whatsapp").customer("hi").agent("Sam here.").build());
    Verdict v = HandoverGates.ratePerSegment(sample(sessions), RateClaim.atMost(0.1), "channel", Session::channel, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).contains("if all 3 were handed over and on channel email, the gate would be breached");
    assertThat(v.offenders()).isEmpty();
  }

  @Test void theRiseOverTheBaselineIsBreachedWhenSignificantlyMoreThanAllowed() {
    Comparison c = new Comparison(sample(sessions("email", 50, 200)), sample(sessions("email", 10, 200)), "last week");
    Verdict v = HandoverGates.rise(c, 0.02, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).startsWith("handover rate 25.0% vs 5.0% in the baseline: +20.0 points");
    assertThat(v.figures()).extracting(Figure::value).contains("25.0% (50 of 200 sessions)", "5.0% (10 of 200 sessions)");
    assertThat(v.offenders()).hasSize(50).allSatisfy(o -> assertThat(o.reason()).isEqualTo("a human agent took part"));
  }

  @Test void theRiseOverTheBaselinePassesWhenWithinTheAllowed() {
    Comparison c = new Comparison(sample(sessions("email", 11, 200)), sample(sessions("email", 10, 200)), "last week");
    Verdict v = HandoverGates.rise(c, 0.02, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.reason()).endsWith(": within the allowed rise of +2.0 points");
  }

  @Test void theRiseFailsClosedOnABaselineWithoutState() {
    List<Session> before = sessions("email", 10, 199);
    before.add(session("stateless").withoutState().customer("hi").ai("hello").build());
    Verdict v = HandoverGates.rise(new Comparison(sample(sessions("email", 50, 200)), sample(before), "last week"), 0.02, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("in the baseline (last week): 1 of 200 sessions came without a state (sub_intent_type)"
        + " (e.g. stateless)");
  }

  @Test void theRiseCannotJudgeWhenUnknownHandoversCouldTipIt() {
    List<Session> now = sessions("email", 14, 190);
    for (int i = 0; i < 20; i++) {
      now.add(session("unknown-" + i).customer("hi").message("BOT", "Hello.", java.time.Duration.ofSeconds(2)).build());
    }
    Verdict v = HandoverGates.rise(new Comparison(sample(now), sample(sessions("email", 10, 200)), "last week"), 0.02, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).contains("with all of them handed over, or none, the gate could end otherwise");
  }
}
