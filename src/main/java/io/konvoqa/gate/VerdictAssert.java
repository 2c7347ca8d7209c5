package io.konvoqa.gate;

import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Verdict}. A failing gate's message starts with its kind ("Gate
 * breached:" or "Could not judge (insufficient data):"), which the report's categories and the CI
 * summary key on.
 *
 * <p>A breach fails with an {@link AssertionError}, a verdict that could not judge with a
 * {@link GateNotJudged}: Allure shows the first as failed (red), the second as broken (yellow).
 */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {
  private VerdictAssert(Verdict actual) {
    super(actual, VerdictAssert.class);
  }

  public static VerdictAssert assertThat(Verdict verdict) {
    return new VerdictAssert(verdict);
  }

  public VerdictAssert passed() {
    isNotNull();
    if (actual.outcome().couldNotJudge()) throw new GateNotJudged(message(actual));
    if (!actual.passed()) failWithMessage("%s", message(actual));
    return this;
  }

  /**
   * A gate that could not judge (insufficient data, data unavailable, configuration error): not an
   * {@link AssertionError}, because nothing was found wrong with the sessions.
   */
  public static final class GateNotJudged extends RuntimeException {
    GateNotJudged(String message) {
      super(message);
      StackTraceElement[] trace = getStackTrace(); // from the step's call, as AssertJ's failures are
      setStackTrace(java.util.Arrays.copyOfRange(trace, Math.min(1, trace.length), trace.length));
    }
  }

  /** The failure message of a verdict: kind, claim, reason, figure, the first offenders. */
  public static String message(Verdict v) {
    StringBuilder text = new StringBuilder();
    text.append(heading(v.outcome())).append(' ').append(v.gate()).append('\n');
    text.append("  ").append(v.reason()).append('\n');
    if (!v.offenders().isEmpty()) {
      Offender first = v.offenders().get(0);
      text.append(String.format(Locale.ROOT, "  %,d offending session(s), e.g. %s: %s; all of them in the report%n",
          v.offenders().size(), first.sessionId(), shortened(first.reason(), 160)));
    }
    return text.toString().stripTrailing();
  }

  /** The text cut to {@code max} characters with "..." (quotes of whole messages can be long). */
  public static String shortened(String text, int max) {
    if (text == null || text.length() <= max) return text;
    return text.substring(0, max - 3) + "...";
  }

  /** "Gate breached:", "Could not judge (insufficient data):", ... */
  public static String heading(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> "Passed:";
      case BREACHED -> "Gate breached:";
      case INSUFFICIENT_DATA -> "Could not judge (insufficient data):";
      case DATA_UNAVAILABLE -> "Could not judge (data unavailable):";
      case CONFIGURATION_ERROR -> "Could not judge (configuration error):";
    };
  }
}
