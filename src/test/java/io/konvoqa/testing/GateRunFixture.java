package io.konvoqa.testing;

import io.konvoqa.config.Settings;
import io.konvoqa.report.Summary;
import io.konvoqa.run.GateRunner;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs a real gate run (Cucumber, steps, simulator) over a feature text and sessions written to a
 * dataset file, as {@code KONVO_DATA} would: "now" is {@link TestSessions#NOW}.
 */
public final class GateRunFixture {
  private final Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String console = "";
  private Summary summary;

  public GateRunFixture(Path dir) {
    this.dir = dir;
    env.put("KONVO_REPORTS", dir.resolve("reports").toString());
  }

  public GateRunFixture set(String variable, String value) {
    env.put(variable, value);
    return this;
  }

  /** Writes the sessions as a dataset recorded at {@link TestSessions#NOW} and serves it. */
  public GateRunFixture sessions(List<Session> sessions) {
    Path data = dir.resolve("data-" + System.nanoTime() + ".json");
    DatasetFile.write(Dataset.of(TestSessions.NOW, sessions), data);
    env.put("KONVO_DATA", data.toString());
    return this;
  }

  /** Runs one feature (its text) and returns how each scenario ended. */
  public List<ScenarioResult> run(String feature) {
    return run(feature, false);
  }

  public List<ScenarioResult> run(String feature, boolean generateReport) {
    try {
      Path features = Files.createDirectories(dir.resolve("features-" + System.nanoTime()));
      Files.writeString(features.resolve("gates.feature"), feature, StandardCharsets.UTF_8);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
      GateRunner.Ran ran = GateRunner.execute(Settings.load(env, new Properties()),
          new GateRunner.Options(features, null, generateReport),
          Clock.fixed(TestSessions.NOW, ZoneOffset.UTC), stream);
      summary = ran.summary();
      console = out.toString(StandardCharsets.UTF_8);
      return ran.scenarios();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Summary summary() {
    return summary;
  }

  public String console() {
    return console;
  }

  public Path reports() {
    return dir.resolve("reports");
  }
}
