package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Traffic as a gate: a drop in sessions is often the first sign that the AI or its channel broke.
 * The count is the claim, so no minimum sample applies and no session is too few: none at all is a
 * breach. Sessions of the window the run cannot be sure of (not served, undated, served in two
 * conflicting copies) may exist: a count below the minimum that they could lift to it cannot be
 * judged, and a count at the minimum passes whatever they are.
 */
public final class VolumeGates {
  private VolumeGates() {}

  /**
   * At least {@code minimum} sessions in the sample.
   *
   * @param updated when they were updated, as the claim says it, e.g. "in the last 24 hours"
   */
  public static Gate atLeast(int minimum, String updated) {
    if (minimum < 1) throw new IllegalArgumentException("minimum must be at least 1 but was " + minimum);
    java.util.Objects.requireNonNull(updated, "updated");
    return gate -> new Tally(gate) {
      @Override void take(SessionView s) {}

      @Override public Verdict finish(Scope scope) {
        Completeness unknown = scope.completeness();
        String figure = Judging.count(size) + (size == 1 ? " session was" : " sessions were") + " updated " + updated;
        Outcome outcome = size >= minimum ? Outcome.PASSED : Outcome.BREACHED;
        String reason = outcome == Outcome.PASSED ? figure + ", at least " + Judging.count(minimum)
            : "only " + figure + ", fewer than " + Judging.count(minimum);
        List<Figure> figures = new ArrayList<>(List.of(Figure.n("sessions updated " + updated, size),
            Figure.threshold("at least " + Judging.count(minimum) + " sessions", null),
            new Figure("sessions", scope.describe())));
        if (outcome == Outcome.BREACHED && size + (long) unknown.uncertain() >= minimum) {
          figures.add(Uncertain.note(unknown));
          return Verdict.of(gate, Outcome.DATA_UNAVAILABLE, Uncertain.couldChange(unknown, reason
              + "; with " + Judging.count(minimum - size) + " of the " + Judging.count(unknown.uncertain())
              + " sessions not seen as they are it would pass"))
              .figure("not judged: " + figure).figures(figures).build();
        }
        if (!unknown.whole()) figures.add(Uncertain.note(unknown));
        return Verdict.of(gate, outcome, reason).figure(figure).figures(figures).build();
      }
    };
  }

  public static Verdict atLeast(Sample sample, int minimum, String updated, String gate) {
    return sample.judge(atLeast(minimum, updated), gate);
  }
}
