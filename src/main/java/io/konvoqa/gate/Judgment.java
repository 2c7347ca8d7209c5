package io.konvoqa.gate;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What a judged gate's grader did: the rubric, how the sessions to grade were drawn, the grades'
 * counts (cached ones and tokens included), the grader as the report shows it, the judge's
 * agreement with the rubric's human labels, and the corrected rate when the rubric asks for it.
 *
 * @param drawn how the sessions to grade were chosen, e.g. "200 of 1,950 sessions sampled at random (seed 42)"
 * @param toGrade sessions sent to the grader
 * @param cached grades (of sessions and labels) that cost no call
 * @param tokens tokens the server reported for this gate's grades
 * @param calibration the labels against the judge, or null when the rubric has none
 * @param corrected the corrected rate with its interval, in words, or null when not asked for
 */
public record Judgment(String rubric, String drawn, int toGrade, int passes, int fails, int errors, int cached,
    long tokens, GraderFacts grader, Calibration calibration, String corrected) implements Evidence {
  public Judgment {
    java.util.Objects.requireNonNull(rubric, "rubric");
    java.util.Objects.requireNonNull(drawn, "drawn");
    java.util.Objects.requireNonNull(grader, "grader");
  }

  /** "1,950 graded: 1,900 pass, 40 fail, 10 judge errors" */
  public String grades() {
    return String.format(Locale.ROOT, "%,d sent to the judge: %,d pass, %,d fail, %,d judge error%s", toGrade, passes,
        fails, errors, errors == 1 ? "" : "s");
  }

  @Override public Judgment mapText(UnaryOperator<String> text) {
    GraderFacts g = grader;
    GraderFacts facts = new GraderFacts(text.apply(g.model()), text.apply(g.endpointHost()), text.apply(g.promptVersion()),
        g.demo(), g.sendsPersonalData(), g.calls(), g.cacheHits(), g.tokens(), g.errors());
    return new Judgment(text.apply(rubric), text.apply(drawn), toGrade, passes, fails, errors, cached, tokens, facts,
        calibration, corrected == null ? null : text.apply(corrected));
  }
}
