package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Grade;
import io.konvoqa.gate.GraderFacts;
import io.konvoqa.gate.GraderUnavailable;
import io.konvoqa.gate.Rubric;
import io.konvoqa.grader.Graders;
import io.konvoqa.grader.Rubrics;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunContext.grader(): the demo judge in demo mode only, KONVO_JUDGE_URL's judge when set, else none. */
class RunGraderTest {
  @TempDir Path dir;
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private RunContext open(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("KONVO_REPORTS", dir.resolve("reports").toString(),
        "KONVO_JUDGE_CACHE", dir.resolve("judgments").toString()));
    env.putAll(extra);
    return RunContext.builder().settings(Settings.load(env, new Properties())).clock(Clock.systemUTC())
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build();
  }

  private String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Test void theDemoIsGradedByTheDemoJudgeAndSaysSo() {
    try (RunContext context = open(Map.of("KONVO_DEMO", "true"))) {
      Rubric rubric = Rubrics.load(context.settings(), "return-policy");
      List<Session> sessions = rubric.labels().stream().map(Rubric.Labelled::session).limit(3).toList();
      List<Grade> grades = context.grader().grade(rubric, sessions);
      assertThat(grades).hasSize(3).noneMatch(g -> g.kind() == Grade.Kind.ERROR);
      GraderFacts facts = context.grader().facts();
      assertThat(facts.demo()).isTrue();
      assertThat(facts.model()).isEqualTo("konvo-demo-judge");
      assertThat(facts.calls()).isEqualTo(3);
      assertThat(facts.sendsPersonalData()).isFalse();
      assertThat(console()).contains("konvo-qa: no KONVO_JUDGE_URL set: judged gates are graded by the DEMO JUDGE,"
          + " a simulator of a judge on the embedded simulator that knows only the demo rubrics and gets 5% of its"
          + " grades wrong on purpose; set KONVO_JUDGE_URL to grade with a real model");
    }
  }

  @Test void aSnapshotOrALiveKeyWithoutAJudgeUrlHasNoJudge() {
    Path snapshot = dir.resolve("snap.json");
    DatasetFile.write(DemoWorkspace.generate(Instant.parse("2026-11-27T12:00:00Z"), 1, 5), snapshot);
    for (Map<String, String> env : List.of(Map.of("KONVO_DATA", snapshot.toString()),
        Map.of("KONVO_API_KEY", "live-key-123456"))) {
      try (RunContext context = open(env)) {
        assertThatThrownBy(() -> context.grader().grade(Rubric.inline("Polite."), List.of()))
            .isInstanceOf(GraderUnavailable.class).hasMessage(Graders.NOT_CONFIGURED)
            .hasMessage("no judge configured: set KONVO_JUDGE_URL");
        assertThat(context.grader().facts().demo()).isFalse();
      }
    }
  }

  @Test void aJudgeUrlIsUsedEvenInTheDemoAndTheOptOutIsLoud() {
    try (KonvoSimulator judge = KonvoSimulator.start(new Dataset(Instant.now(), null, "t", 0, List.of()))
        .serveJudge(DemoWorkspace.judgeTruth(), 0, 1);
         RunContext context = open(Map.of("KONVO_DEMO", "true", "KONVO_JUDGE_URL", judge.judgeUrl(),
             "KONVO_JUDGE_MODEL", "gpt-4o-mini", "KONVO_JUDGE_SEND_PERSONAL_DATA", "true"))) {
      Rubric rubric = Rubrics.load(context.settings(), "resolution");
      context.grader().grade(rubric, List.of(rubric.labels().get(0).session()));
      assertThat(judge.judgeRequests()).isEqualTo(1);
      assertThat(judge.judgeBodies().get(0)).contains("\"model\":\"gpt-4o-mini\"");
      GraderFacts facts = context.grader().facts();
      assertThat(facts.demo()).isFalse();
      assertThat(facts.sendsPersonalData()).isTrue();
      assertThat(facts.endpointHost()).isEqualTo("127.0.0.1:" + judge.port());
      assertThat(console()).contains("konvo-qa: WARNING: KONVO_JUDGE_SEND_PERSONAL_DATA=true: transcripts go to the"
          + " judge at 127.0.0.1:" + judge.port() + " UNMASKED").doesNotContain("DEMO JUDGE");
    }
  }

  @Test void aRunThatCannotOpenHasNoJudgeAndSaysWhy() {
    try (RunContext context = open(Map.of("KONVO_DATA", dir.resolve("missing.json").toString()))) {
      assertThatThrownBy(() -> context.grader().grade(Rubric.inline("x"), List.of()))
          .isInstanceOf(GraderUnavailable.class).hasMessageContaining("missing.json");
    }
  }

  @Test void aSnapshotReplayWithCachedJudgmentsGivesTheSameGradesOffline() {
    Path snapshot = dir.resolve("snap.json");
    DatasetFile.write(DemoWorkspace.generate(Instant.parse("2026-11-27T12:00:00Z"), 20_260_301L, 300), snapshot);
    Rubric rubric = Rubrics.load(Path.of("rubrics"), "return-policy", io.konvoqa.session.Role.parseMapping(null));
    List<Grade> first;
    String url;
    try (KonvoSimulator judge = KonvoSimulator.start(new Dataset(Instant.now(), null, "t", 0, List.of()))
        .serveJudge(DemoWorkspace.judgeTruth(), 0, 1);
         RunContext context = open(Map.of("KONVO_DATA", snapshot.toString(), "KONVO_JUDGE_URL", judge.judgeUrl(),
             "KONVO_JUDGE_MODEL", "gpt-4o-mini"))) {
      url = judge.judgeUrl();
      first = context.grader().grade(rubric, context.source().fetch(window(context)).sessions());
      assertThat(judge.judgeRequests()).isEqualTo(first.size()).isPositive();
    }
    // the judge is gone: a replay takes every grade from the cache
    try (RunContext context = open(Map.of("KONVO_DATA", snapshot.toString(), "KONVO_JUDGE_URL", url,
        "KONVO_JUDGE_MODEL", "gpt-4o-mini"))) {
      List<Grade> again = context.grader().grade(rubric, context.source().fetch(window(context)).sessions());
      assertThat(again).extracting(Grade::kind).containsExactlyElementsOf(first.stream().map(Grade::kind).toList());
      assertThat(again).allMatch(Grade::cached);
      assertThat(context.grader().facts().calls()).isZero();
    }
  }

  private static io.konvoqa.session.Window window(RunContext context) {
    return new io.konvoqa.session.Window(context.source().now().minus(java.time.Duration.ofDays(7)), context.source().now());
  }
}
