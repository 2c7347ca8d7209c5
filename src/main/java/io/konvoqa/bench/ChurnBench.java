package io.konvoqa.bench;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code bench --churn 1,10,100}: fetches a window while the simulator updates sessions at each
 * rate (oldest first and newest first, at each concurrency) and counts what the paging skipped
 * (found again by the client's repair), what stayed lost, and what the repair cost in requests.
 * The simulator runs in this JVM: memory is not measured here.
 */
final class ChurnBench {
  private ChurnBench() {}

  static int run(Options options, PrintStream out) {
    int n = options.sessions().stream().mapToInt(Integer::intValue).max().orElse(100_000);
    Instant now = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Dataset dataset = DemoWorkspace.generate(now, 42, n);
    // the simulator keeps each session's JSON once written, as in the fetch benchmark
    System.setProperty(KonvoSimulator.CACHE_PROPERTY, "true");
    Window window = new Window(now.minus(Duration.ofDays(8)), now);
    out.printf("%nchurn: %,d sessions, latency %d ms per request, page size 200%n%n", n, options.latencyMs());
    out.println("| order | C | updates/s | updates during fetch | skipped by paging (recovered) | lost |"
        + " may be missing | requests (of which repair) | time |");
    out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (boolean newestFirst : new boolean[] {true, false}) {
      for (int c : options.concurrency()) {
        for (int rate : options.churn()) {
          try (KonvoSimulator simulator = KonvoSimulator.start(dataset);
              KonvoClient client = KonvoClient.builder().baseUrl(simulator.url()).apiKey("bench-key")
                  .concurrency(c).maxSessions(n).progress(null, false).build()) {
            simulator.faults().latency(Duration.ofMillis(options.latencyMs())).newestFirst(newestFirst)
                .churn(rate, 7);
            long started = System.nanoTime();
            FetchResult result = client.fetch(window);
            long ms = (System.nanoTime() - started) / 1_000_000;
            Set<String> churned = simulator.churnedIds();
            Set<String> received = new HashSet<>();
            for (Session s : result.sessions()) received.add(s.id());
            long lost = dataset.sessions().stream().filter(s -> window.contains(s.updatedAt())
                && !churned.contains(s.id()) && !received.contains(s.id())).count();
            String mainWindow = "updated_at_min=" + io.konvoqa.session.Timestamps.format(window.from());
            int repairRequests = (int) simulator.requests().stream()
                .filter(r -> !java.net.URLDecoder.decode(r.query(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains(mainWindow)).count();
            out.printf("| %s | %d | %d | %,d | %,d | %,d | %,d | %,d (%,d) | %,d ms |%n",
                newestFirst ? "newest first" : "oldest first", c, rate, churned.size(),
                result.summary().recovered(), lost, result.summary().mayBeMissing(),
                result.summary().requests(), repairRequests, ms);
          }
        }
      }
    }
    out.println();
    out.println("skipped by paging: sessions that stayed in the window but slid past a page boundary"
        + " while it was paged; the client found each again by asking for the stretch of time between"
        + " the two pages. lost: sessions that stayed in the window and were still not received.");
    return 0;
  }

}
