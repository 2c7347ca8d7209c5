package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Judgment;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.report.render.JudgePanel;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.JudgeTruth;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judged steps in real feature runs with a judge: the embedded simulator's chat endpoint
 * (KONVO_JUDGE_URL), answering from a truth of this test's own: a session that promises 30 days
 * fails both rubrics it knows.
 */
class JudgedRunTest {
  /** Fails what says "30 days" on "return-policy" and on the inline criterion. */
  static final JudgeTruth THIRTY_DAYS = new JudgeTruth() {
    @Override public Set<String> rubrics() {
      return Set.of("return-policy", "inline");
    }

    @Override public Verdict grade(String rubric, String transcript) {
      return transcript.contains("30 days") ? new Verdict(false, "The AI promised 30 days.")
          : new Verdict(true, "No period but 14 days.");
    }
  };

  @TempDir Path dir;
  KonvoSimulator judge;

  @BeforeEach void start() throws IOException {
    Path rubrics = Files.createDirectories(dir.resolve("rubrics"));
    Files.writeString(rubrics.resolve("return-policy.md"), "Passes when the AI states a 14-day return period.\n",
        StandardCharsets.UTF_8);
    judge = KonvoSimulator.start(new Dataset(Instant.now(), null, "t", 0, List.of())).serveJudge(THIRTY_DAYS, 0, 1);
  }

  @AfterEach void stop() {
    judge.close();
  }

  /** {@code fine} sessions that state 14 days, then {@code thirty} that promise 30. */
  static List<Session> returns(int fine, int thirty) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < fine + thirty; i++) {
      sessions.add(TestSessions.session("r" + i).customer("I want to return my shoes")
          .ai(i < fine ? "You have 14 days to return them." : "You have 30 days to return them.").build());
    }
    return sessions;
  }

  private GateRunFixture fixture(List<Session> sessions) {
    return new GateRunFixture(dir).set("KONVO_RUBRICS", dir.resolve("rubrics").toString())
        .set("KONVO_JUDGE_URL", judge.judgeUrl()).set("KONVO_JUDGE_MODEL", "gpt-test")
        .set("KONVO_JUDGE_CACHE", dir.resolve("judgments").toString()).sessions(sessions);
  }

  private static Verdict verdict(ScenarioResult r) {
    assertThat(r.verdicts()).as(r.name() + ": " + r.error()).hasSize(1);
    return r.verdicts().get(0);
  }

  private static Judgment judgment(Verdict v) {
    return v.evidence().stream().filter(e -> e instanceof Judgment).map(e -> (Judgment) e).findFirst().orElseThrow();
  }

  @Test void thePhrasingsNextToTheRubricStepsJudge() {
    List<ScenarioResult> results = fixture(returns(95, 5)).run("""
        Feature: f
          Background:
            Given the sessions updated in the last 7 days
          Scenario: every passes
            Then every session passes the rubric "return-policy"
          Scenario: at most fail
            Then at most 5% of sessions fail the rubric "return-policy"
          Scenario: every meets
            Then every session is judged to meet:
              \"\"\"
              The AI states no return period but 14 days.
              \"\"\"
          Scenario: at least meets
            Then at least 90% of sessions are judged to meet:
              \"\"\"
              The AI states no return period but 14 days.
              \"\"\"
        """);
    Verdict every = verdict(results.get(0));
    assertThat(every.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(every.gate()).isEqualTo("every session passes the rubric \"return-policy\"");
    assertThat(every.reason()).isEqualTo("5 of 100 graded sessions fail the rubric \"return-policy\"");
    assertThat(every.offenders()).hasSize(5).allSatisfy(o -> assertThat(o.reason())
        .isEqualTo("the judge found: The AI promised 30 days."));
    Verdict atMost = verdict(results.get(1));
    assertThat(atMost.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(atMost.reason()).isEqualTo("fail rate on the rubric \"return-policy\" 5.0% of 100 graded sessions is at most 5%");
    Verdict meets = verdict(results.get(2));
    assertThat(meets.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(meets.reason()).isEqualTo("5 of 100 graded sessions fail the criterion");
    Verdict atLeastMeets = verdict(results.get(3));
    assertThat(atLeastMeets.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(atLeastMeets.reason()).isEqualTo("pass rate on the criterion 95.0% of 100 graded sessions is at least 90%");
    assertThat(judge.judgeBodies()).anySatisfy(body -> assertThat(body)
        .contains("Rubric: \\\"inline\\\"\\nThe AI states no return period but 14 days."));
  }

  @Test void aRubricTheJudgeDoesNotKnowIsAJudgeErrorAndTheGateSaysWhy() throws IOException {
    Files.writeString(dir.resolve("rubrics/polite.md"), "Passes when the AI is polite.\n", StandardCharsets.UTF_8);
    List<ScenarioResult> results = fixture(returns(30, 0)).run("""
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Then at least 90% of sessions pass the rubric "polite"
        """);
    Verdict v = verdict(results.get(0));
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("the judge could not grade 30 of 30 sessions (100.0%, more than 5%; e.g. r0: the"
        + " judge refused: The demo judge knows only the rubrics inline, return-policy and cannot grade \"polite\";")
        .endsWith(": cannot judge at least 90% of sessions pass the rubric \"polite\"; check the judge's endpoint and model");
    assertThat(judgment(v).errors()).isEqualTo(30);
    assertThat(JudgePanel.text(judgment(v))).contains("grades: 30 sent to the judge: 0 pass, 0 fail, 30 judge errors");
  }

  @Test void withFewerSessionsThanTheSampleAllAreGradedAndTheVerdictAndPanelSaySo() {
    List<ScenarioResult> results = fixture(returns(40, 0)).run("""
        Feature: f
          Scenario: sampled
            Given the sessions updated in the last 7 days
            And a random sample of 200 sessions
            Then at least 90% of sessions pass the rubric "return-policy"
        """);
    Verdict v = verdict(results.get(0));
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(judge.judgeRequests()).isEqualTo(40);
    assertThat(v.reason()).endsWith("; graded: all 40 sessions: fewer than the sample of 200 (seed "
        + io.konvoqa.gate.Draw.seedOf("sampled") + ")");
    assertThat(JudgePanel.text(judgment(v))).contains("sessions to grade: all 40 sessions: fewer than the sample of 200");
  }

  /** The request bodies the judge got, as a set: the same sample sends the same transcripts. */
  private java.util.Set<String> bodies() {
    return new java.util.HashSet<>(judge.judgeBodies());
  }

  @Test void theSampleIsSeededByTheScenarioUnlessKonvoSampleSeedSetsOne() {
    String feature = """
        Feature: f
          Background:
            Given the sessions updated in the last 7 days
            And a random sample of 20 sessions
          Scenario: one
            Then at least 90% of sessions pass the rubric "return-policy"
          Scenario: two
            Then at least 90% of sessions pass the rubric "return-policy"
        """;
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sessions.add(TestSessions.session("s" + i).customer("Where is order " + i + "?").ai("It ships today.").build());
    }
    List<ScenarioResult> own = fixture(sessions).run(feature);
    assertThat(verdict(own.get(0)).reason()).endsWith("; graded: 20 of 300 sessions sampled at random (seed "
        + io.konvoqa.gate.Draw.seedOf("one") + ")");
    assertThat(verdict(own.get(1)).reason()).endsWith("(seed " + io.konvoqa.gate.Draw.seedOf("two") + ")");
    assertThat(judge.judgeRequests()).as("two scenarios, two samples").isGreaterThan(20);
    java.util.Set<String> first = bodies();

    judge.clearRequests();
    fixture(sessions).set("KONVO_JUDGE_CACHE", dir.resolve("judgments-2").toString()).run(feature);
    assertThat(bodies()).as("the same window and scenarios draw the same samples").isEqualTo(first);

    judge.clearRequests();
    List<ScenarioResult> seeded = fixture(sessions).set("KONVO_SAMPLE_SEED", "42")
        .set("KONVO_JUDGE_CACHE", dir.resolve("judgments-3").toString()).run(feature);
    assertThat(seeded).allSatisfy(r -> assertThat(verdict(r).reason())
        .endsWith("; graded: 20 of 300 sessions sampled at random (seed 42)"));
    assertThat(judge.judgeRequests()).as("one seed for every scenario: the second's sample is cached").isEqualTo(20);
  }

  @Test void aRunOutOfBudgetStopsJudgingAndEveryGateItCouldNotFinishSaysWhy() {
    GateRunFixture fixture = fixture(returns(30, 0)).set("KONVO_JUDGE_MAX_CALLS", "40");
    List<ScenarioResult> results = fixture.run("""
        Feature: f
          Background:
            Given the sessions updated in the last 7 days
          Scenario: first
            Then at least 90% of sessions pass the rubric "return-policy"
          Scenario: second
            Then every session is judged to meet:
              \"\"\"
              The AI states no return period but 14 days.
              \"\"\"
        """);
    assertThat(verdict(results.get(0)).outcome()).isEqualTo(Outcome.PASSED);
    Verdict second = verdict(results.get(1));
    assertThat(second.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
    assertThat(second.reason()).isEqualTo("the judge's budget is used up: KONVO_JUDGE_MAX_CALLS=40 allows 10 more calls"
        + " in this run, and judging these 30 sessions needs 30 (the others are cached); raise KONVO_JUDGE_MAX_CALLS"
        + " or judge a smaller sample: cannot judge every session is judged to meet:");
    assertThat(judge.judgeRequests()).as("no call for a gate that cannot finish").isEqualTo(30);
    assertThat(fixture.summary().judgeLine()).contains(": 30 calls, 0 cache hits, ").endsWith(", 0 judge errors");
  }

  @Test void theJudgeSettingsShapeTheRequestBody() {
    TestSessions long_ = TestSessions.session("long");
    for (int i = 0; i < 20; i++) long_.customer("Question " + i + " " + "x".repeat(90)).ai("Answer " + i + " " + "y".repeat(90));
    List<Session> sessions = List.of(long_.build());
    String feature = """
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Given at least 1 sessions are needed
            Then every session passes the rubric "return-policy"
        """;
    fixture(sessions).run(feature);
    assertThat(judge.judgeBodies()).singleElement().satisfies(body -> assertThat(body)
        .startsWith("{\"model\":\"gpt-test\",\"messages\":[{\"role\":\"system\",")
        .endsWith("\"temperature\":0,\"response_format\":{\"type\":\"json_object\"}}")
        .doesNotContain("messages cut"));
    judge.clearRequests();
    fixture(sessions).set("KONVO_JUDGE_JSON_MODE", "false").set("KONVO_JUDGE_MAX_CHARS", "1000")
        .set("KONVO_JUDGE_CACHE", dir.resolve("judgments-2").toString()).run(feature);
    assertThat(judge.judgeBodies()).singleElement().satisfies(body -> assertThat(body)
        .endsWith("\"temperature\":0}").doesNotContain("response_format")
        .contains("messages cut to fit the judge's budget (KONVO_JUDGE_MAX_CHARS)")
        .contains("customer: Question 0 ").contains("ai: Answer 19 "));
  }

  @Test void aSecondRunMakesNoJudgeCalls() {
    String feature = """
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Then at most 5% of sessions fail the rubric "return-policy"
        """;
    List<Session> sessions = returns(97, 3);
    Verdict first = verdict(fixture(sessions).run(feature).get(0));
    assertThat(judge.judgeRequests()).isEqualTo(100);
    judge.clearRequests();
    GateRunFixture again = fixture(sessions);
    assertThat(verdict(again.run(feature).get(0)).outcome()).isEqualTo(first.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(judge.judgeRequests()).isZero();
    assertThat(again.summary().judgeLine()).contains(": 0 calls, 100 cache hits, 0 tokens, 0 judge errors");

    // a replay of the snapshot with the judge gone: the same verdict, offline, from the cache
    String url = judge.judgeUrl();
    judge.close();
    judge = KonvoSimulator.start(new Dataset(Instant.now(), null, "t", 0, List.of())); // no judge served
    GateRunFixture offline = fixture(sessions).set("KONVO_JUDGE_URL", url);
    Verdict replayed = verdict(offline.run(feature).get(0));
    assertThat(replayed.outcome()).isEqualTo(first.outcome());
    assertThat(replayed.reason()).isEqualTo(first.reason());
    assertThat(replayed.offenders()).isEqualTo(first.offenders());
    assertThat(offline.summary().judgeLine()).contains(": 0 calls, 100 cache hits");
  }

  @Test void aQaEngineersFirstDraftAboutMeaningLeadsToTheJudgedSteps() {
    List<ScenarioResult> results = fixture(returns(10, 0)).run("""
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Then the AI is polite
        """);
    assertThat(results.get(0).error()).isEqualTo("undefined step: no gate reads 'the AI is polite'; no keyword or"
        + " metadata gate can see that, but a judge can grade it: write 'Then at least 90% of sessions are judged to"
        + " meet:' with the criterion in a docstring (\"\"\" The AI is polite. \"\"\"), or put it in rubrics/NAME.md and"
        + " write 'Then at least 90% of sessions pass the rubric \"NAME\"' (docs/judge.md) (docs/steps.md lists every step)");
  }
}
