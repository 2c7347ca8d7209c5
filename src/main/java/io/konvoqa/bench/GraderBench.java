package io.konvoqa.bench;

import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Grade;
import io.konvoqa.gate.Grader;
import io.konvoqa.gate.Rubric;
import io.konvoqa.grader.Graders;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code bench --grader}: grades 1,000 demo sessions with the real judge client at concurrency 8
 * against the demo judge answering each call after 300 ms, against the floor ceil(1000/8) x 300
 * ms, then grades them again from the cache, which must take no call.
 */
final class GraderBench {
  static final int SESSIONS = 1_000;
  static final int CONCURRENCY = 8;
  static final int LATENCY_MS = 300;

  private GraderBench() {}

  static int run(PrintStream out) {
    var dataset = DemoWorkspace.generate(Instant.parse("2026-11-27T12:00:00Z"), 20_260_301L, SESSIONS);
    List<Session> sessions = dataset.sessions();
    Rubric rubric = new Rubric("return-policy", "The AI states no return period other than 14 days.",
        Double.NaN, false, List.of());
    Path cache;
    try {
      cache = Files.createTempDirectory("konvo-bench-judgments");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (KonvoSimulator simulator = KonvoSimulator.start(dataset)
        .serveJudge(DemoWorkspace.judgeTruth(), 0.05, Graders.DEMO_SEED)) {
      simulator.faults().latency(Duration.ofMillis(LATENCY_MS));
      Settings settings = Settings.load(Map.of("KONVO_JUDGE_URL", simulator.judgeUrl(),
          "KONVO_JUDGE_MODEL", "bench", "KONVO_JUDGE_CONCURRENCY", String.valueOf(CONCURRENCY),
          "KONVO_JUDGE_CACHE", cache.toString(), "KONVO_JUDGE_MAX_CALLS", String.valueOf(2 * SESSIONS),
          "KONVO_API_KEY", "bench-key-12345678"), new Properties());
      Privacy privacy = Privacy.masking(Salt.random());
      Grader grader = Graders.forRun(settings, null, privacy, out);
      long start = System.nanoTime();
      List<Grade> grades = grader.grade(rubric, sessions);
      long coldMs = (System.nanoTime() - start) / 1_000_000;
      int coldCalls = simulator.judgeRequests();
      simulator.clearRequests();
      Grader again = Graders.forRun(settings, null, privacy, out);
      start = System.nanoTime();
      again.grade(rubric, sessions);
      long warmMs = (System.nanoTime() - start) / 1_000_000;
      long floor = (long) Math.ceil(SESSIONS / (double) CONCURRENCY) * LATENCY_MS;
      long errors = grades.stream().filter(g -> g.kind() == Grade.Kind.ERROR).count();
      out.println();
      out.println("| sessions | C | latency | judge calls | wall time | floor ceil(N/C) x L | ratio to floor | errors | cached re-run | calls in re-run |");
      out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      out.printf(java.util.Locale.ROOT, "| %,d | %d | %d ms | %,d | %,d ms | %,d ms | %.3f | %d | %,d ms | %d |%n",
          SESSIONS, CONCURRENCY, LATENCY_MS, coldCalls, coldMs, floor, coldMs / (double) floor, errors,
          warmMs, simulator.judgeRequests());
      return 0;
    }
  }
}
