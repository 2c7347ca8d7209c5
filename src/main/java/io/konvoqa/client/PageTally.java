package io.konvoqa.client;

import io.konvoqa.session.Session;
import io.konvoqa.session.SessionsPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a window's pages showed as they arrived, whatever is kept of their sessions: pages,
 * sessions received and duplicated, how the count moved, where each page starts and ends in time
 * (for the churn repair) and whether pages list sessions in update order. Which copy of a session
 * is kept, and how, is the subclass's: the sessions themselves ({@link SessionCollector}, for a
 * list) or a compact line per id ({@link IdCollector}, while the sessions go to a {@link PageSink}).
 */
abstract class PageTally {
  private int pages;
  private int received;
  private int duplicates;
  private int recovered;
  private int mayBeMissing;
  private SessionsPage last;
  private Integer minCount;
  private Integer maxCount;
  /** Per page in page order: where it starts and ends in time, and its count. */
  private final List<ChurnRepair.Edge> edges = new ArrayList<>();
  private boolean ascending = true;
  private boolean descending = true;

  /** Keeps the session, or settles it against the copy kept; true when its id was not received before. */
  abstract boolean keep(Session session);

  /** Distinct ids received. */
  abstract int distinct();

  /** Takes a page; returns how many of its sessions were not received before. */
  int add(SessionsPage page) {
    pages++;
    last = page;
    if (page.count() != null) {
      minCount = minCount == null ? page.count() : Math.min(minCount, page.count());
      maxCount = maxCount == null ? page.count() : Math.max(maxCount, page.count());
    }
    int fresh = 0;
    Instant first = null;
    Instant lastAt = null;
    Instant previous = null; // order is checked within a page: pages read at different moments may overlap
    for (Session session : page.result()) {
      Instant at = session.updatedAt();
      if (at == null) {
        ascending = descending = false;
      } else {
        if (first == null) first = at;
        lastAt = at;
        if (previous != null && at.isBefore(previous)) ascending = false;
        if (previous != null && at.isAfter(previous)) descending = false;
        previous = at;
      }
      received++;
      if (keep(session)) {
        fresh++;
      } else {
        duplicates++;
      }
    }
    edges.add(new ChurnRepair.Edge(first, lastAt, page.count()));
    return fresh;
  }

  /** A page of the churn repair: only sessions not seen yet count, as recovered. */
  void addRecovered(SessionsPage page) {
    pages++;
    for (Session session : page.result()) {
      if (keep(session)) {
        received++;
        recovered++;
      }
    }
  }

  /** How far the count moved while the window was paged: an upper bound of sessions skipped. */
  int countMovement() {
    return minCount == null ? 0 : maxCount - minCount;
  }

  /** True when every page listed its sessions in update order, the same way. */
  boolean ordered() {
    return ascending || descending;
  }

  /** True when the pages list the most recently updated sessions first. */
  boolean newestFirst() {
    return descending && !ascending;
  }

  List<ChurnRepair.Edge> edges() {
    return edges;
  }

  void mayBeMissing(int sessions) {
    this.mayBeMissing = sessions;
  }

  SessionsPage lastPage() {
    return last;
  }

  int received() {
    return received;
  }

  /** What the sessions kept came to: in the window, set aside (undated among them), and conflicting. */
  record Kept(int inWindow, int outside, int undated, int conflicts) {}

  FetchSummary summary(Kept kept, Integer countClaimed, int requests, int retries, String numbering, Duration elapsed) {
    return new FetchSummary(pages, requests, retries, countClaimed, last == null ? countClaimed : last.count(),
        received, duplicates, kept.conflicts(), kept.outside() - kept.undated(), kept.undated(), mayBeMissing,
        recovered, kept.inWindow(), numbering, elapsed);
  }

  /** True when both pages hold the same ids, whatever their order or content. */
  static boolean sameIds(SessionsPage a, SessionsPage b) {
    return ids(a).equals(ids(b));
  }

  static Set<String> ids(SessionsPage page) {
    Set<String> ids = new HashSet<>();
    for (Session s : page.result()) ids.add(s.id());
    return ids;
  }
}
