package io.konvoqa.gate;

import java.util.Objects;

/**
 * The baseline a baseline gate compares with (a blessed snapshot, another window), loaded only when
 * the gate finishes, so that a missing or broken baseline becomes that gate's verdict.
 */
@FunctionalInterface
public interface Baseline {
  /**
   * The baseline's sessions, chosen as the scenario chooses its own.
   *
   * @param minimumSample the scenario's minimum sample, as its own sessions were judged with
   * @throws Unavailable when the baseline cannot be fetched or read: the gate cannot judge
   * @throws ConfigurationException when the feature asks for a baseline that cannot be right
   */
  Side load(int minimumSample);

  /** A baseline at hand: its sessions as chosen, whatever the minimum sample. */
  static Baseline of(Sample sample, String label, boolean snapshot) {
    Side side = new Side(sample, label, snapshot);
    return minimumSample -> side;
  }

  /**
   * The baseline's sessions as chosen.
   *
   * @param label what the baseline is, for the report, e.g. "snapshot snapshots/baseline.json.gz
   *     (recorded at 2026-11-27T12:00:00Z)"
   * @param snapshot whether the baseline is a recorded snapshot: then a baseline with too few
   *     sessions asks for a proper snapshot to be blessed, as no window of this run can make it bigger
   */
  record Side(Sample sample, String label, boolean snapshot) {
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

    public Side {
      Objects.requireNonNull(sample, "sample");
      Objects.requireNonNull(label, "label");
    }

    Scope scope() {
      return sample.scope();
    }

    /** Could-not-judge when the baseline lacks data or sessions, saying it is the baseline; else null. */
    Verdict unfit(Verdict onBaseline) {
      if (onBaseline == null) return null;
      return Verdict.notJudged(onBaseline.gate(), onBaseline.outcome(),
          "in the baseline (" + label + "): " + advised(onBaseline.reason()));
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

  /** The baseline could not be loaded: the gate cannot judge, with this outcome and reason. */
  final class Unavailable extends RuntimeException {
    private final Outcome outcome;

    public Unavailable(Outcome outcome, String reason) {
      super(Objects.requireNonNull(reason, "reason"));
      this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    public Outcome outcome() {
      return outcome;
    }
  }
}
