package io.konvoqa.client;

import io.konvoqa.session.Session;
import io.konvoqa.session.SessionsPage;
import io.konvoqa.session.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers a window's pages as they arrive, while later pages are still in flight: de-duplicates by
 * id (keeping the newest version) and, at the end, sets aside what cannot be placed in the window.
 */
final class SessionCollector {
  private final Map<String, Session> byId;
  private final List<String> order;
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

  SessionCollector(int expected) {
    this.byId = new HashMap<>(Math.max(16, expected * 4 / 3 + 1));
    this.order = new ArrayList<>(Math.max(16, expected));
  }

  void add(SessionsPage page) {
    pages++;
    last = page;
    if (page.count() != null) {
      minCount = minCount == null ? page.count() : Math.min(minCount, page.count());
      maxCount = maxCount == null ? page.count() : Math.max(maxCount, page.count());
    }
    java.time.Instant first = null;
    java.time.Instant lastAt = null;
    java.time.Instant previous = null; // order is checked within a page: pages read at different moments may overlap
    for (Session session : page.result()) {
      java.time.Instant at = session.updatedAt();
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
      Session earlier = byId.putIfAbsent(session.id(), session);
      if (earlier == null) {
        order.add(session.id());
      } else {
        duplicates++;
        if (newer(session, earlier)) byId.put(session.id(), session);
      }
    }
    edges.add(new ChurnRepair.Edge(first, lastAt, page.count()));
  }

  /** A page of the churn repair: only sessions not seen yet count, as recovered. */
  void addRecovered(SessionsPage page) {
    pages++;
    for (Session session : page.result()) {
      Session earlier = byId.putIfAbsent(session.id(), session);
      if (earlier == null) {
        order.add(session.id());
        received++;
        recovered++;
      } else if (newer(session, earlier)) {
        byId.put(session.id(), session);
      }
    }
  }

  /** True when the count changed between pages, or fewer distinct sessions came than it said. */
  boolean moved() {
    if (minCount == null) return false;
    return !minCount.equals(maxCount) || received - duplicates < maxCount;
  }

  /** True when every page listed its sessions in update order, the same way. */
  boolean ordered() {
    return ascending || descending;
  }

  /** True when the pages list the most recently updated sessions first. */
  boolean newestFirst() {
    return descending && !ascending;
  }

  /** How far the count moved while the window was paged: an upper bound of sessions skipped. */
  int countMovement() {
    return minCount == null ? 0 : maxCount - minCount;
  }

  void mayBeMissing(int sessions) {
    this.mayBeMissing = sessions;
  }

  /** Sessions found only by the churn repair. */
  int recovered() {
    return recovered;
  }

  List<ChurnRepair.Edge> edges() {
    return edges;
  }

  SessionsPage lastPage() {
    return last;
  }

  int received() {
    return received;
  }

  FetchResult result(Window window, Integer count, int requests, int retries, String numbering,
      Duration elapsed) {
    List<Session> kept = new ArrayList<>(order.size());
    List<Session> outside = new ArrayList<>();
    int undated = 0;
    for (String id : order) {
      Session session = byId.get(id);
      // trust nothing blindly: a session that cannot be placed in the window is set aside too
      if (session.updatedAt() == null) {
        undated++;
        outside.add(session);
      } else if (!window.contains(session.updatedAt())) {
        outside.add(session);
      } else {
        kept.add(session);
      }
    }
    FetchSummary summary = new FetchSummary(pages, requests, retries, count,
        last == null ? count : last.count(), received, duplicates, 0, outside.size() - undated, undated,
        mayBeMissing, recovered, kept.size(), numbering, elapsed);
    return new FetchResult(window, kept, outside, summary);
  }

  private static boolean newer(Session candidate, Session current) {
    if (candidate.updatedAt() == null) return false;
    return current.updatedAt() == null || candidate.updatedAt().isAfter(current.updatedAt());
  }
}
