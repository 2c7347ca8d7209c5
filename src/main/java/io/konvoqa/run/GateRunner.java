package io.konvoqa.run;

import io.konvoqa.config.Settings;
import io.konvoqa.report.AllureReport;
import io.konvoqa.report.RunReport;
import io.konvoqa.report.Summary;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the gates of a features directory in this JVM through Cucumber, writes the Allure results
 * and report, and returns the summary (whose exit code CI acts on). What {@code konvo-qa.jar run}
 * does, and what the project's own end-to-end tests call.
 */
public final class GateRunner {
  private GateRunner() {}

  /** Where and what to run. {@code tags} may be null; {@code generateReport} needs Allure installed. */
  public record Options(Path features, String tags, boolean generateReport) {}

  public static Summary run(Settings settings, Options options, Clock clock, PrintStream console) {
    Path reportsDir = settings.reportsDir();
    if (!Files.exists(options.features())) {
      console.println("konvo-qa: no features at " + options.features().toAbsolutePath()
          + ": pass --features DIR (default: features)");
      RunReport.prepare(reportsDir);
      return RunReport.finish(reportsDir, List.of(), null);
    }
    try {
      GateRun.open(settings, clock, console);
    } catch (RuntimeException e) {
      console.println("konvo-qa: " + e.getMessage());
    }
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(RunReport.results(reportsDir))));
    List<String> args = new ArrayList<>(List.of(
        "--glue", "io.konvoqa.steps",
        "--plugin", GateRunPlugin.class.getName(),
        "--plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
        "--monochrome"));
    if (options.tags() != null && !options.tags().isBlank()) {
      args.add("--tags");
      args.add(options.tags());
    }
    args.add(options.features().toString());
    String quiet = System.setProperty("cucumber.publish.quiet", "true");
    GateRunSettings.given(reportsDir);
    try {
      io.cucumber.core.cli.Main.run(args.toArray(String[]::new), GateRunner.class.getClassLoader());
    } finally {
      if (quiet == null) System.clearProperty("cucumber.publish.quiet"); else System.setProperty("cucumber.publish.quiet", quiet);
      GateRunSettings.given(null);
      GateRun run = GateRun.peek();
      if (run != null) run.close();
    }
    if (options.generateReport()) AllureReport.generate(reportsDir, console);
    return Summary.of(RunLog.results());
  }
}
