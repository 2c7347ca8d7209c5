package io.konvoqa.gate;

import java.util.Objects;

/**
 * How sure a run is that it sees its window whole: the number of sessions the window may hold
 * that the sample cannot show as they are (not served, undated, served in two conflicting copies,
 * possibly skipped while the window moved), and why, in words a verdict can quote.
 *
 * <p>Gates add their own unknowns the same way: a session whose AI reply came without text cannot
 * be searched for a forbidden phrase, one whose first customer message came without text cannot
 * be matched against a trigger phrase.
 *
 * @param uncertain sessions that may be missing or wrong; 0 for a whole window
 * @param reason e.g. "200 of 20,000 sessions in the window were not served"; empty when whole
 */
public record Completeness(int uncertain, String reason) {
  public static final Completeness WHOLE = new Completeness(0, "");

  public Completeness {
    if (uncertain < 0) throw new IllegalArgumentException("uncertain must be >= 0 but was " + uncertain);
    Objects.requireNonNull(reason, "reason");
    if (uncertain > 0 && reason.isBlank()) {
      throw new IllegalArgumentException("an incomplete window needs a reason (uncertain " + uncertain + ")");
    }
  }

  public boolean whole() {
    return uncertain == 0;
  }

  /** Both: the uncertain sessions added up, the reasons joined. */
  public Completeness plus(Completeness more) {
    if (more.whole()) return this;
    if (whole()) return more;
    return new Completeness(uncertain + more.uncertain, reason + "; " + more.reason);
  }
}
