package io.konvoqa.gate;

import java.util.List;
import java.util.Locale;

/**
 * How the judge's grades of the human-labelled examples agree with the humans. A "positive" is a
 * fail: sensitivity is the share of human fails the judge also fails, specificity the share of
 * human passes it also passes. Examples the judge could not grade are left out and counted.
 *
 * @param bothFail human fail, judge fail
 * @param missedFail human fail, judge pass
 * @param falseFail human pass, judge fail
 * @param bothPass human pass, judge pass
 * @param errors examples the judge could not grade
 */
public record Calibration(int bothFail, int missedFail, int falseFail, int bothPass, int errors) {
  public Calibration {
    if (bothFail < 0 || missedFail < 0 || falseFail < 0 || bothPass < 0 || errors < 0) {
      throw new IllegalArgumentException("counts must be 0 or more but were " + List.of(bothFail, missedFail,
          falseFail, bothPass, errors));
    }
  }

  /** The labels against the judge's grades of them, in the same order. */
  static Calibration of(List<Rubric.Labelled> labels, List<Grade> grades) {
    if (labels.size() != grades.size()) {
      throw new IllegalStateException("the grader returned " + grades.size() + " grades for " + labels.size() + " labels");
    }
    int[] c = new int[5];
    for (int i = 0; i < labels.size(); i++) {
      Grade.Kind kind = grades.get(i).kind();
      boolean human = labels.get(i).humanPass();
      if (kind == Grade.Kind.ERROR) c[4]++;
      else if (!human) c[kind == Grade.Kind.FAIL ? 0 : 1]++;
      else c[kind == Grade.Kind.FAIL ? 2 : 3]++;
    }
    return new Calibration(c[0], c[1], c[2], c[3], c[4]);
  }

  /** Examples graded. */
  public int n() {
    return bothFail + missedFail + falseFail + bothPass;
  }

  public int humanFails() {
    return bothFail + missedFail;
  }

  public int humanPasses() {
    return falseFail + bothPass;
  }

  public double agreement() {
    return n() == 0 ? Double.NaN : (double) (bothFail + bothPass) / n();
  }

  public double sensitivity() {
    return humanFails() == 0 ? Double.NaN : (double) bothFail / humanFails();
  }

  public double specificity() {
    return humanPasses() == 0 ? Double.NaN : (double) bothPass / humanPasses();
  }

  /** Cohen's kappa: agreement beyond what two raters with these shares of fails reach by chance. */
  public double kappa() {
    double n = n();
    if (n == 0) return Double.NaN;
    double judgeFails = (bothFail + falseFail) / n, humanFailShare = humanFails() / n;
    double chance = judgeFails * humanFailShare + (1 - judgeFails) * (1 - humanFailShare);
    return chance >= 1 ? Double.NaN : (agreement() - chance) / (1 - chance);
  }

  /** "agreement 90.0% of 40, sensitivity 85.0% of 20, specificity 95.0% of 20, kappa 0.80 (40 labels)". */
  public String describe() {
    return "agreement " + share(agreement(), n()) + ", sensitivity " + share(sensitivity(), humanFails())
        + ", specificity " + share(specificity(), humanPasses()) + ", Cohen's kappa "
        + (Double.isNaN(kappa()) ? "n/a" : String.format(Locale.ROOT, "%.2f", kappa()))
        + (errors == 0 ? "" : String.format(Locale.ROOT, "; %,d label%s could not be graded", errors, errors == 1 ? "" : "s"));
  }

  static String share(double share, int of) {
    return (Double.isNaN(share) ? "n/a" : Percent.format(share)) + " of " + Judging.count(of);
  }
}
