package io.konvoqa.client;

import java.time.Duration;

/**
 * What a fetch of one window did: how many pages and requests, what the server claimed, and
 * what was set aside. Verdicts read it to decide whether the window is complete enough to judge;
 * reports show it so a reader can judge how complete the data was.
 *
 * @param countClaimed the {@code count} of the first page, or null when the server sent none
 * @param countAtEnd the {@code count} of the last page read (the highest page number), or null
 *     when that page had none; when it differs from {@code countClaimed} the window changed while
 *     it was paged (churn)
 * @param received sessions in all pages, before duplicates and out-of-window ones were removed
 * @param duplicatesDropped copies of a session already received (same id), counted once
 * @param conflicts sessions kept in the window whose id was served more than once with the same
 *     {@code last_updated} but different content, or beside a different copy without any
 *     timestamp: which copy is true cannot be told, so each is a session the run cannot be sure of
 *     (the copy kept is the same whatever the order of pages)
 * @param outsideWindow sessions set aside because they were updated outside the window
 * @param undated sessions set aside because they carry no timestamp to place them in the window
 * @param mayBeMissing sessions the window may hold that were not received, beyond what
 *     {@code count} shows (e.g. skipped while the window moved); 0 when there is no sign of any
 * @param recovered sessions found only by asking again for the stretches between pages, after
 *     the window moved while it was paged (they had slid past a page boundary)
 * @param numbering how pages were numbered and how that was found, e.g. "pages numbered from 1
 *     (page 0 was empty)"
 */
public record FetchSummary(
    int pages,
    int requests,
    int retries,
    Integer countClaimed,
    Integer countAtEnd,
    int received,
    int duplicatesDropped,
    int conflicts,
    int outsideWindow,
    int undated,
    int mayBeMissing,
    int recovered,
    int kept,
    String numbering,
    Duration elapsed) {

  /** The fields of a fetch that found nothing odd: the count kept, nothing set aside. */
  public static FetchSummary clean(int pages, int requests, int count, Duration elapsed) {
    return new FetchSummary(pages, requests, 0, count, count, count, 0, 0, 0, 0, 0, 0, count,
        "pages numbered from 1", elapsed);
  }

  /** Distinct sessions received, in the window or not. */
  public int distinctReceived() {
    return received - duplicatesDropped;
  }

  /** True when the server sent a {@code count} at all. */
  public boolean countKnown() {
    return countClaimed != null;
  }

  /** True when the {@code count} read at the start and at the end of the fetch differ. */
  public boolean churned() {
    return countClaimed != null && countAtEnd != null && !countClaimed.equals(countAtEnd);
  }

  /** True when the server claimed a different number of sessions than it served. */
  public boolean countMismatch() {
    return countClaimed != null && countClaimed != distinctReceived();
  }

  /**
   * Sessions the {@code count} says the window holds but that never arrived, never negative; 0
   * without a count. When the window moved while it was paged, the count read last: sessions
   * that left the window after the first count are not missing, and {@code mayBeMissing} covers
   * what the movement could have made the paging skip.
   */
  public int unserved() {
    if (countClaimed == null) return 0;
    int count = churned() ? countAtEnd : countClaimed;
    return Math.max(0, count - distinctReceived());
  }

  /**
   * Sessions of the window the run cannot be sure it judged as they are: not served, undated,
   * conflicting, or possibly missed while the window moved. A verdict that could change if each
   * of them were an offender (or none were) cannot be judged.
   */
  public int uncertain() {
    return unserved() + undated + conflicts + mayBeMissing;
  }

  @Override public String toString() {
    return String.format(java.util.Locale.ROOT, "%d sessions kept from %d pages (%d requests, %d retries);"
            + " count claimed %s (at the end %s), received %d, duplicates dropped %d, conflicting copies %d,"
            + " outside the window %d, undated %d, may be missing %d, recovered %d; %s; %.1f s",
        kept, pages, requests, retries, countClaimed == null ? "none" : countClaimed,
        countAtEnd == null ? "none" : countAtEnd, received, duplicatesDropped, conflicts, outsideWindow,
        undated, mayBeMissing, recovered, numbering, elapsed.toMillis() / 1000.0);
  }
}
