package io.konvoqa.run;

import io.konvoqa.config.Settings;
import io.konvoqa.report.AllureReport;
import io.konvoqa.report.RunReport;
import io.konvoqa.report.ScenarioResult;
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

  /**
   * Where and what to run. {@code tags} may be null; {@code generateReport} writes the HTML report
   * with the Allure bundled in the jar (unpacked on first use) or {@code ALLURE_HOME};
   * {@code verbose} keeps Cucumber's own summary (Java snippets for undefined steps, stack traces of
   * failed gates), which a jar user cannot act on and which would push the gate summary away.
   */
  public record Options(Path features, String tags, boolean generateReport, boolean verbose) {
    public Options(Path features, String tags, boolean generateReport) {
      this(features, tags, generateReport, false);
    }
  }

  /** A finished run: its summary, and how each scenario ended. */
  public record Ran(Summary summary, List<ScenarioResult> scenarios) {}

  public static Summary run(Settings settings, Options options, Clock clock, PrintStream console) {
    return execute(settings, options, clock, console).summary();
  }

  /**
   * Opens the run, runs its features through Cucumber (glue and plugins from
   * {@code cucumber.properties}), and closes it.
   */
  public static Ran execute(Settings settings, Options options, Clock clock, PrintStream console) {
    Path reportsDir = settings.reportsDir();
    if (!Files.exists(options.features())) {
      console.println("konvo-qa: no features at " + options.features().toAbsolutePath()
          + ": pass --features DIR (default: features)");
      RunReport.prepare(reportsDir);
      Summary summary = RunReport.finish(reportsDir, List.of(), null, settings.stepSummary());
      RunReport.settleReportPath(reportsDir, "no features were found, so no gate ran", settings.stepSummary());
      return new Ran(summary, List.of());
    }
    RunContext context = RunContext.builder().settings(settings).clock(clock).console(console).build();
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(RunReport.results(reportsDir))));
    List<String> args = new ArrayList<>(List.of("--monochrome"));
    if (!options.verbose()) args.add("--no-summary");
    if (options.tags() != null && !options.tags().isBlank()) {
      args.add("--tags");
      args.add(options.tags());
    }
    args.add(options.features().toString());
    RunContext.activate(context);
    try {
      if (context.opened() && settings.onePass()) {
        Planner.plan(context, List.of(options.features().toString()), options.tags(), console);
      }
      io.cucumber.core.cli.Main.run(args.toArray(String[]::new), GateRunner.class.getClassLoader());
    } finally {
      RunContext.deactivate(context);
      context.close();
    }
    String noReport = options.generateReport() ? AllureReport.generate(reportsDir, console).orElse(null)
        : "--no-report was given; run without it to write one";
    RunReport.settleReportPath(reportsDir, noReport, settings.stepSummary());
    List<ScenarioResult> scenarios = context.log().results();
    return new Ran(Summary.of(scenarios), scenarios);
  }
}
