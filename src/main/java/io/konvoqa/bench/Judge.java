package io.konvoqa.bench;

import io.konvoqa.client.FetchResult;
import io.konvoqa.gate.Confusion;
import io.konvoqa.gate.Evidence;
import io.konvoqa.gate.OnePass;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Times judging the twenty gates of {@link GateSet} over one fetched window in one pass: CPU of
 * this thread. Then, once, what each gate costs alone: in a pass of its own, and on its own
 * sample as a scenario's step judges it (whose verdict must be the pass's).
 */
final class Judge {
  private Judge() {}

  static final int ROUNDS = 3;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  static void time(FetchResult result, HeapMeter heap, PrintStream out) {
    List<Session> window = result.sessions();
    Instant now = result.window().to();
    List<OnePass.Scenario> scenarios = GateSet.scenarios(now);
    out.printf("  judging %d gates over %,d sessions in one pass (same window, %d rounds; round 1 is cold):%n",
        scenarios.size(), window.size(), ROUNDS);
    List<Verdict> verdicts = List.of();
    for (int round = 1; round <= ROUNDS; round++) {
      heap.reset();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      verdicts = GateSet.judge(window, now);
      long cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
      long wallMs = (System.nanoTime() - wall) / 1_000_000;
      out.printf("    round %d: CPU %,d ms, wall %,d ms, peak heap %s; outcomes %s%n", round, cpuMs,
          wallMs, Table.mib(heap.peak()), outcomes(verdicts));
    }
    out.printf("    CPU per gate after round %d, each gate alone: in a pass of its own (with the per-session"
        + " work the twenty share) | on its own sample (Selection...apply, then the gate, as a scenario's step judges it):%n", ROUNDS);
    long passSum = 0, sampleSum = 0;
    int differ = 0;
    for (int g = 0; g < scenarios.size(); g++) {
      OnePass.Scenario scenario = scenarios.get(g);
      long before = THREADS.getCurrentThreadCpuTime();
      OnePass.judge(window, GateSet.MIN_SAMPLE, io.konvoqa.session.Role.parseMapping(null), List.of(scenario));
      long alone = THREADS.getCurrentThreadCpuTime() - before;
      before = THREADS.getCurrentThreadCpuTime();
      Verdict own = GateSet.judgeAlone(scenario, window, now);
      long sample = THREADS.getCurrentThreadCpuTime() - before;
      passSum += alone;
      sampleSum += sample;
      boolean same = same(own, verdicts.get(g));
      if (!same) differ++;
      out.printf("      %,6d ms | %,6d ms  %s%s%n", alone / 1_000_000, sample / 1_000_000, scenario.name(),
          same ? "" : "  (VERDICT DIFFERS from the one pass)");
    }
    out.printf("      %,6d ms | %,6d ms  in all; verdicts on own samples the same as the one pass's: %s%n",
        passSum / 1_000_000, sampleSum / 1_000_000, differ == 0 ? "all " + scenarios.size() : differ + " differ");
  }

  /** The same verdict, routing tables compared by their counts. */
  static boolean same(Verdict a, Verdict b) {
    if (!a.gate().equals(b.gate()) || a.outcome() != b.outcome() || !a.reason().equals(b.reason())
        || !a.figure().equals(b.figure()) || !a.figures().equals(b.figures())
        || !a.offenders().equals(b.offenders()) || a.evidence().size() != b.evidence().size()) {
      return false;
    }
    for (int i = 0; i < a.evidence().size(); i++) {
      Evidence x = a.evidence().get(i), y = b.evidence().get(i);
      if (x instanceof Confusion c && y instanceof Confusion d) {
        if (!c.phrases().equals(d.phrases()) || !c.actuals().equals(d.actuals())
            || !c.expected().equals(d.expected()) || !Arrays.deepEquals(c.counts(), d.counts())) {
          return false;
        }
      } else if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  private static Map<Outcome, Integer> outcomes(List<Verdict> verdicts) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (Verdict v : verdicts) counts.merge(v.outcome(), 1, Integer::sum);
    return counts;
  }
}
