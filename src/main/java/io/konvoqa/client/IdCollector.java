package io.konvoqa.client;

import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PageTally} that keeps no session, only a line per id: its {@code last_updated}, the hash
 * of the copy kept and whether copies conflict, in parallel arrays (about 110 bytes a session with
 * a 36-character id, most of it the id's String). The sessions themselves go to a {@link
 * PageSink}, which keeps the newest copy the way {@link SessionCollector} does.
 *
 * <p>It decides as {@link SessionCollector} does, with one difference: two copies are told apart
 * by {@link Session#hashCode()}, not by equality, so two different copies with the same hash (odds
 * of 1 in 2^32 per pair) would not count as a conflict.
 */
final class IdCollector extends PageTally {
  private static final long UNDATED = Long.MIN_VALUE;
  private String[] ids;
  private long[] seconds;
  private int[] nanos;
  private int[] hashes;
  private final BitSet conflicted = new BitSet();
  /** Open addressing over the ids: an index plus one, 0 for an empty slot. */
  private int[] slots;
  private int size;
  /** Hashes of the copies without a timestamp, of ids served more than once. */
  private final Map<Integer, Set<Integer>> undatedCopies = new HashMap<>();
  /** Whether the ids came first in the order of their last_updated then id, and kept that time. */
  private boolean storeOrder = true;
  private int lastFresh = -1;

  IdCollector(int expected) {
    int capacity = Math.max(16, expected);
    ids = new String[capacity];
    seconds = new long[capacity];
    nanos = new int[capacity];
    hashes = new int[capacity];
    slots = new int[Integer.highestOneBit(capacity * 2 - 1) * 2];
  }

  @Override boolean keep(Session session) {
    int index = find(session.id());
    if (index >= 0) {
      settle(index, session);
      return false;
    }
    if (size == ids.length) grow();
    index = size++;
    ids[index] = session.id();
    set(index, session);
    place(index);
    if (slots.length < size * 2) rehash();
    if (session.updatedAt() == null || (lastFresh >= 0 && compare(lastFresh, index) >= 0)) storeOrder = false;
    lastFresh = index;
    return true;
  }

  /** As {@link SessionCollector}: the newer copy wins; equally new and different is a conflict. */
  private void settle(int index, Session copy) {
    int hash = copy.hashCode();
    if (copy.updatedAt() == null) undatedCopies.computeIfAbsent(index, i -> new HashSet<>()).add(hash);
    if (seconds[index] == UNDATED) undatedCopies.computeIfAbsent(index, i -> new HashSet<>()).add(hashes[index]);
    Instant at = copy.updatedAt();
    boolean newer = at != null && (seconds[index] == UNDATED || compare(at, index) > 0);
    boolean older = at == null ? seconds[index] != UNDATED : seconds[index] != UNDATED && compare(at, index) < 0;
    if (newer) {
      set(index, copy);
      conflicted.clear(index); // a newer copy settles it, whatever came before
      storeOrder = false; // it may have moved
    } else if (!older && hash != hashes[index]) {
      conflicted.set(index);
    }
  }

  @Override int distinct() {
    return size;
  }

  /** The fetch's summary; hands the sink the order of the window's sessions when it is not the store's. */
  FetchSummary summary(Window window, Integer countClaimed, int requests, int retries, String numbering,
      java.time.Duration elapsed, PageSink sink) {
    int kept = 0, outside = 0, undated = 0, conflicts = 0;
    List<String> order = storeOrder ? null : new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (seconds[i] == UNDATED) {
        undated++;
        outside++;
      } else if (!window.contains(Instant.ofEpochSecond(seconds[i], nanos[i]))) {
        outside++;
      } else {
        kept++;
        if (conflicted.get(i) || differsFromUndated(i)) conflicts++;
        if (order != null) order.add(ids[i]);
      }
    }
    if (order != null) sink.order(order);
    return summary(new Kept(kept, outside, undated, conflicts), countClaimed, requests, retries, numbering, elapsed);
  }

  private boolean differsFromUndated(int index) {
    Set<Integer> copies = undatedCopies.get(index);
    return copies != null && copies.stream().anyMatch(hash -> hash != hashes[index]);
  }

  private void set(int index, Session session) {
    Instant at = session.updatedAt();
    seconds[index] = at == null ? UNDATED : at.getEpochSecond();
    nanos[index] = at == null ? 0 : at.getNano();
    hashes[index] = session.hashCode();
  }

  private int compare(Instant at, int index) {
    int bySeconds = Long.compare(at.getEpochSecond(), seconds[index]);
    return bySeconds != 0 ? bySeconds : Integer.compare(at.getNano(), nanos[index]);
  }

  /** By last_updated, then id as SQLite orders text (by code point, as UTF-8 bytes compare). */
  private int compare(int a, int b) {
    int bySeconds = Long.compare(seconds[a], seconds[b]);
    if (bySeconds != 0) return bySeconds;
    int byNanos = Integer.compare(nanos[a], nanos[b]);
    return byNanos != 0 ? byNanos : byCodePoint(ids[a], ids[b]);
  }

  static int byCodePoint(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i), y = b.codePointAt(j);
      if (x != y) return Integer.compare(x, y);
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private int find(String id) {
    int mask = slots.length - 1;
    for (int slot = spread(id.hashCode()) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      if (ids[slots[slot] - 1].equals(id)) return slots[slot] - 1;
    }
    return -1;
  }

  private void place(int index) {
    int mask = slots.length - 1;
    int slot = spread(ids[index].hashCode()) & mask;
    while (slots[slot] != 0) slot = (slot + 1) & mask;
    slots[slot] = index + 1;
  }

  private void grow() {
    int capacity = ids.length * 2;
    ids = Arrays.copyOf(ids, capacity);
    seconds = Arrays.copyOf(seconds, capacity);
    nanos = Arrays.copyOf(nanos, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    for (int i = 0; i < size; i++) place(i);
  }

  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }
}
