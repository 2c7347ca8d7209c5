package io.konvoqa.steps;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.gate.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a verdict's reader must know about how complete its window was: a {@code count} the
 * server did not keep, sessions set aside, duplicates dropped. Nothing fetched goes unmentioned.
 */
final class FetchNotes {
  private FetchNotes() {}

  /**
   * A window the API served less than 95% of (and at least 10 sessions short) is incomplete, and
   * a gate over it cannot judge: the sessions missing might be the ones that break it. The usual
   * cause is a first page the API numbers 0 while KONVO_FIRST_PAGE says 1.
   */
  static String incomplete(FetchSummary s) {
    if (s.countClaimed() == null) return null;
    int served = s.distinctReceived();
    int missing = s.countClaimed() - served;
    if (missing < 10 || missing <= s.countClaimed() * 0.05) return null;
    return String.format(Locale.ROOT, "the API claimed %,d sessions in the window but served %,d"
        + " (%.0f%% missing): the window is incomplete, so it cannot be judged; if the API numbers"
        + " its pages from 0, set KONVO_FIRST_PAGE=0", s.countClaimed(), served, 100.0 * missing / s.countClaimed());
  }

  static List<Figure> of(FetchSummary s) {
    List<Figure> notes = new ArrayList<>();
    if (!s.countKnown()) notes.add(new Figure("no count", "the API sent no count, so whether the window"
        + " is complete could not be checked against one"));
    if (s.countMismatch()) {
      notes.add(new Figure("count mismatch", String.format(Locale.ROOT,
          "the API claimed %,d sessions in the window but served %,d distinct ones: the window may be"
              + " incomplete (sessions can move while a window is paged)",
          s.countClaimed(), s.received() - s.duplicatesDropped())));
    }
    if (s.outsideWindow() + s.undated() > 0) {
      notes.add(new Figure("set aside", String.format(Locale.ROOT,
          "%,d sessions the API sent were outside the window or had no timestamp: not judged",
          s.outsideWindow() + s.undated())));
    }
    if (s.duplicatesDropped() > 0) {
      notes.add(new Figure("duplicates dropped", String.format(Locale.ROOT,
          "%,d sessions came twice while paging and were counted once", s.duplicatesDropped())));
    }
    return notes;
  }
}
