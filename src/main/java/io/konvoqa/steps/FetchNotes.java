package io.konvoqa.steps;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.gate.Figure;
import io.konvoqa.run.FetchCompleteness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a verdict's reader must know about how complete its window was: sessions not served,
 * undated, conflicting or possibly skipped, a {@code count} the API did not send, sessions set
 * aside, duplicates dropped. Nothing fetched goes unmentioned.
 */
final class FetchNotes {
  private FetchNotes() {}

  static List<Figure> of(FetchSummary s) {
    List<Figure> notes = new ArrayList<>();
    String completeness = FetchCompleteness.of(s).reason();
    if (!completeness.isEmpty()) notes.add(new Figure("completeness", completeness));
    if (s.countKnown() && s.countClaimed() < s.distinctReceived()) {
      notes.add(new Figure("count mismatch", String.format(Locale.ROOT,
          "the API claimed %,d sessions in the window but served %,d distinct ones (sessions can move"
              + " while a window is paged)", s.countClaimed(), s.distinctReceived())));
    }
    if (s.outsideWindow() > 0) {
      notes.add(new Figure("set aside", String.format(Locale.ROOT,
          "%,d sessions the API sent were outside the window: not judged", s.outsideWindow())));
    }
    if (s.recovered() > 0) {
      notes.add(new Figure("recovered", String.format(Locale.ROOT, "%,d sessions slid past a page boundary"
          + " while the window changed during paging, and were found by asking again for the time between"
          + " those pages", s.recovered())));
    }
    if (s.duplicatesDropped() > 0) {
      notes.add(new Figure("duplicates dropped", String.format(Locale.ROOT,
          "%,d sessions came twice while paging and were counted once", s.duplicatesDropped())));
    }
    return notes;
  }
}
