package io.konvoqa.gate;

import java.util.Locale;

/**
 * What every accumulating gate does first: it counts the sessions and those that came without
 * data it needs. Once one has, the verdict can only be a could-not-judge: sessions are then still
 * counted, and watched by {@link #observe} (for the checks that come before the missing data's),
 * but no longer judged.
 */
abstract class Tally implements Accumulator {
  final String gate;
  private final Need[] needs;
  private final int[] missing;
  private final String[] firstMissing;
  private boolean complete = true;
  int size;

  Tally(String gate, Need... needs) {
    this.gate = java.util.Objects.requireNonNull(gate, "gate");
    this.needs = needs;
    this.missing = new int[needs.length];
    this.firstMissing = new String[needs.length];
  }

  @Override public final void add(SessionView s) {
    size++;
    for (int i = 0; i < needs.length; i++) {
      if (!needs[i].in(s.session()) && missing[i]++ == 0) {
        firstMissing[i] = s.id();
        complete = false;
      }
    }
    observe(s);
    if (complete) take(s);
  }

  /** Sees every session, also once data is missing; nothing by default. */
  void observe(SessionView s) {}

  /** Judges a session; only while every session so far had all that is needed. */
  abstract void take(SessionView s);

  /** Could-not-judge when some sessions came without {@code need}; null when all had it. */
  final Verdict missing(Need need) {
    for (int i = 0; i < needs.length; i++) {
      if (needs[i] != need || missing[i] == 0) continue;
      return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, String.format(Locale.ROOT,
          "%,d of %,d sessions came without %s (e.g. %s): cannot judge %s; the API sends it only"
              + " when asked (messages=true, state=true): check the API or the dataset",
          missing[i], size, need.what, firstMissing[i], gate));
    }
    return null;
  }

  /** Could-not-judge when there is no session at all; null otherwise. */
  final Verdict none(Scope scope) {
    return size == 0 ? Judging.tooFew(gate, scope, 0, "sessions") : null;
  }
}
