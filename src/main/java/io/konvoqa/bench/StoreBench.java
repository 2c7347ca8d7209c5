package io.konvoqa.bench;

import com.squareup.moshi.JsonWriter;
import io.konvoqa.client.FetchResult;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.config.StoreSettings;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.Window;
import io.konvoqa.store.SessionStore;
import io.konvoqa.store.StoredWindows;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;

/**
 * {@code bench --store}: the local session store's two runs. The first fetches the window whole
 * into a new store and judges the twenty gates; then 1% of the sessions change (a second child
 * simulator serves the same dataset with them updated), and the second run fetches only what
 * changed, judges the window read from the store, and checks its verdicts against a fresh full
 * fetch's.
 */
final class StoreBench {
  private StoreBench() {}

  static int run(Options options, PrintStream out) {
    int n = options.sessions().stream().mapToInt(Integer::intValue).max().orElse(100_000);
    int c = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(8);
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant t1 = t0.plus(Duration.ofHours(1));
    Path dir = tempDir();
    Path file = dir.resolve("sessions.db");
    Path log = dir.resolve("simulator.log");
    StoreSettings settings = new StoreSettings(file, false, Duration.ofMinutes(10), Duration.ofHours(24));
    HeapMeter heap = new HeapMeter();
    out.printf("%nthe store at %s; %,d sessions, C=%d, child simulators' stderr in %s%n", file, n, c, log);
    Run first, second;
    try (ChildSimulator api = ChildSimulator.start(n, options.latencyMs(), options.simulatorHeap(), log,
        List.of("--now", t0.toString()))) {
      out.println("  first run against " + api);
      first = measure(api, c, n, settings, new Window(t0.minus(Duration.ofDays(8)), t0), t0, heap);
    }
    out.printf("  first run: %s%n", first);
    try (ChildSimulator api = ChildSimulator.start(n, options.latencyMs(), options.simulatorHeap(), log,
        List.of("--now", t0.toString(), "--changed", "1", "--changed-at", t0.plus(Duration.ofMinutes(30)).toString()))) {
      out.println("  second run (1% changed) against " + api);
      Window week = new Window(t1.minus(Duration.ofDays(8)), t1);
      second = measure(api, c, n, settings, week, t1, heap);
      out.printf("  second run: %s%n", second);
      try (KonvoClient client = client(api, c, n)) {
        FetchResult full = client.fetch(week);
        List<Verdict> fresh = GateSet.judge(full.sessions(), t1);
        out.println("  the second run's window equals a fresh full fetch's: " + full.sessions().equals(second.sessions)
            + "; its 20 verdicts equal the fresh fetch's: " + same(fresh, second.verdicts));
        if (!full.sessions().equals(second.sessions)) {
          for (int i = 0; i < Math.min(full.sessions().size(), second.sessions.size()); i++) {
            if (!full.sessions().get(i).equals(second.sessions.get(i))) {
              out.println("    first difference at " + i + ":\n    " + full.sessions().get(i) + "\n    " + second.sessions.get(i));
              break;
            }
          }
        }
      }
    }
    out.println();
    out.println("| run | sessions judged | requests | JSON fetched | fetch | store (write, read) | judging (20 gates) | wall | peak heap | store file |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    out.println(first.row("first: full fetch into a new store"));
    out.println(second.row("second: after 1% changed"));
    out.printf("%nthe second run's fetch took %.1f%% of the first's; %s%n",
        100.0 * second.fetchMs / Math.max(1, first.fetchMs), second.assembly);
    return 0;
  }

  record Run(int judged, int requests, long bytes, long fetchMs, long judgeMs, long wallMs, long peakHeap, long storeBytes,
      String assembly, List<Verdict> verdicts, List<Session> sessions) {
    String row(String name) {
      return String.format(java.util.Locale.ROOT, "| %s | %,d | %,d | %s | %,d ms | %,d ms | %,d ms | %,d ms | %s | %s |",
          name, judged, requests, Table.mib(bytes), fetchMs, wallMs - fetchMs - judgeMs, judgeMs, wallMs,
          Table.mib(peakHeap), Table.mib(storeBytes));
    }

    @Override public String toString() {
      return row("").replace(" | ", ", ");
    }
  }

  private static Run measure(ChildSimulator api, int c, int n, StoreSettings settings, Window window, Instant now,
      HeapMeter heap) {
    AtomicLong fetchNanos = new AtomicLong();
    AtomicLong countingNanos = new AtomicLong();
    long[] bytes = new long[1];
    int[] requests = new int[1];
    try (KonvoClient client = client(api, c, n);
         StoredWindows store = new StoredWindows(SessionStore.open(settings.file(), System.err), "bench", settings,
             w -> {
               long started = System.nanoTime();
               FetchResult r = client.fetch(w);
               fetchNanos.addAndGet(System.nanoTime() - started);
               requests[0] += r.summary().requests();
               long counting = System.nanoTime();
               bytes[0] += jsonBytes(r.sessions());
               countingNanos.addAndGet(System.nanoTime() - counting);
               return r;
             }, System.err)) {
      heap.reset();
      long started = System.nanoTime();
      StoredWindows.Assembled assembled = store.fetch(window, now);
      long judging = System.nanoTime();
      List<Verdict> verdicts = GateSet.judge(assembled.result().sessions(), now);
      long ended = System.nanoTime();
      long wall = ended - started - countingNanos.get(); // counting the bytes is not the run's work
      return new Run(assembled.result().sessions().size(), requests[0], bytes[0],
          fetchNanos.get() / 1_000_000, (ended - judging) / 1_000_000, wall / 1_000_000, heap.peak(),
          size(settings.file()), assembled.assembly(), verdicts, assembled.result().sessions());
    }
  }

  /** Verdicts equal in every part; a routing confusion's counts compared by value (they are arrays). */
  static boolean same(List<Verdict> a, List<Verdict> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      Verdict x = a.get(i), y = b.get(i);
      boolean equal = x.gate().equals(y.gate()) && x.outcome() == y.outcome() && x.reason().equals(y.reason())
          && java.util.Objects.equals(x.figure(), y.figure()) && x.figures().equals(y.figures())
          && x.offenders().equals(y.offenders()) && x.evidence().size() == y.evidence().size();
      for (int e = 0; equal && e < x.evidence().size(); e++) {
        equal = x.evidence().get(e) instanceof io.konvoqa.gate.Confusion cx
            && y.evidence().get(e) instanceof io.konvoqa.gate.Confusion cy
            ? cx.phrases().equals(cy.phrases()) && cx.actuals().equals(cy.actuals())
                && java.util.Arrays.deepEquals(cx.counts(), cy.counts()) && cx.expected().equals(cy.expected())
            : x.evidence().get(e).equals(y.evidence().get(e));
      }
      if (!equal) return false;
    }
    return true;
  }

  /** The JSON bytes of the sessions as the API sent them (without the page envelopes). */
  private static long jsonBytes(List<Session> sessions) {
    long total = 0;
    for (Session s : sessions) {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        SessionJson.write(writer, s, true, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      total += buffer.size();
    }
    return total;
  }

  private static KonvoClient client(ChildSimulator api, int c, int n) {
    return KonvoClient.builder().baseUrl(api.url).apiKey("bench-client").concurrency(c).firstPage(1)
        .maxSessions(Math.max(n, 1)).progress(null, false).build();
  }

  private static long size(Path file) {
    try {
      long total = Files.size(file);
      Path wal = file.resolveSibling(file.getFileName() + "-wal");
      return Files.exists(wal) ? total + Files.size(wal) : total;
    } catch (IOException e) {
      return -1;
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("konvo-bench-store");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a directory for the benchmark's store: " + e.getMessage(), e);
    }
  }
}
