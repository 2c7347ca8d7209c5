package io.konvoqa.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The run's summaries for CI: {@code junit.xml} for test-report views, {@code gate-summary.md},
 * and that Markdown appended to GitHub's job summary when the run has one.
 */
final class CiSummaries {
  private CiSummaries() {}

  static void clear(Path reportsDir) throws IOException {
    Files.deleteIfExists(RunReport.junitFile(reportsDir));
    Files.deleteIfExists(RunReport.markdownFile(reportsDir));
  }

  static void write(Path reportsDir, List<ScenarioResult> scenarios, Summary summary, String header,
      Path stepSummary) throws IOException {
    Files.writeString(RunReport.junitFile(reportsDir), JUnitXml.of(scenarios), StandardCharsets.UTF_8);
    String markdown = MarkdownSummary.of(summary, header, RunReport.reportIndex(reportsDir).toString());
    Files.writeString(RunReport.markdownFile(reportsDir), markdown, StandardCharsets.UTF_8);
    if (stepSummary == null) return;
    try {
      // Appended: the job's other steps write to the same file.
      Files.writeString(stepSummary, "\n" + markdown, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The run's verdicts and exit code stand; only GitHub's page misses them.
      System.err.println("konvo-qa: warning: could not append the gate summary to GITHUB_STEP_SUMMARY ("
          + stepSummary + "): " + e);
    }
  }
}
