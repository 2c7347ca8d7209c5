package io.konvoqa.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The fetch figures as a Markdown table, as measured; the ratio to the floor to three places. */
final class Table {
  private Table() {}

  static void fetch(List<FetchRow> rows, PrintStream out) {
    out.println("| sessions N | C | pages P | requests | wall time | sessions/s | floor ceil(P/C) x L"
        + " | ratio to floor | speed-up over C=1 | peak heap | live after GC |");
    out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (FetchRow r : rows) {
      out.println(String.format(Locale.ROOT,
          "| %,d | %d | %,d | %,d | %,d ms | %,.0f | %,d ms | %.3f | %s | %s | %s |",
          r.kept(), r.concurrency(), r.pages(), r.requests(), r.wallMs(), r.sessionsPerSecond(),
          r.floorMs(), r.ratioToFloor(), Double.isNaN(r.speedUp()) ? "n/a"
              : String.format(Locale.ROOT, "%.2fx", r.speedUp()), mib(r.peakHeap()), mib(r.liveHeap())));
    }
  }

  /** Whole MiB, rounded up: a memory figure is never shown smaller than it was. */
  static String mib(long bytes) {
    long mib = 1024 * 1024;
    return String.format(Locale.ROOT, "%,d MiB", (bytes + mib - 1) / mib);
  }
}
