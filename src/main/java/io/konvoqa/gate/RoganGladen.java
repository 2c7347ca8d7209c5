package io.konvoqa.gate;

/**
 * The fail rate corrected for the judge's measured sensitivity and specificity (Rogan and Gladen,
 * 1978), clipped to [0, 1], with the confidence interval of Lang and Reiczigel (2014): the
 * Rogan–Gladen variance with Agresti–Coull adjusted proportions and a shift of the centre, which
 * carries the uncertainty of the sample and of the labelled examples. Its coverage is checked by
 * simulation in {@code RoganGladenCoverageTest} (docs/judge.md).
 */
public final class RoganGladen {
  private RoganGladen() {}

  /** The corrected rate, its interval, and whether the judge is better than chance at all. */
  public record Corrected(double rate, Interval interval) {}

  /**
   * @param fails sessions the judge failed, of {@code n} graded
   * @param c the judge's grades of the labelled examples
   * @throws IllegalArgumentException when the labels hold no human fail or no human pass, or the
   *     judge is no better than chance on them (sensitivity + specificity at most 1)
   */
  public static Corrected correct(long fails, long n, Calibration c, double confidence) {
    if (n <= 0) throw new IllegalArgumentException("n must be positive but was " + n);
    if (c.humanFails() == 0 || c.humanPasses() == 0) {
      throw new IllegalArgumentException("correcting for judge error needs labels of both verdicts, but the labels hold "
          + c.humanFails() + " human fails and " + c.humanPasses() + " human passes");
    }
    double se = c.sensitivity(), sp = c.specificity();
    if (se + sp <= 1) {
      throw new IllegalArgumentException("the judge is no better than chance on the labels (sensitivity "
          + Percent.format(se) + " + specificity " + Percent.format(sp) + " is not above 100%)");
    }
    double rate = clip(((double) fails / n + sp - 1) / (se + sp - 1));
    return new Corrected(rate, interval(fails, n, c.bothFail(), c.humanFails(), c.bothPass(), c.humanPasses(), confidence));
  }

  /** Lang–Reiczigel limits for {@code fails} of {@code n} with sensitivity kSe/nSe and specificity kSp/nSp. */
  static Interval interval(long fails, long n, long kSe, long nSe, long kSp, long nSp, double confidence) {
    double z = Normal.quantile(1 - (1 - confidence) / 2), z2 = z * z;
    double nAp = n + z2, ap = (fails + z2 / 2) / nAp;
    double nSe2 = nSe + 2, se = (kSe + 1) / nSe2;
    double nSp2 = nSp + 2, sp = (kSp + 1) / nSp2;
    double youden = se + sp - 1;
    double est = (ap + sp - 1) / youden;
    double sd = Math.sqrt(ap * (1 - ap) / nAp + se * (1 - se) / nSe2 * est * est
        + sp * (1 - sp) / nSp2 * (1 - est) * (1 - est)) / Math.abs(youden);
    double shift = 2 * z2 * (est * se * (1 - se) / nSe2 - (1 - est) * sp * (1 - sp) / nSp2);
    return new Interval(clip(est + shift - z * sd), clip(est + shift + z * sd), confidence);
  }

  static double clip(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
