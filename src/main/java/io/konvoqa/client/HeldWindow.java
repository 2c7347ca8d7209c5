package io.konvoqa.client;

import java.util.Locale;

/**
 * Whether a window fits this JVM's heap when it is held in memory as a list (without the local
 * store, or for a gate judged on its own): refused with what to do, before it is fetched, rather
 * than ending in an OutOfMemoryError half way. A window read from the store session by session
 * needs no such room.
 */
public final class HeldWindow {
  /** Live heap per session held with its messages: 2.9 KB measured (docs/benchmarks.md), rounded up. */
  static final long BYTES_PER_SESSION = 3_000;

  private HeldWindow() {}

  /** Throws when {@code sessions} held in memory would take more than 80% of the most heap this JVM may use. */
  public static void check(long sessions) {
    check(sessions, Runtime.getRuntime().maxMemory());
  }

  static void check(long sessions, long maxHeap) {
    long needed = sessions * BYTES_PER_SESSION;
    if (needed <= maxHeap / 10 * 8) return;
    throw new KonvoApiException(KonvoApiException.Kind.TOO_MANY_SESSIONS, String.format(Locale.ROOT,
        "the window holds %,d sessions; held in memory they need about %,d MiB, more than this JVM's heap"
            + " allows (%,d MiB at most): keep the local store on (KONVO_STORE, not none) so that the window"
            + " is read from disk a session at a time, narrow the window, or give Java more heap (java -Xmx4g ...,"
            + " or MAVEN_OPTS=-Xmx4g for mvn)", sessions, needed >> 20, maxHeap >> 20));
  }
}
