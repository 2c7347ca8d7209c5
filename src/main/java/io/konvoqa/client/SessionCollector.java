package io.konvoqa.client;

import com.squareup.moshi.JsonWriter;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
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
final class SessionCollector extends PageTally {
  private final Map<String, Session> byId;
  private final List<String> order;
  private final Set<String> conflicted = new HashSet<>();
  /** Copies without a timestamp of ids served more than once: which copy is newer cannot be told. */
  private final Map<String, List<Session>> undatedCopies = new HashMap<>();

  SessionCollector(int expected) {
    this.byId = new HashMap<>(Math.max(16, expected * 4 / 3 + 1));
    this.order = new ArrayList<>(Math.max(16, expected));
  }

  @Override boolean keep(Session session) {
    Session earlier = byId.putIfAbsent(session.id(), session);
    if (earlier == null) {
      order.add(session.id());
      return true;
    }
    keepOne(session, earlier);
    return false;
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

  @Override int distinct() {
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
    FetchSummary summary = summary(new Kept(kept.size(), outside.size(), undated, conflicts), countClaimed,
        requests, retries, numbering, elapsed);
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
  static String canonical(Session session) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      SessionJson.write(writer, session, true, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
