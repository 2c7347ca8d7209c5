package io.konvoqa.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates the HTML report from the results with the Allure command line that the Maven build
 * unpacks into {@code .allure/}: a single file that opens by double-click, and a multi-file site
 * that keeps the history for the next run's trends.
 */
public final class AllureReport {
  public static final String VERSION = "2.34.1";

  private AllureReport() {}

  /** The unpacked command line, from {@code ALLURE_HOME} or {@code .allure/allure-VERSION}; null when absent. */
  public static Path commandLine() {
    String home = System.getenv("ALLURE_HOME");
    Path base = home != null ? Path.of(home) : Path.of(".allure", "allure-" + VERSION);
    Path script = base.resolve("bin").resolve("allure");
    return Files.isExecutable(script) ? script : null;
  }

  /** Generates both reports; says so and returns false when Allure is not installed or fails. */
  public static boolean generate(Path reportsDir, PrintStream console) {
    Path allure = commandLine();
    if (allure == null) {
      console.println("konvo-qa: Allure " + VERSION + " is not unpacked under .allure/, so no HTML report"
          + " was generated (results are in " + RunReport.results(reportsDir) + "); run"
          + " 'mvn -Pgate verify' once, or set ALLURE_HOME");
      return false;
    }
    try {
      ReportPlugin.install(allure.getParent().getParent());
    } catch (RuntimeException e) {
      console.println("konvo-qa: " + e.getMessage() + "; the report shows HTML attachments in Allure's short frames");
    }
    Path results = RunReport.results(reportsDir);
    boolean generated = generate(allure, List.of("--single-file", "-o",
        reportsDir.resolve("allure-report").toString(), results.toString()), console)
        && generate(allure, List.of("-o", reportsDir.resolve("allure-site").toString(), results.toString()), console);
    if (generated) stripAnalytics(reportsDir);
    return generated;
  }

  private static final java.util.regex.Pattern ANALYTICS = java.util.regex.Pattern.compile(
      "\\s*<script async src=\"https://www\\.googletagmanager\\.com/[^\"]*\"></script>"
          + "\\s*<script>\\s*window\\.dataLayer.*?</script>", java.util.regex.Pattern.DOTALL);

  /**
   * Removes the Google Analytics snippet Allure 2.34 puts into every report: a report of
   * customer conversations must not call a third party when a reviewer opens it.
   */
  public static void stripAnalytics(Path reportsDir) {
    for (Path index : List.of(reportsDir.resolve("allure-report").resolve("index.html"),
        reportsDir.resolve("allure-site").resolve("index.html"))) {
      try {
        if (!Files.exists(index)) continue;
        String html = Files.readString(index);
        String stripped = ANALYTICS.matcher(html).replaceFirst("");
        if (!stripped.equals(html)) Files.writeString(index, stripped);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not rewrite " + index + ": " + e.getMessage(), e);
      }
    }
  }

  private static boolean generate(Path allure, List<String> args, PrintStream console) {
    List<String> command = new java.util.ArrayList<>(List.of(allure.toString(), "generate", "--clean"));
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        console.println("konvo-qa: Allure could not generate the report: " + output.strip());
        return false;
      }
      return true;
    } catch (IOException e) {
      console.println("konvo-qa: could not run Allure at " + allure + ": " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
