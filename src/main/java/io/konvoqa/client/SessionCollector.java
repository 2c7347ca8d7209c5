package io.konvoqa.client;

import com.squareup.moshi.JsonWriter;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.SessionsPage;
import io.konvoqa.session.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * Gathers a window's pages as they arrive, while later pages are still in flight: de-duplicates by
 * id (keeping the newest version) and, at the end, sets aside what cannot be placed in the window.
 *
 * <p>Which copy of a session is kept never depends on the order pages arrive in: the newest
 * {@code last_updated} wins, and copies equally new but different are a conflict, counted, of
 * which the one first in canonical JSON order is kept. A different copy without any timestamp is
 * a conflict too (it may be the newer one): the dated copy is kept, and counted as uncertain.
 */
final class SessionCollector {
  private final Map<String, Session> byId;
  private final List<String> order;
  private final Set<String> conflicted = new HashSet<>();
  /** Copies without a timestamp of ids served more than once: which copy is newer cannot be told. */
  private final Map<String, List<Session>> undatedCopies = new HashMap<>();
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

  /** Takes a page; returns how many of its sessions were not received before. */
  int add(SessionsPage page) {
    pages++;
    last = page;
    if (page.count() != null) {
      minCount = minCount == null ? page.count() : Math.min(minCount, page.count());
      maxCount = maxCount == null ? page.count() : Math.max(maxCount, page.count());
    }
    int fresh = 0;
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
        fresh++;
      } else {
        duplicates++;
        keepOne(session, earlier);
      }
    }
    edges.add(new ChurnRepair.Edge(first, lastAt, page.count()));
    return fresh;
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
      } else {
        keepOne(session, earlier);
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

  private void keepOne(Session copy, Session kept) {
    for (Session s : List.of(copy, kept)) {
      if (s.updatedAt() != null) continue;
      List<Session> copies = undatedCopies.computeIfAbsent(s.id(), id -> new ArrayList<>());
      if (!copies.contains(s)) copies.add(s);
    }
    if (newer(copy, kept)) {
      byId.put(copy.id(), copy);
      conflicted.remove(copy.id()); // a newer copy settles it, whatever came before
    } else if (!newer(kept, copy) && !copy.equals(kept)) {
      conflicted.add(copy.id());
      int first = canonical(copy).compareTo(canonical(kept));
      if (first == 0) first = copy.toString().compareTo(kept.toString()); // e.g. beyond millis
      if (first < 0) byId.put(copy.id(), copy);
    }
  }

  SessionsPage lastPage() {
    return last;
  }

  int received() {
    return received;
  }

  int distinct() {
    return order.size();
  }

  FetchResult result(Window window, Integer countClaimed, int requests, int retries, String numbering,
      Duration elapsed) {
    List<Session> kept = new ArrayList<>(order.size());
    List<Session> outside = new ArrayList<>();
    int undated = 0;
    int conflicts = 0;
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
        if (conflicted.contains(id) || differsFromUndated(session)) conflicts++;
      }
    }
    FetchSummary summary = new FetchSummary(pages, requests, retries, countClaimed,
        last == null ? countClaimed : last.count(), received, duplicates, conflicts,
        outside.size() - undated, undated, mayBeMissing, recovered, kept.size(), numbering, elapsed);
    return new FetchResult(window, kept, outside, summary);
  }

  /** Whether a copy without a timestamp differs from the copy kept: it may be the newer one. */
  private boolean differsFromUndated(Session kept) {
    List<Session> copies = undatedCopies.get(kept.id());
    return copies != null && copies.stream().anyMatch(copy -> !copy.equals(kept));
  }

  private static boolean newer(Session candidate, Session current) {
    if (candidate.updatedAt() == null) return false;
    return current.updatedAt() == null || candidate.updatedAt().isAfter(current.updatedAt());
  }

  /** The session as the API would send it, every field: an order that does not depend on arrival. */
  private static String canonical(Session session) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      SessionJson.write(writer, session, true, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
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
