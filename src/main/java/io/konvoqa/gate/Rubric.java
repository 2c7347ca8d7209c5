package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.List;
import java.util.Objects;

/**
 * What a grader checks a session against: the rubric's name ({@code resolution} for
 * {@code rubrics/resolution.md}, or "inline" for a docstring), its text (the criterion, what
 * passes, what fails, examples), its front matter, and the human-labelled examples that measure
 * the grader.
 *
 * @param minAgreement the least agreement with the labels under which gates on this rubric
 *     cannot judge; {@code NaN} when not set
 * @param correctForJudgeError judge the pass rate corrected for the grader's measured sensitivity
 *     and specificity (Rogan–Gladen)
 */
public record Rubric(String name, String text, double minAgreement, boolean correctForJudgeError,
    List<Labelled> labels) {
  public Rubric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) throw new IllegalArgumentException("rubric '" + name + "' has no text");
    if (!Double.isNaN(minAgreement) && (minAgreement < 0 || minAgreement > 1)) {
      throw new IllegalArgumentException("min_agreement of rubric '" + name + "' must be 0..1 but was " + minAgreement);
    }
    labels = List.copyOf(labels);
  }

  public static Rubric inline(String text) {
    return new Rubric("inline", text, Double.NaN, false, List.of());
  }

  /** A human-labelled example: a session (a transcript or one from a snapshot) and the human verdict. */
  public record Labelled(Session session, boolean humanPass) {
    public Labelled {
      Objects.requireNonNull(session, "session");
    }
  }
}
