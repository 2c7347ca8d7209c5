package io.konvoqa.report;

import io.konvoqa.client.FetchSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of a run around the per-gate attachments: it clears the last run's results (keeping
 * the history so trends carry over), and at the end writes the report's categories, environment
 * and executor, and the summary with its exit code.
 */
public final class RunReport {
  private RunReport() {}

  public static Path results(Path reportsDir) {
    return reportsDir.resolve("allure-results");
  }

  public static Path reportIndex(Path reportsDir) {
    return reportsDir.resolve("allure-report").resolve("index.html");
  }

  public static Path summaryFile(Path reportsDir) {
    return reportsDir.resolve("gate-summary.txt");
  }

  public static Path exitCodeFile(Path reportsDir) {
    return reportsDir.resolve("gate-summary.exit");
  }

  public static Path junitFile(Path reportsDir) {
    return reportsDir.resolve("junit.xml");
  }

  public static Path markdownFile(Path reportsDir) {
    return reportsDir.resolve("gate-summary.md");
  }

  /** Empties the results folder (and drops the last report), then copies in the last history. */
  public static void prepare(Path reportsDir) {
    Path results = results(reportsDir);
    try {
      deleteTree(results);
      Files.createDirectories(results);
      Files.deleteIfExists(summaryFile(reportsDir));
      Files.deleteIfExists(reportIndex(reportsDir)); // never point at the last run's report
      Files.deleteIfExists(exitCodeFile(reportsDir));
      CiSummaries.clear(reportsDir);
      Files.deleteIfExists(ConversationsPage.file(reportsDir));
      Path history = reportsDir.resolve("allure-site").resolve("history");
      if (Files.isDirectory(history)) {
        Path target = Files.createDirectories(results.resolve("history"));
        try (Stream<Path> files = Files.list(history)) {
          for (Path file : files.toList()) Files.copy(file, target.resolve(file.getFileName()));
        }
      }
      Files.writeString(results.resolve("categories.json"), CATEGORIES, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare " + results + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the environment panel, executor, summary and exit code, and the summaries for CI (JUnit
   * XML, Markdown, appended to {@code stepSummary} when not null). Returns the summary.
   * {@code run} is null when the run did not open.
   */
  public static Summary finish(Path reportsDir, List<ScenarioResult> scenarios, RunFacts run, Path stepSummary) {
    Summary summary = Summary.of(scenarios);
    try {
      Path results = Files.createDirectories(results(reportsDir));
      Labels.scenarioWins(results);
      Files.writeString(results.resolve("environment.properties"), environment(run), StandardCharsets.UTF_8);
      Files.writeString(results.resolve("executor.json"), Executor.json(summary.offendingSessions()), StandardCharsets.UTF_8);
      // getBytes, not writeString: a reason quoting a lone surrogate from the API must not stop the summary
      Files.write(summaryFile(reportsDir), summary.render(header(run), reportIndex(reportsDir).toString(),
          ConversationsPage.file(reportsDir).toString()).getBytes(StandardCharsets.UTF_8));
      Files.writeString(exitCodeFile(reportsDir), Integer.toString(summary.exitCode()), StandardCharsets.UTF_8);
      CiSummaries.write(reportsDir, scenarios, summary, header(run), stepSummary);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the run's summary under " + reportsDir + ": "
          + e.getMessage(), e);
    }
    return summary;
  }

  /**
   * The summary names the HTML report before it is generated; when none was written, this rewrites
   * the summaries' report line to say {@code why} (and how to get one) instead of naming a missing
   * file: {@code gate-summary.txt}, {@code gate-summary.md} and the job summary ({@code stepSummary},
   * may be null). {@code why} null: the report is just not there.
   */
  public static void settleReportPath(Path reportsDir, String why, Path stepSummary) {
    MissingReport.settle(reportsDir, why != null ? why : MissingReport.unexplained(reportsDir), stepSummary);
  }

  public static void settleReportPath(Path reportsDir) {
    settleReportPath(reportsDir, null, null);
  }

  /** The summary text, its report line saying why there is no HTML report when the report does not exist. */
  public static String settledSummary(Path reportsDir, String summary) {
    return MissingReport.summary(reportsDir, summary, MissingReport.unexplained(reportsDir));
  }

  static String header(RunFacts run) {
    if (run == null) return "the sessions could not be loaded (see the errors above)";
    String windows = run.windows().stream()
        .map(r -> r.window() + r.completenessNote()).distinct()
        .collect(Collectors.joining("; "));
    return run.sourceLabel() + (windows.isEmpty() ? "" : ", window " + windows);
  }

  /**
   * The environment panel. Allure lists it alphabetically and shows five rows until "Show all",
   * so it has five: data source (with host or recording time), harness version, personal data,
   * sessions and window.
   */
  static String environment(RunFacts run) {
    Map<String, String> env = new LinkedHashMap<>();
    if (run != null) {
      env.put("Data source", run.dataSource());
      List<RunFacts.Fetched> fetched = run.windows();
      int i = 1;
      for (RunFacts.Fetched result : fetched) {
        FetchSummary s = result.summary();
        String suffix = fetched.size() == 1 ? "" : " " + i++;
        env.put("Window" + suffix, result.window().toString());
        env.put("Sessions" + suffix, String.format(Locale.ROOT,
            "%,d judged; count claimed %s, received %,d, duplicates %,d, set aside %,d; %d pages, %d requests, %d retries",
            s.kept(), s.countClaimed() == null ? "none" : String.format(Locale.ROOT, "%,d", s.countClaimed()),
            s.received(), s.duplicatesDropped(), s.outsideWindow() + s.undated(), s.pages(), s.requests(), s.retries()) + "; " + s.numbering()
            + (result.assembly() == null ? "" : "; " + result.assembly()));
      }
      env.put("Personal data", run.masking()
          ? "phone numbers, e-mail addresses and external_user_id masked (names in message text are not)"
          : "NOT MASKED (KONVO_MASK_PERSONAL_DATA=false)");
    }
    env.put("Harness version", Version.get());
    StringBuilder text = new StringBuilder();
    env.forEach((k, v) -> text.append(k.replace(" ", "\\ ")).append(" = ")
        .append(v.replace("\\", "\\\\").replace("\n", " ")).append('\n'));
    return text.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /**
   * Allure's categories, matched on status and message. allure-cucumber7-jvm writes an undefined
   * step's scenario with no status (Allure shows "unknown") and no message, which no messageRegex
   * matches: the last entry takes it into "Configuration error".
   */
  private static final String CATEGORIES = """
      [
        {"name": "Gate breached", "matchedStatuses": ["failed"], "messageRegex": "(?s)Gate breached:.*"},
        {"name": "Insufficient data", "matchedStatuses": ["failed", "broken"],
         "messageRegex": "(?s)Could not judge \\\\(insufficient data\\\\).*"},
        {"name": "Data unavailable", "matchedStatuses": ["failed", "broken"],
         "messageRegex": "(?s)Could not judge \\\\(data unavailable\\\\).*"},
        {"name": "Configuration error", "matchedStatuses": ["failed", "broken", "skipped", "unknown"],
         "messageRegex": "(?s)(?!Gate breached:|Could not judge \\\\((?:insufficient data|data unavailable)\\\\)).*"},
        {"name": "Configuration error", "matchedStatuses": ["unknown"]}
      ]
      """;
}
