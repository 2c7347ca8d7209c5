package io.konvoqa.client;

import io.konvoqa.session.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a window that moved while it was paged may have lost sessions, and the small windows that
 * find them again.
 *
 * <p>With page/limit paging, a session that leaves the window (it was updated after the window's
 * end) moves every later session up one place. A page read after that move starts one session
 * late, so the session that slid back over the boundary onto the page before, already read, is
 * served on no page. When the server orders by {@code last_updated} (either way), such a session
 * lies between the last session of one page and the first of the next: asking for that stretch of
 * time as a window of its own, in one page, finds it. One page is one answer of the server, so the
 * repair itself cannot skip.
 *
 * <p>Only a boundary whose two pages were served with different counts can have lost a session:
 * a session can leave (and so shift the pages) only by changing the count, and a window that
 * ends in the past gains none. So a fetch during which one session a second is updated asks
 * again for a few boundaries, not for all of them.
 */
final class ChurnRepair {
  private ChurnRepair() {}

  /**
   * One page as the repair sees it: its first and last session's update time (null when it held
   * no dated session) and the count it was served with (null when none).
   */
  record Edge(Instant first, Instant last, Integer count) {}

  /**
   * The stretches of time between consecutive pages served with different counts, clipped to
   * {@code window} and merged where they touch. After the last page that held sessions, the
   * stretch runs to the window's end (oldest first) or start (newest first): sessions may have
   * slid from the page after it, which came back empty, onto it.
   *
   * @param edges per page, in page order
   * @param newestFirst how the server orders its pages
   */
  static List<Window> gaps(List<Edge> edges, Window window, boolean newestFirst) {
    List<Window> gaps = new ArrayList<>();
    for (int i = 0; i + 1 < edges.size(); i++) {
      Edge before = edges.get(i);
      Edge after = edges.get(i + 1);
      if (before.first() == null) continue;
      if (before.count() != null && before.count().equals(after.count())) continue;
      Instant a = before.last();
      Instant b = after.first() != null ? after.first() : newestFirst ? window.from() : window.to();
      Instant from = max(window.from(), a.isBefore(b) ? a : b);
      Instant to = min(window.to(), a.isBefore(b) ? b : a);
      if (to.isBefore(from)) continue;
      Window gap = new Window(from, to);
      Window last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
      if (last != null && !gap.from().isAfter(last.to()) && !last.from().isAfter(gap.to())) {
        gaps.set(gaps.size() - 1, new Window(min(last.from(), gap.from()), max(last.to(), gap.to())));
      } else {
        gaps.add(gap);
      }
    }
    return gaps;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
