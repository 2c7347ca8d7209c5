package io.konvoqa.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Live updates while a window is paged: {@code perSecond} sessions a second, picked at random
 * (seeded), get a new {@code last_updated} of the moment they are updated. A session updated
 * after the window's end leaves the window, so every page after its old place shifts by one: the
 * way page/limit paging skips sessions on a live API.
 *
 * <p>Updates are made lazily, when a request arrives: as many as are due since the churn began.
 */
final class Churn {
  private final int perSecond;
  private final Clock clock;
  private final Random random;
  private final long startNanos = System.nanoTime();
  private final BitSet moved = new BitSet();
  /** Each moved session's new time, in the order they were moved. */
  private final Map<Integer, Instant> movedAt = new LinkedHashMap<>();

  Churn(int perSecond, long seed, Clock clock) {
    if (perSecond < 1) throw new IllegalArgumentException("churn must be at least 1 session a second but was " + perSecond);
    this.perSecond = perSecond;
    this.random = new Random(seed);
    this.clock = clock;
  }

  /** Makes the updates due by now among {@code sessions} sessions. */
  synchronized void advance(int sessions) {
    long due = (long) ((System.nanoTime() - startNanos) / 1e9 * perSecond);
    while (movedAt.size() < Math.min(due, sessions)) {
      int index = random.nextInt(sessions);
      if (moved.get(index)) continue;
      moved.set(index);
      movedAt.put(index, clock.instant());
    }
  }

  /** Sessions updated so far. */
  synchronized int updates() {
    return movedAt.size();
  }

  /** The new {@code last_updated} of a moved session, or null when it was not moved. */
  synchronized Instant updatedAt(int index) {
    return movedAt.get(index);
  }

  /**
   * What one query sees, as of one moment: the indices of the sessions, oldest update first (those
   * of {@code lo..hi-1} that were not moved, then the moved ones whose new time falls in
   * {@code [min, max]}), and for each its new update time, or null when it was not moved.
   */
  record View(int[] indices, Instant[] movedAt) {}

  synchronized View view(int lo, int hi, Instant min, Instant max) {
    int[] out = new int[Math.max(0, hi - lo) + movedAt.size()];
    Instant[] times = new Instant[out.length];
    int n = 0;
    for (int i = moved.nextClearBit(lo); i < hi; i = moved.nextClearBit(i + 1)) out[n++] = i;
    for (Map.Entry<Integer, Instant> entry : movedAt.entrySet()) {
      Instant at = entry.getValue();
      if ((min == null || !at.isBefore(min)) && (max == null || !at.isAfter(max))) {
        times[n] = at;
        out[n++] = entry.getKey();
      }
    }
    return new View(java.util.Arrays.copyOf(out, n), java.util.Arrays.copyOf(times, n));
  }
}
