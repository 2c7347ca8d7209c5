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
  private SessionsPage last;

  SessionCollector(int expected) {
    this.byId = new HashMap<>(Math.max(16, expected * 4 / 3 + 1));
    this.order = new ArrayList<>(Math.max(16, expected));
  }

  void add(SessionsPage page) {
    pages++;
    last = page;
    for (Session session : page.result()) {
      received++;
      Session earlier = byId.putIfAbsent(session.id(), session);
      if (earlier == null) {
        order.add(session.id());
      } else {
        duplicates++;
        if (newer(session, earlier)) byId.put(session.id(), session);
      }
    }
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
    FetchSummary summary = new FetchSummary(pages, requests, retries, count, count, received,
        duplicates, 0, outside.size() - undated, undated, 0, kept.size(), numbering, elapsed);
    return new FetchResult(window, kept, outside, summary);
  }

  private static boolean newer(Session candidate, Session current) {
    if (candidate.updatedAt() == null) return false;
    return current.updatedAt() == null || candidate.updatedAt().isAfter(current.updatedAt());
  }
}
