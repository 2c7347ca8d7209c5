package io.konvoqa.bench;

/**
 * One measured fetch of a window: N sessions at concurrency C over a round trip of L ms.
 *
 * @param floorMs ceil(P/C) x L, the least time any client needs for P pages at C at a time
 * @param speedUp wall time at C=1 divided by this wall time, or NaN when C=1 was not measured
 */
record FetchRow(int sessions, int concurrency, int pages, int requests, int kept, long wallMs,
    long floorMs, double speedUp, long peakHeap, long liveHeap) {

  static long floor(int pages, int concurrency, int latencyMs) {
    return (long) ((pages + concurrency - 1) / concurrency) * latencyMs;
  }

  double sessionsPerSecond() {
    return kept * 1000.0 / Math.max(1, wallMs);
  }

  double ratioToFloor() {
    return floorMs == 0 ? Double.NaN : (double) wallMs / floorMs;
  }

  FetchRow withSpeedUp(double value) {
    return new FetchRow(sessions, concurrency, pages, requests, kept, wallMs, floorMs, value,
        peakHeap, liveHeap);
  }
}
