package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time of every AI reply, as plain Java: what a reply time is, the median, the share in time, per channel. */
class ReplyTimeGatesTest {
  private static Sample sample(List<Session> sessions) {
    return Selection.all().apply(sessions, 30, Role.parseMapping(null), TestSessions.NOW);
  }

  private static List<Duration> times(Session s) {
    return ReplyTimes.of(Conversation.of(s, Role.parseMapping(null))).times();
  }

  /** {@code n} sessions on {@code channel}, each with two replies: the first after {@code first}, the second after 2 s. */
  private static List<Session> sessions(String channel, int n, Duration first) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sessions.add(session(channel + "-" + i).channel(channel).customer("where is my order?").ai("Let me look.", first)
          .customer("thanks").ai("You're welcome.", Duration.ofSeconds(2)).build());
    }
    return sessions;
  }

  private static List<Session> both(List<Session> a, List<Session> b) {
    List<Session> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test void aReplyTimeRunsFromTheEarliestCustomerMessageWaiting() {
    Session s = session("s").ai("Hello! How can I help?").customer("hi").customer("my order?")
        .ai("It ships today.", Duration.ofSeconds(4)).ai("Anything else?", Duration.ofSeconds(1)).build();
    // the greeting and the follow-up answer nothing; the reply answers both customer messages, from the first
    assertThat(times(s)).containsExactly(Duration.ofSeconds(9));
  }

  @Test void aHumanAgentsAnswerAndAnUnansweredMessageAreNoAiReplies() {
    Session s = session("s").customer("a human please").ai("One moment.", Duration.ofSeconds(3))
        .customer("hello?").agent("Hi, Sam here.").ai("Survey: how did we do?", Duration.ofSeconds(1))
        .customer("bye").build();
    assertThat(times(s)).containsExactly(Duration.ofSeconds(3));
  }

  @Test void theMedianPassesWhenHalfTheRepliesAreInTime() {
    Verdict v = ReplyTimeGates.median(sample(sessions("webchat", 20, Duration.ofSeconds(40))), Duration.ofSeconds(5), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.reason()).isEqualTo("median AI reply time 2.0 s of 40 AI replies is at most 5 seconds"
        + " (50.0% were sent within 5 seconds)");
    assertThat(v.figures()).extracting(Figure::value).contains("40.0 s");
  }

  @Test void theMedianIsBreachedNamingTheSlowestSessionsFirst() {
    List<Session> sessions = sessions("webchat", 30, Duration.ofSeconds(12));
    sessions.add(session("slowest").customer("hi").ai("Hello.", Duration.ofMinutes(3)).build());
    sessions.add(session("slow").customer("hi").ai("Hello.", Duration.ofSeconds(30)).customer("?")
        .ai("Yes?", Duration.ofSeconds(20)).build());
    Verdict v = ReplyTimeGates.median(sample(sessions), Duration.ofSeconds(5), "g");
    // 30 replies after 2 s, 33 after 12 s or more: the lower middle of 63 is the 32nd fastest
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).isEqualTo("median AI reply time 12.0 s of 63 AI replies");
    assertThat(v.reason()).isEqualTo("median AI reply time 12.0 s of 63 AI replies is above 5 seconds"
        + " (only 47.6% were sent within 5 seconds)");
    assertThat(v.offenders()).hasSize(32);
    assertThat(v.offenders().get(0)).satisfies(o -> {
      assertThat(o.sessionId()).isEqualTo("slowest");
      assertThat(o.reason()).isEqualTo("slowest AI reply after 3.0 min; 1 of 1 AI replies took longer than 5 seconds");
    });
    assertThat(v.offenders().get(1)).satisfies(o -> {
      assertThat(o.sessionId()).isEqualTo("slow");
      assertThat(o.reason()).isEqualTo("slowest AI reply after 30.0 s; 2 of 2 AI replies took longer than 5 seconds");
    });
  }

  @Test void underTheMinimumSampleTheMedianIsJudgedOnlyWhenClearlyOver() {
    Verdict few = ReplyTimeGates.median(sample(sessions("webchat", 5, Duration.ofSeconds(40))), Duration.ofSeconds(5), "g");
    assertThat(few.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(few.reason()).startsWith("only 10 AI replies, fewer than the minimum sample of 30");
    List<Session> slow = new ArrayList<>();
    for (int i = 0; i < 12; i++) slow.add(session("s" + i).customer("hi").ai("Hello.", Duration.ofMinutes(1)).build());
    Verdict clearly = ReplyTimeGates.median(sample(slow), Duration.ofSeconds(5), "g");
    assertThat(clearly.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(clearly.reason()).isEqualTo("median AI reply time 60.0 s of 12 AI replies is above 5 seconds even with"
        + " few replies: only 0.0% were sent within 5 seconds, significantly fewer than half");
  }

  @Test void theShareWithinALimitCountsReplies() {
    List<Session> sessions = sessions("webchat", 20, Duration.ofSeconds(40));
    Verdict v = ReplyTimeGates.within(sample(sessions), Duration.ofSeconds(30), 0.95, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.figure()).isEqualTo("50.0% of 40 AI replies were sent within 30 seconds");
    assertThat(v.offenders()).hasSize(20).first().satisfies(o -> assertThat(o.reason())
        .isEqualTo("slowest AI reply after 40.0 s; 1 of 2 AI replies took longer than 30 seconds"));
    Verdict passes = ReplyTimeGates.within(sample(sessions), Duration.ofSeconds(45), 0.95, "g");
    assertThat(passes.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(passes.reason()).isEqualTo("100.0% of 40 AI replies were sent within 45 seconds, which is at least 95%");
  }

  @Test void aMessageWithoutTimestampMakesReplyTimesUnavailable() {
    List<Session> sessions = sessions("webchat", 20, Duration.ofSeconds(1));
    Session s = sessions.remove(0);
    List<Message> undated = new ArrayList<>(s.messages());
    Message m = undated.get(1);
    undated.set(1, new Message(m.messageId(), m.sessionId(), m.initiatorOrigin(), m.message(), null));
    sessions.add(new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), s.channel(),
        s.createdAt(), s.status(), s.state(), undated));
    for (Verdict v : List.of(ReplyTimeGates.median(sample(sessions), Duration.ofSeconds(5), "g"),
        ReplyTimeGates.within(sample(sessions), Duration.ofSeconds(5), 0.95, "g"),
        ReplyTimeGates.withinPerSegment(sample(sessions), Duration.ofSeconds(5), 0.95, "channel", Session::channel, "g"))) {
      assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
      assertThat(v.reason()).isEqualTo("1 session with a customer message has messages without created_at (e.g. webchat-0):"
          + " cannot measure AI reply times");
    }
  }

  @Test void messagesOfUnknownWritersFailClosedWhenTheyCouldTipTheMedian() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      sessions.add(session("s" + i).customer("hi").ai("Hello.", Duration.ofSeconds(i < 16 ? 1 : 40)).build());
    }
    for (int i = 0; i < 3; i++) {
      sessions.add(session("bot-" + i).customer("hi").message("BOT", "Hello.", Duration.ofSeconds(2)).build());
    }
    Verdict v = ReplyTimeGates.median(sample(sessions), Duration.ofSeconds(5), "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("3 sessions (e.g. bot-0) hold messages whose writer is unknown");
    assertThat(v.reason()).contains("with all of them sent within 5 seconds, or none, the median could end on the other side");
  }

  @Test void eachChannelIsJudgedOnItsOwn() {
    List<Session> sessions = both(sessions("email", 20, Duration.ofMinutes(2)), sessions("whatsapp", 30, Duration.ofSeconds(3)));
    Verdict v = ReplyTimeGates.withinPerSegment(sample(sessions), Duration.ofSeconds(30), 0.95, "channel", Session::channel, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("share of AI replies sent within 30 seconds below 95% on 1 of 2 channels: email 50.0% of 40");
    assertThat(v.figure()).isEqualTo("lowest: email 50.0% of 40, 1 breached");
    assertThat(v.offenders()).hasSize(20).first().satisfies(o -> assertThat(o.reason())
        .isEqualTo("slowest AI reply after 2.0 min; 1 of 2 AI replies took longer than 30 seconds, channel email"));
    Verdict median = ReplyTimeGates.medianPerSegment(sample(sessions), Duration.ofSeconds(5), "channel", Session::channel, "g");
    // on email half the replies took 2 minutes, half 2 seconds: the lower middle one is within 5 seconds
    assertThat(median.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(median.reason()).isEqualTo("share of AI replies sent within 5 seconds (the median is at most 5 seconds"
        + " when it is at least 50%) at least 50% on every channel judged (2 of 2)");
  }
}
