package io.konvoqa.gate;

import java.util.Objects;

/**
 * A baseline gate judging: it takes the scenario's sessions one at a time, and loads the baseline
 * only when it finishes. A baseline that cannot be loaded is its verdict.
 */
abstract class AgainstBaseline implements Accumulator {
  final String gate;
  private final Baseline baseline;

  AgainstBaseline(String gate, Baseline baseline) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.baseline = Objects.requireNonNull(baseline, "baseline");
  }

  @Override public final Verdict finish(Scope now) {
    Baseline.Side base;
    try {
      base = baseline.load(now.minimumSample());
    } catch (Baseline.Unavailable e) {
      return Verdict.notJudged(gate, e.outcome(), e.getMessage());
    }
    return judge(now, base);
  }

  /** The verdict, with the scenario's sessions all taken and the baseline's loaded. */
  abstract Verdict judge(Scope now, Baseline.Side base);

  /**
   * One side of a comparison counted as its sessions come, as {@link Tally} counts a sample: the
   * sessions and those that came without data it needs; once one has, the side is no longer judged.
   */
  abstract static class Side {
    private final Need[] needs;
    private final int[] missing;
    private final String[] firstMissing;
    private boolean complete = true;
    int size;

    Side(Need... needs) {
      this.needs = needs;
      this.missing = new int[needs.length];
      this.firstMissing = new String[needs.length];
    }

    final void add(SessionView s) {
      size++;
      for (int i = 0; i < needs.length; i++) {
        if (!needs[i].in(s.session()) && missing[i]++ == 0) {
          firstMissing[i] = s.id();
          complete = false;
        }
      }
      if (complete) take(s);
    }

    /** Judges a session; only while every session so far had all that is needed. */
    abstract void take(SessionView s);

    /** Adds the sessions of {@code sample}, in order: the baseline's side. */
    final void addAll(Sample sample) {
      for (io.konvoqa.session.Session s : sample.sessions()) add(new SessionView(s, sample.roles()));
    }

    /** Could-not-judge when some sessions of this side came without {@code need}; null when all had it. */
    final Verdict missing(String gate, Need need) {
      for (int i = 0; i < needs.length; i++) {
        if (needs[i] == need && missing[i] > 0) return Judging.missing(gate, missing[i], size, firstMissing[i], need.what);
      }
      return null;
    }
  }
}
