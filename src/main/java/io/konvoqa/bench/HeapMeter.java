package io.konvoqa.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap figures of this JVM: the peak over a stretch of work and what stays live after it.
 *
 * <p>The peak is the sum of each heap pool's peak usage since {@link #reset()}, which itself runs
 * a full GC first; pools peak at different moments, so the sum is an upper bound on the true
 * peak (never an understatement). "Live" is heap used right after a full GC while the result is
 * still referenced: what the fetched sessions really occupy.
 */
final class HeapMeter {
  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP)
      .toList();

  /** A full GC, then every pool's peak set to its current usage. */
  void reset() {
    fullGc();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Bytes: the sum of the heap pools' peaks since {@link #reset()}. */
  long peak() {
    return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /** Bytes of heap in use after a full GC. */
  long live() {
    fullGc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  private static void fullGc() {
    for (int i = 0; i < 2; i++) System.gc();
  }
}
