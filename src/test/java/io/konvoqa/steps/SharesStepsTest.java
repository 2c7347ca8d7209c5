package io.konvoqa.steps;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of thresholded shares, totals, volume and the any-customer-message filter, as the real
 * feature file {@code src/test/resources/shares/shares.feature} run against sessions made for it.
 */
class SharesStepsTest {
  @TempDir static Path dir;
  static Map<String, ScenarioResult> results;

  /**
   * 127 sessions of the last 7 days: 100 plain ones (60 on whatsapp) of the last day, 3 with 12
   * customer messages, 2 with a stalling reply, 1 lasting 45 minutes, 1 whose customer asks a third
   * time, and 20 plain ones of three days ago.
   */
  static List<Session> sessions() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sessions.add(session("ok-" + i).channel(i < 60 ? "whatsapp" : "email").customer("where is my order?")
          .ai("It ships today.").build());
    }
    for (int i = 0; i < 3; i++) {
      var chatty = session("chatty-" + i);
      for (int m = 0; m < 12; m++) chatty.customer("and another thing " + m).ai("Sure.");
      sessions.add(chatty.build());
    }
    for (int i = 0; i < 2; i++) sessions.add(session("stall-" + i).customer("refund?").ai("Let me check that for you.").build());
    sessions.add(session("marathon").customer("hello").ai("Hi!").message("RECIPIENT", "still there?", Duration.ofMinutes(45)).build());
    sessions.add(session("again").customer("where is my order?").ai("It ships today.")
        .customer("This is the third time I ask!").ai("Sorry, it ships today.").build());
    for (int i = 0; i < 20; i++) {
      sessions.add(session("older-" + i).createdAgo(Duration.ofDays(3)).customer("hi").ai("hello").build());
    }
    return sessions;
  }

  @BeforeAll static void run() throws IOException {
    String feature = Files.readString(Path.of("src/test/resources/shares/shares.feature"), StandardCharsets.UTF_8);
    results = new GateRunFixture(dir).sessions(sessions()).run(feature).stream()
        .collect(Collectors.toMap(ScenarioResult::name, r -> r));
  }

  private static Verdict verdict(String scenario) {
    ScenarioResult r = results.get(scenario);
    assertThat(r).as(scenario).isNotNull();
    assertThat(r.verdicts()).as(scenario + ": " + r.error()).hasSize(1);
    return r.verdicts().get(0);
  }

  private static void passed(String scenario, String figure) {
    Verdict v = verdict(scenario);
    assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.PASSED);
    assertThat(results.get(scenario).status()).isEqualTo(ScenarioResult.Status.PASSED);
    assertThat(v.figure()).isEqualTo(figure);
  }

  private static Verdict breached(String scenario) {
    Verdict v = verdict(scenario);
    assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.BREACHED);
    assertThat(results.get(scenario).status()).isEqualTo(ScenarioResult.Status.FAILED);
    return v;
  }

  @Test void everyScenarioRan() {
    assertThat(results).hasSize(13);
  }

  @Test void aShareOfLongConversationsIsJudgedAsARate() {
    passed("a few long conversations are tolerated", "2.4% of 127 sessions have more than 8 customer messages");
    Verdict v = breached("too many long conversations");
    assertThat(v.reason()).startsWith("2.4% of 127 sessions have more than 8 customer messages, which is above 2%");
    assertThat(v.offenders()).extracting(o -> o.sessionId()).containsExactly("chatty-0", "chatty-1", "chatty-2");
    assertThat(v.offenders().get(0).gate()).isEqualTo("at most 2% of sessions have more than 8 customer messages");
  }

  @Test void withConfidenceTheShareMustBeShownLow() {
    Verdict v = breached("long conversations, shown to be rare");
    assertThat(v.reason()).startsWith("2.4% of 127 sessions have more than 8 customer messages, which is not at most 5%"
        + " with 95% confidence");
  }

  @Test void aShareOfStallingRepliesQuotesThem() {
    Verdict v = breached("stalling replies, as a pattern");
    assertThat(v.figure()).isEqualTo("1.6% of 127 sessions have an AI reply that matches /let me (check|see)/");
    assertThat(v.offenders()).extracting(o -> o.reason())
        .containsOnly("AI reply matches /let me (check|see)/: \"Let me check that for you.\"");
    passed("stalling replies, as text", "1.6% of 127 sessions have an AI reply that contains 'Let me check'");
  }

  @Test void totalMessagesCountEveryRole() {
    Verdict v = breached("no session runs past twenty messages");
    assertThat(v.figure()).isEqualTo("3 of 127 sessions have more than 20 messages");
    assertThat(v.offenders()).extracting(o -> o.reason()).containsOnly("24 messages, at most 20");
    passed("no session runs past thirty messages", "0 of 127 sessions have more than 30 messages");
  }

  @Test void aSessionLastsFromItsFirstToItsLastMessage() {
    Verdict v = breached("no session lasts half an hour");
    assertThat(v.offenders()).extracting(o -> o.sessionId(), o -> o.reason()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("marathon", "lasts 45.1 min from first to last message, at most 30 minutes"));
  }

  @Test void volumeCountsTheSessionsOfItsOwnWindow() {
    passed("traffic of the last day", "107 sessions were updated in the last day");
    Verdict v = breached("traffic dropped");
    assertThat(v.reason()).isEqualTo("only 107 sessions were updated in the last day, fewer than 500");
    assertThat(v.offenders()).isEmpty();
    assertThat(v.figures()).contains(new Figure("sessions", "107 fetched"));
  }

  @Test void volumeOfOneChannelIsTheVolumeWithAChannelFilter() {
    Verdict v = breached("traffic of one channel dropped");
    assertThat(v.reason()).isEqualTo("only 60 sessions were updated in the last day, fewer than 80");
    assertThat(v.figures()).contains(new Figure("sessions", "107 fetched, 60 on channel whatsapp"));
  }

  @Test void theScenariosOwnWindowStaysForItsOtherGates() {
    ScenarioResult r = results.get("the volume step leaves the scenario's window to its other gates");
    assertThat(r.verdicts()).hasSize(2);
    assertThat(r.verdicts().get(0).figure()).isEqualTo("107 sessions were updated in the last day");
    assertThat(r.verdicts().get(1).figure()).isEqualTo("unresolved rate 0.0% of 127 completed sessions");
  }

  @Test void anyCustomerMessageChoosesTheSessionsThatAskAgain() {
    Verdict v = verdict("customers who ask again");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figures()).contains(new Figure("sessions",
        "127 fetched, 1 where a customer message matches /third time|dritte mal/"));
  }
}
