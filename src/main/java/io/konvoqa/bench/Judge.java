package io.konvoqa.bench;

import io.konvoqa.client.FetchResult;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Times judging the twenty gates of {@link GateSet} over one fetched window: CPU of this thread. */
final class Judge {
  private Judge() {}

  static final int ROUNDS = 3;

  static void time(FetchResult result, HeapMeter heap, PrintStream out) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] last = new long[0];
    out.printf("  judging %d gates over %,d sessions (same window, %d rounds; round 1 is cold):%n",
        GateSet.GATES.size(), result.sessions().size(), ROUNDS);
    for (int round = 1; round <= ROUNDS; round++) {
      heap.reset();
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      List<Verdict> verdicts = new ArrayList<>();
      long[] gateCpu = new long[GateSet.GATES.size()];
      for (int g = 0; g < gateCpu.length; g++) {
        long before = threads.getCurrentThreadCpuTime();
        verdicts.add(GateSet.GATES.get(g).judge(result.sessions(), result.window().to()));
        gateCpu[g] = threads.getCurrentThreadCpuTime() - before;
      }
      long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
      if (round == ROUNDS) last = gateCpu;
      long wallMs = (System.nanoTime() - wall) / 1_000_000;
      out.printf("    round %d: CPU %,d ms, wall %,d ms, peak heap %s; outcomes %s%n", round, cpuMs,
          wallMs, Table.mib(heap.peak()), outcomes(verdicts));
    }
    out.printf("    CPU per gate in round %d:%n", ROUNDS);
    for (int g = 0; g < last.length; g++) {
      out.printf("      %,6d ms  %s%n", last[g] / 1_000_000, GateSet.GATES.get(g).name());
    }
  }

  private static Map<Outcome, Integer> outcomes(List<Verdict> verdicts) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Verdict v : verdicts) counts.merge(v.outcome(), 1, Integer::sum);
    return counts;
  }
}
