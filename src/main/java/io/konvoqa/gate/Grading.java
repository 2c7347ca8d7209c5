package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A judged gate's accumulator: keeps only the sessions it will grade (the sample when there is a
 * {@link Draw}, else every session chosen), grades them and the rubric's labels at the end, and
 * makes the checks every judged gate makes before its claim is judged: a grader to grade with,
 * agreement with the labels, and few enough judge errors.
 */
final class Grading extends Tally {
  /** More judge errors than this share of the sessions to grade: the gate cannot judge. */
  static final double MAX_ERROR_SHARE = 0.05;

  /** The claim of a judged gate, judged from the grades once the common checks passed. */
  interface Claim {
    Verdict judge(String gate, Grades grades, Scope scope);
  }

  /** The grades of the sessions drawn, the labels' calibration, and the evidence showing both. */
  record Grades(Rubric rubric, List<Grade> grades, int passes, int fails, int errors, List<Offender> failing,
      Calibration calibration, Judgment judgment) {
    int graded() {
      return passes + fails;
    }

    /** The judge errors as sessions the gate cannot see: a verdict they could change cannot stand. */
    Completeness unknown() {
      return errors == 0 ? Completeness.WHOLE : new Completeness(errors, String.format(Locale.ROOT,
          "%,d of %,d sessions could not be graded (judge errors, e.g. %s)", errors, passes + fails + errors, firstError()));
    }

    String firstError() {
      for (Grade g : grades) if (g.kind() == Grade.Kind.ERROR) return g.sessionId() + ": " + g.reason();
      return "";
    }

    /** The evidence, saying what the corrected rate is. */
    Judgment corrected(String text) {
      Judgment j = judgment;
      return new Judgment(j.rubric(), j.drawn(), j.toGrade(), j.passes(), j.fails(), j.errors(), j.cached(), j.tokens(),
          j.grader(), j.calibration(), text);
    }
  }

  private final Rubric rubric;
  private final Grader grader;
  private final Draw draw;
  private final Claim claim;
  private final Draw.Keeper sample;
  private final List<Session> all = new ArrayList<>();

  Grading(String gate, Rubric rubric, Grader grader, Draw draw, Claim claim) {
    super(gate, Need.MESSAGES);
    this.rubric = java.util.Objects.requireNonNull(rubric, "rubric");
    this.grader = java.util.Objects.requireNonNull(grader, "grader");
    this.draw = draw;
    this.claim = java.util.Objects.requireNonNull(claim, "claim");
    this.sample = draw == null ? null : draw.keeper();
  }

  @Override void take(SessionView v) {
    if (sample != null) sample.add(v.session());
    else all.add(v.session());
  }

  @Override public Verdict finish(Scope scope) {
    Verdict early = missing(Need.MESSAGES);
    if (early == null) early = none(scope);
    if (early != null) return early;
    List<Session> toGrade = sample != null ? sample.sessions() : all;
    List<Session> labelled = rubric.labels().stream().map(Rubric.Labelled::session).toList();
    List<Grade> both;
    try {
      // one request for the sessions and the labels, so that the budget is checked for both before any call
      both = grader.grade(rubric, concat(toGrade, labelled));
    } catch (GraderUnavailable e) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, e.getMessage() + ": cannot judge " + gate);
    }
    if (both.size() != toGrade.size() + labelled.size()) {
      throw new IllegalStateException("the grader returned " + both.size() + " grades for " + toGrade.size()
          + " sessions and " + labelled.size() + " labels");
    }
    Grades g = tally(toGrade, both.subList(0, toGrade.size()), both.subList(toGrade.size(), both.size()));
    Verdict v = checks(g);
    if (v == null) v = claim.judge(gate, g, scope);
    return withJudgment(v, g, draw != null);
  }

  private Grades tally(List<Session> toGrade, List<Grade> grades, List<Grade> labels) {
    if (grades.size() != toGrade.size()) {
      throw new IllegalStateException("the grader returned " + grades.size() + " grades for " + toGrade.size() + " sessions");
    }
    int passes = 0, fails = 0, errors = 0, cached = 0;
    long tokens = 0;
    List<Offender> failing = new ArrayList<>();
    for (int i = 0; i < grades.size(); i++) {
      Grade grade = grades.get(i);
      if (!grade.sessionId().equals(toGrade.get(i).id())) {
        throw new IllegalStateException("grade " + i + " is for session " + grade.sessionId() + ", not "
            + toGrade.get(i).id() + ": a grader returns one grade per session, in order");
      }
      switch (grade.kind()) {
        case PASS -> passes++;
        case FAIL -> {
          fails++;
          failing.add(new Offender(grade.sessionId(), "the judge found: " + grade.reason()));
        }
        case ERROR -> errors++;
      }
    }
    for (Grade grade : concat(grades, labels)) {
      if (grade.cached()) cached++;
      tokens += grade.tokens();
    }
    Calibration calibration = labels.isEmpty() ? null : Calibration.of(rubric.labels(), labels);
    String drawn = draw != null ? draw.describe(sample.seen())
        : String.format(Locale.ROOT, "every one of the %,d sessions chosen (no sample)", toGrade.size());
    Judgment judgment = new Judgment(rubric.name(), drawn, toGrade.size(), passes, fails, errors, cached, tokens,
        grader.facts(), calibration, null);
    return new Grades(rubric, grades, passes, fails, errors, failing, calibration, judgment);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Could-not-judge when the judge disagrees with the labels or errs too often; null otherwise. */
  private Verdict checks(Grades g) {
    double min = rubric.minAgreement();
    Calibration c = g.calibration();
    if (!Double.isNaN(min) && (c == null || c.n() == 0)) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, "the rubric '" + rubric.name()
          + "' sets min_agreement " + Percent.written(min) + " but has no labelled example the judge could grade:"
          + " cannot judge " + gate + "; add labels (rubrics/" + rubric.name() + ".labels.jsonl) or remove min_agreement");
    }
    if (!Double.isNaN(min) && c.agreement() < min - 1e-12) {
      return Verdict.notJudged(gate, Outcome.CONFIGURATION_ERROR, String.format(Locale.ROOT,
          "the judge disagrees with your labels in %s of %,d cases (agreement %s, below the rubric's min_agreement %s):"
              + " cannot judge %s; sharpen the rubric '%s' or use another model",
          Percent.format(1 - c.agreement()), c.n(), Percent.format(c.agreement()), Percent.written(min), gate, rubric.name()));
    }
    int toGrade = g.graded() + g.errors();
    if (g.errors() > MAX_ERROR_SHARE * toGrade + 1e-9) {
      return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, String.format(Locale.ROOT,
          "the judge could not grade %,d of %,d sessions (%s, more than %s; e.g. %s): cannot judge %s;"
              + " check the judge's endpoint and model",
          g.errors(), toGrade, Percent.format((double) g.errors() / toGrade), Percent.written(MAX_ERROR_SHARE),
          g.firstError(), gate));
    }
    return null;
  }

  /** The verdict with the judge's evidence (unless the claim added its own) and figures. */
  private static Verdict withJudgment(Verdict v, Grades g, boolean sampled) {
    List<Figure> figures = new ArrayList<>(v.figures());
    Judgment j = g.judgment();
    figures.add(new Figure("sessions to grade", j.drawn()));
    figures.add(Figure.count("judge errors", g.errors()));
    if (g.calibration() != null) figures.add(new Figure("judge against the labels", g.calibration().describe()));
    List<Evidence> evidence = new ArrayList<>(v.evidence());
    if (evidence.stream().noneMatch(e -> e instanceof Judgment)) evidence.add(j);
    String reason = sampled ? v.reason() + "; graded: " + j.drawn() : v.reason();
    return new Verdict(v.gate(), v.outcome(), reason, v.figure(), figures, v.offenders(), evidence);
  }
}
