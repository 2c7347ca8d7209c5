package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.config.Secret;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Grade;
import io.konvoqa.gate.Grade.Kind;
import io.konvoqa.gate.GraderUnavailable;
import io.konvoqa.gate.Rubric;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.Faults;
import io.konvoqa.simulator.KonvoSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real judge client against the embedded simulator's demo judge, with each fault. */
class DemoJudgeTest {
  static final Dataset DEMO = DemoWorkspace.generate(Instant.parse("2026-11-27T12:00:00Z"));
  static KonvoSimulator simulator;
  @TempDir Path cache;

  @BeforeAll static void start() {
    simulator = KonvoSimulator.start(new Dataset(Instant.now(), null, "t", 0, List.of()))
        .serveJudge(DemoWorkspace.judgeTruth(), 0.0, Graders.DEMO_SEED);
  }

  @AfterAll static void stop() {
    simulator.close();
  }

  @BeforeEach void clean() {
    simulator.faults().reset();
    simulator.clearRequests();
  }

  static ChatGrader grader(Path cache, int maxCalls) {
    return grader(simulator.judgeUrl(), cache, maxCalls, 3, Duration.ofSeconds(5));
  }

  static ChatGrader grader(String url, Path cache, int maxCalls, int tries, Duration timeout) {
    JudgeClient client = new JudgeClient(url, null, "Authorization",
        new JudgeClient.Limits(tries, Duration.ofMillis(5), Duration.ofSeconds(3), timeout), 4);
    return new ChatGrader(new ChatGrader.Config("konvo-demo-judge", true, false, true, 12_000, maxCalls, 4,
        Role.parseMapping(null)), client, new JudgmentCache(cache), Privacy.masking(Salt.of("test", "demo"))::mask);
  }

  /** English return requests of the demo week: the last four days' tell some customers 30 days. */
  static List<Session> returns(int n) {
    List<Session> newestFirst = new java.util.ArrayList<>(DEMO.sessions());
    java.util.Collections.reverse(newestFirst);
    return newestFirst.stream().filter(s -> "RETURN_REQUEST".equals(s.subIntentType()))
        .filter(s -> s.messages().get(0).text().matches("(?s).*(return|send back).*")).limit(n).toList();
  }

  static Rubric rubric(String name) {
    return Rubrics.load(Path.of("rubrics"), name, Role.parseMapping(null));
  }

  @Test void theDemoJudgeGradesTheReturnPolicyFromTheDemosTruth() {
    List<Session> sessions = returns(60);
    List<Grade> grades = grader(cache, 1000).grade(rubric("return-policy"), sessions);
    assertThat(grades).hasSize(60).extracting(Grade::sessionId).containsExactlyElementsOf(sessions.stream().map(Session::id).toList());
    for (int i = 0; i < sessions.size(); i++) {
      boolean thirty = sessions.get(i).messages().stream().anyMatch(m -> m.text().contains("within 30 days"));
      assertThat(grades.get(i).kind()).as(sessions.get(i).id()).isEqualTo(thirty ? Kind.FAIL : Kind.PASS);
    }
    assertThat(grades).filteredOn(g -> g.kind() == Kind.FAIL).isNotEmpty().allSatisfy(g ->
        assertThat(g.reason()).isEqualTo("The AI told the customer they have 30 days to return an item; the shop's policy is 14 days."));
    assertThat(grades).allSatisfy(g -> assertThat(g.tokens()).isPositive());
  }

  @Test void theMisroutedGermanReturnsFailResolutionThoughMarkedResolved() {
    List<Session> germanReturns = DEMO.sessions().stream().filter(Session::isCompleted)
        .filter(s -> Boolean.FALSE.equals(s.unresolved())).filter(s -> "CONCIERGE".equals(s.subIntentType()))
        .filter(s -> s.messages().get(0).text().matches("(?s).*(Rücksendung|zurücksenden).*")).toList();
    assertThat(germanReturns).as("German return requests routed to the shopping assistant, marked resolved")
        .extracting(Session::id).hasSizeGreaterThanOrEqualTo(5);
    List<Grade> grades = grader(cache, 1000).grade(rubric("resolution"), germanReturns);
    assertThat(grades).allSatisfy(g -> {
      assertThat(g.kind()).isEqualTo(Kind.FAIL);
      assertThat(g.reason()).endsWith("request instead of the customer's return request, so the request was not understood.");
    });
  }

  @Test void aSecondRunMakesNoCallsAndGivesTheSameGrades() {
    List<Session> sessions = returns(40);
    List<Grade> first = grader(cache, 1000).grade(rubric("return-policy"), sessions);
    assertThat(simulator.judgeRequests()).isEqualTo(40);
    simulator.clearRequests();
    ChatGrader again = grader(cache, 1000);
    List<Grade> second = again.grade(rubric("return-policy"), sessions);
    assertThat(simulator.judgeRequests()).isZero();
    assertThat(second).extracting(Grade::kind).containsExactlyElementsOf(first.stream().map(Grade::kind).toList());
    assertThat(second).allMatch(Grade::cached);
    assertThat(again.facts().calls()).isZero();
    assertThat(again.facts().cacheHits()).isEqualTo(40);
  }

  @Test void noPhoneNumberOrEmailAddressLeavesInAnyBody() {
    List<Session> withContacts = DEMO.sessions().stream()
        .filter(s -> s.messages().stream().anyMatch(m -> m.text().contains("@") || m.text().contains("+49"))).limit(50).toList();
    assertThat(withContacts).hasSize(50);
    grader(cache, 1000).grade(rubric("resolution"), withContacts);
    assertThat(simulator.judgeBodies()).hasSize(50).allSatisfy(body -> {
      assertThat(body).doesNotContainPattern(Pattern.compile("[\\w.]+@example\\.(com|de|org)"));
      assertThat(body).doesNotContainPattern(Pattern.compile("\\+4[49][ \\d()]{6,}"));
    });
    for (Session s : withContacts) {
      if (s.externalUserId() != null && s.externalUserId().length() >= 6) {
        assertThat(String.join("", simulator.judgeBodies())).doesNotContain(s.externalUserId());
      }
    }
    assertThat(String.join("", simulator.judgeBodies())).contains("***@***.");
  }

  @Test void theBudgetIsCheckedBeforeAnyCall() {
    ChatGrader grader = grader(cache, 30);
    assertThatThrownBy(() -> grader.grade(rubric("return-policy"), returns(31)))
        .isInstanceOf(GraderUnavailable.class)
        .hasMessage("the judge's budget is used up: KONVO_JUDGE_MAX_CALLS=30 allows 30 more calls in this run,"
            + " and judging these 31 sessions needs 31 (the others are cached); raise KONVO_JUDGE_MAX_CALLS or"
            + " judge a smaller sample");
    assertThat(simulator.judgeRequests()).isZero();
    grader.grade(rubric("return-policy"), returns(20));
    assertThat(simulator.judgeRequests()).isEqualTo(20);
    assertThatThrownBy(() -> grader.grade(rubric("resolution"), returns(11))).hasMessageContaining("allows 10 more calls");
    grader.grade(rubric("return-policy"), returns(30)); // 20 cached, 10 new: just within
    assertThat(grader.facts().calls()).isEqualTo(30);
  }

  @Test void aGateWhoseSessionsAndLabelsDoNotFitTheBudgetMakesNoCallAndCannotJudge() {
    Rubric rubric = rubric("return-policy"); // 40 labelled examples
    io.konvoqa.gate.Sample sample = io.konvoqa.gate.Selection.all().apply(returns(10), 5, Role.parseMapping(null),
        Instant.parse("2026-11-27T12:00:00Z"));
    io.konvoqa.gate.Verdict v = io.konvoqa.gate.JudgedGates.noneFails(sample, rubric, grader(cache, 45), null, "g");
    assertThat(v.outcome()).isEqualTo(io.konvoqa.gate.Outcome.CONFIGURATION_ERROR);
    assertThat(v.reason()).isEqualTo("the judge's budget is used up: KONVO_JUDGE_MAX_CALLS=45 allows 45 more calls in"
        + " this run, and judging these 50 sessions needs 50 (the others are cached); raise KONVO_JUDGE_MAX_CALLS or"
        + " judge a smaller sample: cannot judge g");
    assertThat(simulator.judgeRequests()).as("not one call: never a verdict on part of the sample").isZero();

    ChatGrader enough = grader(cache, 50);
    io.konvoqa.gate.Verdict judged = io.konvoqa.gate.JudgedGates.noneFails(sample, rubric, enough, null, "g");
    assertThat(judged.outcome().couldNotJudge()).isFalse();
    assertThat(enough.facts().calls()).isEqualTo(50);
  }

  @Test void anUnknownRubricIsAJudgeErrorNamingTheRubricsTheDemoJudgeKnows() {
    Rubric mine = new Rubric("no-legal-advice", "The AI gives no legal advice.", Double.NaN, false, List.of());
    List<Grade> grades = grader(cache, 1000).grade(mine, returns(2));
    assertThat(grades).allSatisfy(g -> {
      assertThat(g.kind()).isEqualTo(Kind.ERROR);
      assertThat(g.reason()).isEqualTo("the judge refused: The demo judge knows only the rubrics resolution,"
          + " return-policy and cannot grade \"no-legal-advice\"; set KONVO_JUDGE_URL to a real judge for your own rubrics.");
    });
  }

  @Test void a429WithRetryAfterAndA5xxAreRetried() {
    simulator.faults().failNext(1, 429, "1");
    long start = System.nanoTime();
    ChatGrader grader = grader(cache, 1000);
    assertThat(grader.grade(rubric("return-policy"), returns(1))).extracting(Grade::kind).containsExactly(Kind.FAIL);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    simulator.faults().failNext(2, 503, null);
    assertThat(grader.grade(rubric("resolution"), returns(1))).extracting(Grade::kind).containsExactly(Kind.PASS);
    assertThat(simulator.judgeRequests()).isEqualTo(5);
    assertThat(grader.facts().calls()).isEqualTo(2);
  }

  @Test void errorsAfterTheLastTryAreJudgeErrorsNeverPasses() {
    simulator.faults().failAlways(500);
    List<Grade> grades = grader(cache, 1000).grade(rubric("return-policy"), returns(2));
    assertThat(grades).allSatisfy(g -> {
      assertThat(g.kind()).isEqualTo(Kind.ERROR);
      assertThat(g.reason()).startsWith("the judge at " + simulator.judgeUrl() + "/chat/completions failed 3 times,"
          + " last: HTTP 500: injected failure");
    });
    simulator.faults().failAlways(0);
    simulator.clearRequests();
    grader(cache, 1000).grade(rubric("return-policy"), returns(2));
    assertThat(simulator.judgeRequests()).as("errors are not cached").isEqualTo(2);
  }

  @Test void aRetryAfterLongerThanAllowedEndsTheCall() {
    simulator.faults().failNext(1, 429, "3600");
    Grade grade = grader(cache, 1000).grade(rubric("return-policy"), returns(1)).get(0);
    assertThat(grade.kind()).isEqualTo(Kind.ERROR);
    assertThat(grade.reason()).contains("asked to retry after 3600 s, more than KONVO_MAX_RETRY_WAIT=3 s");
  }

  @Test void aSlowAnswerTimesOutAndIsRetried() {
    simulator.faults().stallNext(1, Duration.ofSeconds(2));
    ChatGrader grader = grader(simulator.judgeUrl(), cache, 1000, 3, Duration.ofMillis(700));
    assertThat(grader.grade(rubric("return-policy"), returns(1))).extracting(Grade::kind).containsExactly(Kind.FAIL);
    assertThat(grader.requests()).isEqualTo(2);
  }

  @Test void malformedContentRefusalsAndEmptyChoicesAreJudgeErrors() {
    ChatGrader grader = grader(cache, 1000);
    simulator.faults().badAnswersNext(1, Faults.BadAnswer.MALFORMED);
    assertThat(grader.grade(rubric("return-policy"), returns(1)).get(0)).satisfies(g -> {
      assertThat(g.kind()).isEqualTo(Kind.ERROR);
      assertThat(g.reason()).isEqualTo("the judge's answer is not {\"verdict\": \"pass\"|\"fail\", \"reason\": \"...\"}: Verdict: PASS (mostly)");
    });
    simulator.faults().badAnswersNext(1, Faults.BadAnswer.REFUSAL);
    assertThat(grader.grade(rubric("resolution"), returns(1)).get(0).reason())
        .isEqualTo("the judge refused: I'm sorry, but I can't help with that.");
    simulator.faults().badAnswersNext(1, Faults.BadAnswer.EMPTY_CHOICES);
    assertThat(grader.grade(rubric("resolution"), returns(2).subList(1, 2)).get(0).reason())
        .isEqualTo("the judge answered with no choices");
    assertThat(grader.facts().errors()).isEqualTo(3);
    assertThat(grader.facts().calls()).isEqualTo(3);
  }

  @Test void aWrongUrlStopsEveryLaterCall() {
    try (KonvoSimulator noJudge = KonvoSimulator.start(new Dataset(Instant.now(), null, "t", 0, List.of()))) {
      ChatGrader grader = grader(noJudge.url() + "v1", cache, 1000, 3, Duration.ofSeconds(5));
      List<Grade> grades = grader.grade(rubric("return-policy"), returns(10));
      assertThat(grades).allSatisfy(g -> assertThat(g.reason()).isEqualTo("the judge has no chat/completions at "
          + noJudge.url() + "v1/ (HTTP 404: no judge here: the simulator serves POST /v1/chat/completions only as"
          + " the demo judge): check KONVO_JUDGE_URL, which usually ends in /v1, and KONVO_JUDGE_MODEL"));
      assertThat(grader.requests()).isLessThanOrEqualTo(4); // at most one per pool thread, then none
      assertThat(grader.facts().errors()).isEqualTo(10);
    }
  }

  @Test void theDemoJudgesSeededErrorRateIsRoughlyWhatItIsSetTo() {
    try (KonvoSimulator noisy = KonvoSimulator.start(new Dataset(Instant.now(), null, "t", 0, List.of()))
        .serveJudge(DemoWorkspace.judgeTruth(), 0.2, Graders.DEMO_SEED)) {
      List<Session> sessions = returns(200);
      ChatGrader exact = grader(cache.resolve("exact"), 1000);
      ChatGrader wrong = grader(noisy.judgeUrl(), cache.resolve("noisy"), 1000, 3, Duration.ofSeconds(5));
      List<Grade> truth = exact.grade(rubric("return-policy"), sessions);
      List<Grade> noisyGrades = wrong.grade(rubric("return-policy"), sessions);
      long differ = 0;
      java.util.Set<String> mistakes = new java.util.TreeSet<>();
      for (int i = 0; i < sessions.size(); i++) {
        if (truth.get(i).kind() == noisyGrades.get(i).kind()) continue;
        differ++;
        mistakes.add(noisyGrades.get(i).kind() + ": " + noisyGrades.get(i).reason());
      }
      assertThat(differ).isBetween(20L, 60L);
      // deliberate mistakes read like a model's, about this rubric, both ways
      assertThat(mistakes).isSubsetOf(
          "PASS: The AI stated no return period other than the shop's 14 days.",
          "FAIL: The AI does not say that the 14 days are counted from delivery, so the customer may assume a longer period.",
          "FAIL: The AI discussed the customer's order without stating the 14-day return period.")
          .anyMatch(m -> m.startsWith("PASS")).anyMatch(m -> m.startsWith("FAIL"));
      List<Grade> resolution = wrong.grade(rubric("resolution"), sessions);
      List<Grade> resolutionTruth = exact.grade(rubric("resolution"), sessions);
      java.util.Set<String> resolutionMistakes = new java.util.TreeSet<>();
      for (int i = 0; i < sessions.size(); i++) {
        if (resolution.get(i).kind() != resolutionTruth.get(i).kind()) {
          resolutionMistakes.add(resolution.get(i).kind() + ": " + resolution.get(i).reason());
        }
      }
      assertThat(resolutionMistakes).isNotEmpty().isSubsetOf(
          "PASS: The AI understood the customer's request and resolved it.",
          "FAIL: The AI could not resolve the request itself and had to hand the customer over to a human agent.",
          "FAIL: The conversation ends without the customer confirming that the request was resolved.");
      List<Grade> again = grader(noisy.judgeUrl(), cache.resolve("noisy-again"), 1000, 3, Duration.ofSeconds(5))
          .grade(rubric("return-policy"), sessions);
      assertThat(again).extracting(Grade::kind).containsExactlyElementsOf(noisyGrades.stream().map(Grade::kind).toList());
    }
  }

  @Test void theCacheHoldsNoKey() throws Exception {
    Secret key = Secret.of("KONVO_JUDGE_API_KEY", "sk-test-0123456789abcdef");
    JudgeClient client = new JudgeClient(simulator.judgeUrl(), key, "Authorization",
        new JudgeClient.Limits(1, Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofSeconds(5)), 2);
    ChatGrader grader = new ChatGrader(new ChatGrader.Config("m", false, false, true, 12_000, 100, 2,
        Role.parseMapping(null)), client, new JudgmentCache(cache), Privacy.masking(Salt.random())::mask);
    grader.grade(rubric("return-policy"), returns(3));
    try (var files = Files.walk(cache)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).doesNotContain("sk-test-0123456789abcdef").contains("\"prompt_version\": \"judge-v1\"");
      }
    }
    assertThat(grader.facts().toString()).doesNotContain("sk-test");
    assertThat(grader.facts().endpointHost()).isEqualTo("127.0.0.1:" + simulator.port());
  }

  @Test void callsRunOnABoundedPool() {
    simulator.faults().latency(Duration.ofMillis(100));
    grader(cache, 1000).grade(rubric("resolution"), returns(16)); // Config's concurrency is 4
    assertThat(simulator.judgeRequests()).isEqualTo(16);
    assertThat(simulator.maxConcurrentRequests()).isBetween(2, 4);
  }
}
