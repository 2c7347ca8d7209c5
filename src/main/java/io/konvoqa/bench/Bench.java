package io.konvoqa.bench;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.session.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench}: fetches generated windows with the real client from the real simulator (in a
 * child JVM, with injected latency per request) at several concurrencies, then times judging
 * twenty gates over the largest window, and prints the figures as Markdown tables.
 *
 * <p>Run it in a JVM started with {@code -Xmx1g}: the memory target is that a window of
 * 100,000 sessions with messages is fetched and judged within that heap.
 */
public final class Bench {
  private Bench() {}

  /** {@code java -Xmx1g -cp konvo-qa.jar io.konvoqa.bench.Bench [OPTIONS]}: the same as {@code bench}. */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Runs the benchmark; returns 0 when it ran, 2 for a usage error or a simulator that would not start. */
  public static int run(String[] args, PrintStream out) {
    if (args.length == 1 && args[0].equals("--masking")) return MaskingBench.run(out);
    if (args.length == 1 && args[0].equals("--language")) return LanguageBench.run(out);
    if (args.length == 1 && args[0].equals("--grader")) return GraderBench.run(out);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("konvo-qa bench: " + e.getMessage());
      return 2;
    }
    Machine.describe(out, options);
    if (!options.churn().isEmpty()) return ChurnBench.run(options, out);
    if (options.store()) return StoreBench.run(options, out);
    Path log = simulatorLog();
    List<FetchRow> rows = new ArrayList<>();
    int largest = options.sessions().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int n : options.sessions()) {
      out.printf("%nstarting the simulator for %,d sessions in a child JVM (-Xmx%s; its stderr: %s)%n",
          n, options.simulatorHeap(), log);
      try (ChildSimulator simulator = ChildSimulator.start(n, options.latencyMs(), options.simulatorHeap(), log)) {
        out.println("  serving at " + simulator + "; load average now " + Machine.load());
        rows.addAll(measure(simulator, n, options, out, options.judge() && n == largest));
      } catch (IllegalStateException | UncheckedIOException e) {
        out.println("konvo-qa bench: " + e.getMessage());
        return 2;
      }
    }
    out.println();
    out.println("Fetch (latency " + options.latencyMs() + " ms per request, page size 200):");
    out.println();
    Table.fetch(rows, out);
    out.println();
    out.println("load average at the end: " + Machine.load());
    return 0;
  }

  private static List<FetchRow> measure(ChildSimulator simulator, int n, Options options,
      PrintStream out, boolean judge) {
    Window window = new Window(simulator.recordedAt.minus(Duration.ofDays(8)), simulator.recordedAt);
    int warmUpConcurrency = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(4);
    long warm = System.nanoTime();
    int warmKept = client(simulator, warmUpConcurrency, n).fetch(window).sessions().size();
    out.printf("  warm-up fetch (not counted): %,d sessions at C=%d in %d ms%n", warmKept,
        warmUpConcurrency, (System.nanoTime() - warm) / 1_000_000);
    HeapMeter heap = new HeapMeter();
    List<FetchRow> rows = new ArrayList<>();
    Long oneThreadMs = null;
    for (int i = 0; i < options.concurrency().size(); i++) {
      int c = options.concurrency().get(i);
      KonvoClient client = client(simulator, c, n);
      heap.reset();
      long started = System.nanoTime();
      FetchResult result = client.fetch(window);
      long wallMs = (System.nanoTime() - started) / 1_000_000;
      long peak = heap.peak();
      long live = heap.live();
      if (c == 1) oneThreadMs = wallMs;
      int pages = (result.summary().kept() + 199) / 200;
      FetchRow row = new FetchRow(n, c, pages, result.summary().requests(), result.summary().kept(),
          wallMs, FetchRow.floor(pages, c, options.latencyMs()),
          oneThreadMs == null ? Double.NaN : (double) oneThreadMs / wallMs, peak, live);
      rows.add(row);
      if (row.kept() != n) {
        out.printf("  note: %,d of %,d generated sessions fell in the window%n", row.kept(), n);
      }
      out.printf("  C=%-2d %,d sessions, %d requests, %,d ms (floor %,d ms), peak heap %s, live %s, load %s%n",
          c, row.kept(), row.requests(), wallMs, row.floorMs(), Table.mib(peak), Table.mib(live), Machine.load());
      if (judge && i == options.concurrency().size() - 1) Judge.time(result, heap, out);
    }
    return rows;
  }

  private static KonvoClient client(ChildSimulator simulator, int concurrency, int n) {
    return KonvoClient.builder()
        .baseUrl(simulator.url)
        .apiKey("bench-client")
        .concurrency(concurrency)
        .firstPage(1) // paging is measured, not the numbering's detection (a round trip more at C=1)
        .maxSessions(Math.max(n, 1))
        .progress(null, false)
        .build();
  }

  private static Path simulatorLog() {
    try {
      return Files.createTempFile("konvo-bench-simulator", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a log file for the child simulator: " + e.getMessage(), e);
    }
  }

  /** Facts about the machine and JVM the figures were taken on. */
  static final class Machine {
    private Machine() {}

    static void describe(PrintStream out, Options options) {
      Runtime rt = Runtime.getRuntime();
      out.printf("konvo-qa bench: sessions %s, concurrency %s, latency %d ms%n", options.sessions(),
          options.concurrency(), options.latencyMs());
      out.printf("machine: %d cores, Java %s (%s), benchmark JVM max heap %s, GC %s, load average %s%n",
          rt.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
          Table.mib(HeapMeter.maxHeap()), gcNames(), load());
    }

    static String load() {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return parts[0] + " " + parts[1] + " " + parts[2];
      } catch (IOException | RuntimeException e) {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }

    private static String gcNames() {
      return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
          .map(gc -> gc.getName()).toList());
    }
  }
}
