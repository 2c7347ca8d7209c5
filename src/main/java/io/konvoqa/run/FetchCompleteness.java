package io.konvoqa.run;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.gate.Completeness;
import io.konvoqa.simulator.Shortfall;
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
    setAside(parts, s.undated(), s.conflicts(), s.mayBeMissing());
    if (s.churned()) {
      parts.add(String.format(Locale.ROOT, "the count changed from %,d to %,d while the window was paged",
          s.countClaimed(), s.countAtEnd()));
    }
    if (!s.countKnown()) parts.add("completeness could not be checked: the API sent no count");
    return new Completeness(s.uncertain(), String.join("; ", parts));
  }

  /**
   * What a snapshot's recording could not keep ({@link Shortfall}), in the same words as a fetch's;
   * whole when it kept everything.
   */
  public static Completeness of(Shortfall s, Integer countClaimed) {
    List<String> parts = new ArrayList<>();
    if (s.unserved() > 0) {
      parts.add(countClaimed == null || countClaimed < s.unserved()
          ? sessions(s.unserved()) + " in the window " + (s.unserved() == 1 ? "was" : "were") + " not served"
          : String.format(Locale.ROOT, "%,d of %,d sessions in the window %s not served",
              s.unserved(), countClaimed, s.unserved() == 1 ? "was" : "were"));
    }
    setAside(parts, s.undated(), s.conflicts(), s.mayBeMissing());
    return new Completeness(s.total(), String.join("; ", parts));
  }

  /** " (incomplete: ...)" after a window's name, or "" for a window seen whole. */
  public static String note(FetchSummary s) {
    String reason = of(s).reason();
    return reason.isEmpty() ? "" : " (" + reason + ")";
  }

  private static void setAside(List<String> parts, int undated, int conflicts, int mayBeMissing) {
    if (undated > 0) {
      parts.add(sessions(undated) + (undated == 1 ? " had no timestamp to place it in the window"
          : " had no timestamp to place them in the window"));
    }
    if (conflicts > 0) {
      parts.add(sessions(conflicts) + (conflicts == 1 ? " was" : " were") + " served in two copies"
          + " that differ in content, with no later last_updated to choose between them");
    }
    if (mayBeMissing > 0) {
      parts.add(sessions(mayBeMissing) + " may have been skipped while the window changed during paging");
    }
  }

  private static String sessions(int n) {
    return String.format(Locale.ROOT, n == 1 ? "%,d session" : "%,d sessions", n);
  }
}
