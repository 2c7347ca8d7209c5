package io.konvoqa.run;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.gate.Completeness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How complete a fetched window is, in the words a verdict quotes: each kind of shortfall the
 * fetch found, named with its count ("200 of 20,000 sessions in the window were not served",
 * "1 session had no timestamp to place it in the window"). Gates decide from it whether they can
 * judge; every verdict and the run's summary name it.
 */
public final class FetchCompleteness {
  private FetchCompleteness() {}

  public static Completeness of(FetchSummary s) {
    List<String> parts = new ArrayList<>();
    if (s.unserved() > 0) {
      int count = s.churned() ? s.countAtEnd() : s.countClaimed(); // as FetchSummary.unserved() counts
      parts.add(String.format(Locale.ROOT, "%,d of %,d sessions in the window %s not served",
          s.unserved(), count, s.unserved() == 1 ? "was" : "were"));
    }
    if (s.undated() > 0) {
      parts.add(sessions(s.undated()) + (s.undated() == 1 ? " had no timestamp to place it in the window"
          : " had no timestamp to place them in the window"));
    }
    if (s.conflicts() > 0) {
      parts.add(sessions(s.conflicts()) + (s.conflicts() == 1 ? " was" : " were") + " served in two copies"
          + " with the same last_updated but different content");
    }
    if (s.mayBeMissing() > 0) {
      parts.add(sessions(s.mayBeMissing()) + " may have been skipped while the window changed during paging");
    }
    if (s.churned()) {
      parts.add(String.format(Locale.ROOT, "the count changed from %,d to %,d while the window was paged",
          s.countClaimed(), s.countAtEnd()));
    }
    if (!s.countKnown()) parts.add("completeness could not be checked: the API sent no count");
    return new Completeness(s.uncertain(), String.join("; ", parts));
  }

  /** " (incomplete: ...)" after a window's name, or "" for a window seen whole. */
  public static String note(FetchSummary s) {
    String reason = of(s).reason();
    return reason.isEmpty() ? "" : " (" + reason + ")";
  }

  private static String sessions(int n) {
    return String.format(Locale.ROOT, n == 1 ? "%,d session" : "%,d sessions", n);
  }
}
