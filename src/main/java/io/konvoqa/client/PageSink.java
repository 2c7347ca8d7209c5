package io.konvoqa.client;

import io.konvoqa.session.Session;
import java.util.List;

/**
 * Where a window's sessions go, a page at a time, when the fetch keeps none of them: {@link
 * KonvoClient#fetch(io.konvoqa.session.Window, PageSink)} hands over each page as it is decoded, in
 * page order, on the thread that called it, and keeps only a compact line per id.
 */
public interface PageSink {
  /**
   * One page's sessions as the API served them: copies of a session already handed over, sessions
   * from outside the window and sessions without a timestamp included (the sink merges copies
   * the way the list fetch does: the newest {@code last_updated} wins). The churn repair's pages
   * come last.
   */
  void page(List<Session> sessions);

  /**
   * Called once, after the last page, only when the sessions kept in the window did not arrive in
   * the order of their {@code last_updated} then id (the pages were ordered otherwise, a session
   * moved while the window was paged, or the churn repair found some): their ids in the order
   * {@link KonvoClient#fetch(io.konvoqa.session.Window)} would list them.
   */
  default void order(List<String> ids) {}
}
