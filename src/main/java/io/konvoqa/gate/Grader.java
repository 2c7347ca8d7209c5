package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.List;

/**
 * The port to a language model that grades sessions against a rubric (package {@code grader}
 * holds the OpenAI-compatible implementation, its cache and the demo grader). "Judge" stays the
 * word for a gate deciding; the model grades, and the gate judges from its grades.
 *
 * <p>The grader masks what it sends, counts its calls against the run's budget and never turns a
 * failure into a pass: a session it could not grade gets an {@link Grade.Kind#ERROR} grade.
 */
public interface Grader {
  /**
   * Grades each session against the rubric: one grade per session, in order.
   *
   * @throws GraderUnavailable when nothing can be graded: no grader configured, or the run's call
   *     budget would be exceeded by the calls these sessions need (checked before any call, so a
   *     gate never judges part of its sample)
   */
  List<Grade> grade(Rubric rubric, List<Session> sessions);

  /** What the report's judge panel says about the grader (never a key). */
  GraderFacts facts();
}
