package io.konvoqa.bench;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.LanguageGates;
import io.konvoqa.gate.OnePass;
import io.konvoqa.gate.Selection;
import io.konvoqa.gate.Verdict;
import io.konvoqa.language.LanguageDetector;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench --language}: how long the language gate takes per session over the demo
 * workspace's 2,000 sessions (two detections each, the customer's text and the AI's), and how
 * long reading the model takes once.
 */
final class LanguageBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WARM_UPS = 2;
  private static final int ROUNDS = 5;

  private LanguageBench() {}

  static int run(PrintStream out) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    LanguageDetector.create().detect("the model is read on first use");
    long loadMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    Instant now = Instant.now();
    List<Session> window = DemoWorkspace.generate(now).sessions();
    List<OnePass.Scenario> gate = List.of(new OnePass.Scenario("language", Selection.all(),
        LanguageGates.inCustomerLanguage(0.98)));
    out.printf("The language gate over the demo workspace's %,d sessions, %d warm-ups, then %d rounds;"
        + " load average %s%n%n", window.size(), WARM_UPS, ROUNDS, Bench.Machine.load());
    Verdict verdict = null;
    for (int i = 0; i < WARM_UPS; i++) verdict = judge(window, gate);
    long[] micros = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long started = THREADS.getCurrentThreadCpuTime();
      verdict = judge(window, gate);
      micros[i] = (THREADS.getCurrentThreadCpuTime() - started) / 1_000 / window.size();
    }
    Arrays.sort(micros);
    out.println("| what | CPU |");
    out.println("| --- | ---: |");
    out.printf("| reading the model (once per JVM) | %,d ms |%n", loadMs);
    out.printf("| per session, median of %d rounds | %,d µs |%n", ROUNDS, micros[ROUNDS / 2]);
    out.printf("| per session, slowest round | %,d µs |%n", micros[ROUNDS - 1]);
    out.println();
    out.println("verdict: " + verdict.outcome().label() + ": " + verdict.reason());
    return 0;
  }

  private static Verdict judge(List<Session> window, List<OnePass.Scenario> gate) {
    return OnePass.judge(window, 100, Role.parseMapping(null), gate).get(0);
  }
}
