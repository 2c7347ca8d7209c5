package io.konvoqa.bench;

import io.konvoqa.session.Timestamps;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator in a child JVM started from the same class path ({@code serve --port 0}), so that
 * the benchmark JVM's heap holds only what the client keeps: the simulator's own copy of the
 * dataset and its cached session JSON ({@link KonvoSimulator#CACHE_PROPERTY}) never count against
 * the client's {@code -Xmx}.
 */
final class ChildSimulator implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile(
      "konvo-qa simulator: ([\\d,]+) sessions \\(.*recorded at (\\S+)\\) at (http://\\S+/)ai-sessions");

  private final Process process;
  final String url;
  final Instant recordedAt;
  final int sessions;

  private ChildSimulator(Process process, String url, Instant recordedAt, int sessions) {
    this.process = process;
    this.url = url;
    this.recordedAt = recordedAt;
    this.sessions = sessions;
  }

  /** Starts {@code serve} for a generated dataset of {@code sessions}; waits until it listens. */
  static ChildSimulator start(int sessions, int latencyMs, String heap, Path log) {
    return start(sessions, latencyMs, heap, log, List.of());
  }

  /** As {@link #start(int, int, String, Path)}, with more of {@code serve}'s options (--now, --changed). */
  static ChildSimulator start(int sessions, int latencyMs, String heap, Path log, List<String> serveOptions) {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap,
        "-D" + KonvoSimulator.CACHE_PROPERTY + "=true",
        "-cp", System.getProperty("java.class.path"), "io.konvoqa.cli.Main", "serve",
        "--sessions", Integer.toString(sessions), "--latency", Integer.toString(latencyMs),
        "--port", "0"));
    command.addAll(serveOptions);
    try {
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = lines.readLine()) != null; ) {
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          Thread drain = new Thread(() -> drain(lines), "bench-simulator-stdout");
          drain.setDaemon(true);
          drain.start();
          return new ChildSimulator(process, m.group(3),
              Instant.parse(m.group(2)), Integer.parseInt(m.group(1).replace(",", "")));
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException("the child simulator exited before it listened (exit "
          + process.waitFor() + "): see " + log + " for its errors; command: " + shown(command));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the child simulator with " + shown(command)
          + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the child simulator", e);
    }
  }

  /** The child's process id, to name it in the output. */
  long pid() {
    return process.pid();
  }

  @Override public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override public String toString() {
    return url + " (pid " + process.pid() + ", recorded at " + Timestamps.format(recordedAt) + ")";
  }

  private static void drain(BufferedReader lines) {
    try {
      while (lines.readLine() != null) {
        // keep the pipe empty
      }
    } catch (IOException ignored) {
      // the child went away
    }
  }

  /** The command with the (long) class path left out. */
  private static String shown(List<String> command) {
    List<String> shown = new ArrayList<>(command);
    shown.set(shown.indexOf("-cp") + 1, "<this JVM's class path>");
    return String.join(" ", shown);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
