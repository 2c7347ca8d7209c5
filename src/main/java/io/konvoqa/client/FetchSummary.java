package io.konvoqa.client;

import java.time.Duration;

/**
 * What a fetch of one window did: how many pages and requests, what the server claimed, and
 * what was set aside. Shown in reports so a reader can judge how complete the data was.
 *
 * @param countClaimed the {@code count} of the first page, or null when the server sent none
 * @param received sessions in all pages, before duplicates and out-of-window ones were removed
 * @param outsideWindow sessions set aside: updated outside the window, or with no timestamp at all
 */
public record FetchSummary(
    int pages,
    int requests,
    int retries,
    Integer countClaimed,
    int received,
    int duplicatesDropped,
    int outsideWindow,
    int kept,
    Duration elapsed) {

  /** True when the server claimed a different number of sessions than it served. */
  public boolean countMismatch() {
    return countClaimed != null && countClaimed != received - duplicatesDropped;
  }

  @Override public String toString() {
    return String.format(java.util.Locale.ROOT, "%d sessions kept from %d pages (%d requests, %d retries); count claimed %s,"
            + " received %d, duplicates dropped %d, outside the window %d; %.1f s",
        kept, pages, requests, retries, countClaimed == null ? "none" : countClaimed, received,
        duplicatesDropped, outsideWindow, elapsed.toMillis() / 1000.0);
  }
}
