package io.konvoqa.bench;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.FetchSummary;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.config.StoreSettings;
import io.konvoqa.gate.Confusion;
import io.konvoqa.gate.Evidence;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.store.SessionStore;
import io.konvoqa.store.StoredWindows;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run through the store in a JVM of its own, as {@code bench --store} starts it with a small
 * heap: syncs the window ({@link StoredWindows#stream}: a full sync through the page sink, or the
 * changes since the last one), judges the twenty gates in one pass over the window read from the
 * store, and prints its figures, one {@code name value} a line, for the benchmark to read:
 * STORE URL FROM TO NOW CONCURRENCY.
 */
final class StoreRun {
  private StoreRun() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    Window window = new Window(Instant.parse(args[2]), Instant.parse(args[3]));
    Instant now = Instant.parse(args[4]);
    int c = Integer.parseInt(args[5]);
    StoreSettings settings = new StoreSettings(file, false, Duration.ofMinutes(10), Duration.ofHours(24));
    AtomicLong fetchNanos = new AtomicLong();
    AtomicInteger requests = new AtomicInteger();
    AtomicLong liveAfterGc = afterEachGc();
    long started = System.nanoTime();
    try (KonvoClient client = KonvoClient.builder().baseUrl(args[1]).apiKey("bench-client").concurrency(c)
             .firstPage(1).maxSessions(Integer.MAX_VALUE).progress(null, false).build();
         StoredWindows store = new StoredWindows(SessionStore.open(file, System.err), "bench", settings,
             w -> timed(fetchNanos, requests, () -> client.fetch(w), FetchResult::summary),
             (w, sink) -> timed(fetchNanos, requests, () -> client.fetch(w, sink), s -> s),
             System.err, Integer.MAX_VALUE)) {
      StoredWindows.Streamed streamed = store.stream(window, now);
      long judging = System.nanoTime();
      AtomicInteger judged = new AtomicInteger();
      List<Verdict> verdicts = GateSet.judge(counted(streamed.sessions(), judged), now);
      long ended = System.nanoTime();
      System.out.println("judged " + judged.get());
      System.out.println("requests " + requests.get());
      System.out.println("fetchMs " + fetchNanos.get() / 1_000_000);
      System.out.println("syncMs " + (judging - started) / 1_000_000);
      System.out.println("judgeMs " + (ended - judging) / 1_000_000);
      System.out.println("wallMs " + (ended - started) / 1_000_000);
      System.out.println("peakHeap " + peakHeap());
      System.out.println("maxHeap " + Runtime.getRuntime().maxMemory());
      System.out.println("liveHeap " + liveAfterGc.get());
      System.out.println("digest " + digest(verdicts));
      System.out.println("assembly " + streamed.assembly());
    }
  }

  private static <T> T timed(AtomicLong nanos, AtomicInteger requests, java.util.function.Supplier<T> fetch,
      java.util.function.Function<T, FetchSummary> summary) {
    long started = System.nanoTime();
    T result = fetch.get();
    nanos.addAndGet(System.nanoTime() - started);
    requests.addAndGet(summary.apply(result).requests());
    return result;
  }

  private static Iterable<Session> counted(Iterable<Session> sessions, AtomicInteger count) {
    return () -> {
      Iterator<Session> it = sessions.iterator();
      return new Iterator<>() {
        @Override public boolean hasNext() {
          return it.hasNext();
        }

        @Override public Session next() {
          count.incrementAndGet();
          return it.next();
        }
      };
    };
  }

  /**
   * The most heap found in use right after a garbage collection, over the run (updated after each
   * one): the live data's peak, give or take what a young collection left for the next.
   */
  private static AtomicLong afterEachGc() {
    AtomicLong most = new AtomicLong();
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
            (javax.management.openmbean.CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
            .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
        most.accumulateAndGet(used, Math::max);
      }, null, null);
    }
    return most;
  }

  /** Bytes: the sum of the heap pools' peak usage since this JVM started (an upper bound of the true peak). */
  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  /** A map's entries as text, in the order of their text: its own order may differ from one JVM to the next. */
  private static List<String> sorted(java.util.Map<?, ?> map) {
    return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
  }

  /** A fingerprint of the verdicts, every part of each (a routing confusion's counts by value), to compare across JVMs. */
  static String digest(List<Verdict> verdicts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Verdict v : verdicts) {
        StringBuilder text = new StringBuilder().append(v.gate()).append('|').append(v.outcome()).append('|')
            .append(v.reason()).append('|').append(v.figure()).append('|').append(v.figures()).append('|')
            .append(v.offenders());
        for (Evidence e : v.evidence()) {
          text.append('|').append(e instanceof Confusion c ? c.phrases() + " " + c.actuals() + " " + sorted(c.expected())
              + " " + Arrays.deepToString(c.counts()) : e.toString());
        }
        sha.update(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
