package io.konvoqa.grader;

import io.konvoqa.config.JudgeSettings;
import io.konvoqa.config.Settings;
import io.konvoqa.gate.Grade;
import io.konvoqa.gate.Grader;
import io.konvoqa.gate.GraderFacts;
import io.konvoqa.gate.GraderUnavailable;
import io.konvoqa.gate.Rubric;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.session.Session;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The graders a run can have: one for an OpenAI-compatible endpoint (KONVO_JUDGE_URL), the demo
 * judge on the embedded simulator, or none, whose every grading could not judge and says why.
 */
public final class Graders {
  /** The seed of the demo judge's mistakes: the same every run, so that its calibration is too. */
  public static final long DEMO_SEED = 20_261_127L;
  /** What a gate says when neither a judge nor the demo judge is there. */
  public static final String NOT_CONFIGURED = "no judge configured: set KONVO_JUDGE_URL";

  private Graders() {}

  /** A grader that grades nothing: every call throws {@link GraderUnavailable} with {@code reason}. */
  public static Grader unavailable(String reason) {
    Objects.requireNonNull(reason, "reason");
    return new Grader() {
      @Override public List<Grade> grade(Rubric rubric, List<Session> sessions) {
        throw new GraderUnavailable(reason);
      }

      @Override public GraderFacts facts() {
        return new GraderFacts("none", "none", Prompt.PROMPT_VERSION, false, false, 0, 0, 0, 0);
      }
    };
  }

  /**
   * The run's grader: KONVO_JUDGE_URL's judge when set; else the demo judge at {@code demoJudgeUrl}
   * when there is one (demo mode only); else {@link #unavailable} with {@link #NOT_CONFIGURED}.
   * Transcripts are masked as reports are ({@code privacy}, or a masking of its own when reports
   * are not masked) unless KONVO_JUDGE_SEND_PERSONAL_DATA=true, which is said on {@code console}.
   */
  public static Grader forRun(Settings settings, String demoJudgeUrl, Privacy privacy, PrintStream console) {
    JudgeSettings judge = settings.judge();
    boolean demo = judge.url() == null;
    if (demo && demoJudgeUrl == null) return unavailable(NOT_CONFIGURED);
    String url = demo ? demoJudgeUrl : judge.url();
    String model = demo ? JudgeSettings.DEMO_MODEL : judge.model();
    JudgeClient client = new JudgeClient(url, demo ? null : judge.apiKey(), judge.apiKeyHeader(),
        new JudgeClient.Limits(settings.maxTries(), Duration.ofMillis(500), settings.maxRetryWait(), settings.timeout()),
        judge.concurrency());
    UnaryOperator<Session> masking;
    if (judge.sendPersonalData()) {
      masking = UnaryOperator.identity();
      console.println("konvo-qa: WARNING: KONVO_JUDGE_SEND_PERSONAL_DATA=true: transcripts go to the judge at "
          + client.host() + " UNMASKED, with phone numbers, e-mail addresses and external_user_ids as the"
          + " customers wrote them");
    } else {
      Privacy masks = privacy != null && privacy.masking() ? privacy : Privacy.masking(Salt.random());
      masking = masks::mask;
    }
    if (demo) {
      console.println("konvo-qa: no KONVO_JUDGE_URL set: judged gates are graded by the DEMO JUDGE, a"
          + " simulator of a judge on the embedded simulator that knows only the demo rubrics and gets "
          + Math.round(judge.demoErrorRate() * 100) + "% of its grades wrong on purpose; set KONVO_JUDGE_URL"
          + " to grade with a real model");
    }
    ChatGrader.Config config = new ChatGrader.Config(model, demo, judge.sendPersonalData(), judge.jsonMode(),
        judge.maxChars(), judge.maxCalls(), judge.concurrency(), settings.roles());
    return new ChatGrader(config, client, new JudgmentCache(judge.cache()), masking);
  }
}
