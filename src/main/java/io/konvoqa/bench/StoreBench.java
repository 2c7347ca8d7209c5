package io.konvoqa.bench;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.store.SessionStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench --store}: the local session store's two runs, each in a child JVM with a small heap
 * ({@code --client-heap}, 512m), as a gate run would stream them. The first syncs the window
 * whole into a new store through the page sink and judges the twenty gates in one pass over the
 * window read from the store; then 1% of the sessions change (a second child simulator serves the
 * same dataset with them updated), and the second run fetches only what changed and judges again.
 * Beside them, in this JVM: a raw download of the same pages at the same concurrency against the
 * client's fetch (decoding, no store), and, up to 200,000 sessions, the verdicts and judging time
 * of the list fetched without a store against the window streamed from the store.
 */
final class StoreBench {
  private StoreBench() {}

  /** Above this many sessions the window is not held as a list in this JVM (about 3 KB of heap a session). */
  static final int LIST_LIMIT = 200_000;

  static int run(Options options, PrintStream out) {
    int n = options.sessions().stream().mapToInt(Integer::intValue).max().orElse(100_000);
    int c = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(8);
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant t1 = t0.plus(Duration.ofHours(1));
    Window week0 = new Window(t0.minus(Duration.ofDays(8)), t0);
    Window week1 = new Window(t1.minus(Duration.ofDays(8)), t1);
    Path dir = tempDir();
    Path file = dir.resolve("sessions.db");
    Path log = dir.resolve("children.log");
    out.printf("%nthe store at %s; %,d sessions, C=%d, runs in child JVMs with -Xmx%s; children's stderr in %s%n",
        file, n, c, options.clientHeap(), log);
    ChildRun first, second;
    long firstBytes;
    try (ChildSimulator api = ChildSimulator.start(n, options.latencyMs(), options.simulatorHeap(), log,
        List.of("--now", t0.toString()))) {
      out.println("  simulator " + api + "; load average " + Bench.Machine.load());
      firstBytes = sideBySide(api, week0, c, n <= LIST_LIMIT ? 3 : 1, out);
      first = ChildRun.start(file, api.url, week0, t0, c, options.clientHeap(), log);
      out.println("  first run: " + first + "; load average " + Bench.Machine.load());
      if (n <= LIST_LIMIT) withAndWithoutTheStore(api, file, week0, t0, c, first, out);
    }
    long secondBytes;
    try (ChildSimulator api = ChildSimulator.start(n, options.latencyMs(), options.simulatorHeap(), log,
        List.of("--now", t0.toString(), "--changed", "1", "--changed-at", t0.plus(Duration.ofMinutes(30)).toString()))) {
      out.println("  simulator with 1% changed " + api);
      second = ChildRun.start(file, api.url, week1, t1, c, options.clientHeap(), log);
      out.println("  second run: " + second + "; load average " + Bench.Machine.load());
      secondBytes = RawDownload.of(api.url, new Window(t0.minus(Duration.ofMinutes(10)), t1), c).bytes();
      if (n <= LIST_LIMIT) {
        try (KonvoClient client = client(api, c)) {
          String fresh = StoreRun.digest(GateSet.judge(client.fetch(week1).sessions(), t1));
          out.println("  the second run's 20 verdicts equal a fresh full fetch's: " + fresh.equals(second.digest()));
        }
      } else {
        out.println("  (the second run's verdicts are not checked against a fresh full fetch above "
            + String.format(Locale.ROOT, "%,d", LIST_LIMIT) + " sessions: that list would not fit this JVM)");
      }
    }
    out.println();
    out.println("| run (child JVM, -Xmx" + options.clientHeap() + ") | sessions judged | requests | bytes fetched"
        + " | fetch | sync (fetch and store) | read from the store and judge 20 gates | wall | peak heap (live after GC) | store file |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    out.println(first.row("first: full sync into a new store", firstBytes, size(file)));
    out.println(second.row("second: after 1% changed", secondBytes, size(file)));
    out.printf(Locale.ROOT, "%nthe second run's fetch took %.1f%% of the first's (target: at most 5%%); %s%n",
        100.0 * second.fetchMs() / Math.max(1, first.fetchMs()), second.assembly());
    out.println("load average at the end: " + Bench.Machine.load());
    return 0;
  }

  /**
   * The raw download of the window's pages and the client's fetch of them (decoded, handed to a
   * sink that drops them), alternately, after one of each not counted; prints each round and the
   * ratio of the fastest of each. Returns the bytes of the pages.
   */
  private static long sideBySide(ChildSimulator api, Window window, int c, int rounds, PrintStream out) {
    RawDownload.Result warm = RawDownload.of(api.url, window, c);
    out.printf(Locale.ROOT, "  warm-up raw download (not counted): %,d pages, %s in %,d ms%n", warm.pages(),
        Table.mib(warm.bytes()), warm.millis());
    long raw = Long.MAX_VALUE, fetch = Long.MAX_VALUE;
    try (KonvoClient client = client(api, c)) {
      client.fetch(window, sessions -> { }); // warm-up, not counted
      for (int round = 1; round <= rounds; round++) {
        RawDownload.Result r = RawDownload.of(api.url, window, c);
        long started = System.nanoTime();
        FetchSummary f = client.fetch(window, sessions -> { });
        long fetchMs = (System.nanoTime() - started) / 1_000_000;
        raw = Math.min(raw, r.millis());
        fetch = Math.min(fetch, fetchMs);
        out.printf(Locale.ROOT, "  round %d at C=%d: raw download %,d pages, %s in %,d ms; client fetch %,d requests,"
            + " %,d sessions decoded in %,d ms (%.2fx); load average %s%n", round, c, r.pages(), Table.mib(r.bytes()),
            r.millis(), f.requests(), f.kept(), fetchMs, (double) fetchMs / r.millis(), Bench.Machine.load());
      }
    }
    out.printf(Locale.ROOT, "  full fetch against raw download, fastest of %d each: %,d ms against %,d ms: %.2fx"
        + " (target: at most 1.15x)%n", rounds, fetch, raw, (double) fetch / raw);
    return warm.bytes();
  }

  /**
   * The first run's window fetched as a list without a store, judged in memory, against the same
   * window streamed from the store the child filled: the verdicts, and the judging time of each.
   */
  private static void withAndWithoutTheStore(ChildSimulator api, Path file, Window window, Instant now, int c,
      ChildRun first, PrintStream out) {
    List<Session> list;
    try (KonvoClient client = client(api, c)) {
      list = client.fetch(window).sessions();
    }
    GateSet.judge(list, now); // warm-up, not counted
    long started = System.nanoTime();
    List<Verdict> inMemory = GateSet.judge(list, now);
    long inMemoryMs = (System.nanoTime() - started) / 1_000_000;
    List<Verdict> streamed;
    long streamedMs;
    try (SessionStore store = SessionStore.open(file, System.err)) {
      started = System.nanoTime();
      streamed = GateSet.judge(store.stream("bench", window, null), now);
      streamedMs = (System.nanoTime() - started) / 1_000_000;
    }
    out.printf(Locale.ROOT, "  %,d sessions: the 20 verdicts without the store (the fetched list) equal those streamed"
            + " from the store: %s (and the first run's in its child JVM: %s)%n", list.size(), same(inMemory, streamed),
        StoreRun.digest(inMemory).equals(first.digest()));
    out.printf(Locale.ROOT, "  judging the 20 gates in one pass, in this JVM: the list in memory %,d ms; streamed from"
        + " the store (SQL, decoding each session's JSON, judging) %,d ms%n", inMemoryMs, streamedMs);
  }

  /** The figures a child JVM's run printed ({@link StoreRun}). */
  record ChildRun(int judged, int requests, long fetchMs, long syncMs, long judgeMs, long wallMs, long peakHeap,
      long maxHeap, long liveHeap, String digest, String assembly) {
    static ChildRun start(Path file, String url, Window window, Instant now, int c, String heap, Path log) {
      List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
          "-cp", System.getProperty("java.class.path"), StoreRun.class.getName(), file.toString(), url,
          window.from().toString(), window.to().toString(), now.toString(), Integer.toString(c));
      try {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        java.util.Map<String, String> figures = new java.util.HashMap<>();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
            new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
          for (String line; (line = lines.readLine()) != null; ) {
            int space = line.indexOf(' ');
            if (space > 0) figures.put(line.substring(0, space), line.substring(space + 1));
          }
        }
        int exit = process.waitFor();
        if (exit != 0 || !figures.containsKey("digest")) {
          throw new IllegalStateException("the child run ended with exit " + exit + ": see " + log);
        }
        return new ChildRun(Integer.parseInt(figures.get("judged")), Integer.parseInt(figures.get("requests")),
            Long.parseLong(figures.get("fetchMs")), Long.parseLong(figures.get("syncMs")),
            Long.parseLong(figures.get("judgeMs")), Long.parseLong(figures.get("wallMs")),
            Long.parseLong(figures.get("peakHeap")), Long.parseLong(figures.get("maxHeap")),
            Long.parseLong(figures.get("liveHeap")), figures.get("digest"),
            figures.get("assembly"));
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the child run: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the child run ran", e);
      }
    }

    String row(String name, long bytes, long storeBytes) {
      return String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %,d ms | %,d ms | %,d ms | %,d ms | %s of %s (%s live) | %s |",
          name, judged, requests, Table.mib(bytes), fetchMs, syncMs, judgeMs, wallMs, Table.mib(peakHeap),
          Table.mib(maxHeap), Table.mib(liveHeap), Table.mib(storeBytes));
    }

    @Override public String toString() {
      return String.format(Locale.ROOT, "%,d sessions judged, %,d requests, fetch %,d ms, sync %,d ms, read and judge"
              + " %,d ms, wall %,d ms, peak heap %s of %s, at most %s live after a GC; %s", judged, requests, fetchMs,
          syncMs, judgeMs, wallMs, Table.mib(peakHeap), Table.mib(maxHeap), Table.mib(liveHeap), assembly);
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

  private static KonvoClient client(ChildSimulator api, int c) {
    return KonvoClient.builder().baseUrl(api.url).apiKey("bench-client").concurrency(c).firstPage(1)
        .maxSessions(Integer.MAX_VALUE).progress(null, false).build();
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
