package io.konvoqa.gate;

import java.util.Objects;

/**
 * The sessions a baseline gate compares: the scenario's own and the baseline's, chosen the same way.
 *
 * @param baselineLabel what the baseline is, for the report, e.g. "snapshot snapshots/baseline.json.gz
 *     (recorded at 2026-11-27T12:00:00Z)"
 * @param snapshot whether the baseline is a recorded snapshot: then a baseline with too few sessions
 *     asks for a proper snapshot to be blessed, as no window of this run can make it bigger
 */
public record Comparison(Sample now, Sample baseline, String baselineLabel, boolean snapshot) {
  /** The advice for a snapshot baseline with no sessions (to judge), replacing "widen the window". */
  static final String BLESS_EMPTY = "; bless a snapshot that holds them: record a longer window"
      + " ('java -jar konvo-qa.jar record --last 30d --out FILE') and bless it ('java -jar konvo-qa.jar"
      + " bless FILE'), or loosen the choices";
  /** The advice for a snapshot baseline with fewer sessions than the minimum sample. */
  static final String BLESS_BIGGER = "; bless a snapshot with at least the minimum sample: record a"
      + " longer window ('java -jar konvo-qa.jar record --last 30d --out FILE') and bless it"
      + " ('java -jar konvo-qa.jar bless FILE'), or lower the minimum with 'Given at least N sessions are needed'";

  /** The advice when trigger phrases have too few sessions in a snapshot baseline. */
  static final String BLESS_PHRASES = "; the baseline is a snapshot, so no wider window helps: bless one"
      + " that holds enough sessions per trigger phrase: record a longer window ('java -jar konvo-qa.jar"
      + " record --last 30d --out FILE') and bless it ('java -jar konvo-qa.jar bless FILE')";

  public Comparison {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(baselineLabel, "baselineLabel");
  }

  /** A baseline that is another window of the run's source, or not said to be a snapshot. */
  public Comparison(Sample now, Sample baseline, String baselineLabel) {
    this(now, baseline, baselineLabel, false);
  }

  /** Could-not-judge when the baseline lacks data or sessions, saying it is the baseline; else null. */
  Verdict baselineUnfit(Verdict onBaseline) {
    if (onBaseline == null) return null;
    return Verdict.notJudged(onBaseline.gate(), onBaseline.outcome(),
        "in the baseline (" + baselineLabel + "): " + advised(onBaseline.reason()));
  }

  /** A snapshot cannot be widened: its "too few" advice says to bless a proper one instead. */
  private String advised(String reason) {
    if (!snapshot) return reason;
    if (reason.endsWith(Judging.WIDEN_OR_LOOSEN)) return replaceEnd(reason, Judging.WIDEN_OR_LOOSEN, BLESS_EMPTY);
    if (reason.endsWith(Judging.WIDEN_OR_LOWER)) return replaceEnd(reason, Judging.WIDEN_OR_LOWER, BLESS_BIGGER);
    return reason;
  }

  private static String replaceEnd(String text, String end, String with) {
    return text.substring(0, text.length() - end.length()) + with;
  }
}
