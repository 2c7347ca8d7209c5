package io.konvoqa.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The summaries name the HTML report before it is generated. When none was written, this rewrites
 * their report line to say why and how to get one, so no summary points at a file that does not
 * exist: the console's ({@code gate-summary.txt}), {@code gate-summary.md}, and GitHub's job
 * summary when the run appended to it.
 */
final class MissingReport {
  private MissingReport() {}

  /** When the run did not say why: the report is simply not there (Allure failed, or it was removed since). */
  static String unexplained(Path reportsDir) {
    return "there is no " + RunReport.reportIndex(reportsDir) + " (see the messages above: Allure did not write it,"
        + " or it was removed since); run the gates again to write it";
  }

  /** The console summary with its "Report:" line replaced by the reason, when the report does not exist. */
  static String summary(Path reportsDir, String summary, String why) {
    if (Files.exists(RunReport.reportIndex(reportsDir))) return summary;
    return summary.replace(" Report: " + RunReport.reportIndex(reportsDir) + "\n",
        "\nNo HTML report: " + why + ". Allure results: " + RunReport.results(reportsDir) + "\n");
  }

  static String markdown(Path reportsDir, String markdown, String why) {
    if (Files.exists(RunReport.reportIndex(reportsDir))) return markdown;
    return markdown.replace("Report: " + MarkdownSummary.code(RunReport.reportIndex(reportsDir).toString()) + "\n",
        "No HTML report: " + MarkdownSummary.cell(why) + ". Allure results: "
            + MarkdownSummary.code(RunReport.results(reportsDir).toString()) + "\n");
  }

  /** Rewrites the run's summary files; {@code stepSummary} may be null. */
  static void settle(Path reportsDir, String why, Path stepSummary) {
    rewrite(RunReport.summaryFile(reportsDir), text -> summary(reportsDir, text, why));
    Path md = RunReport.markdownFile(reportsDir);
    String appended = read(md);
    rewrite(md, text -> markdown(reportsDir, text, why));
    // The run appended its Markdown to the job summary last; anything after it belongs to others.
    if (stepSummary == null || appended == null) return;
    try {
      rewrite(stepSummary, text -> text.endsWith("\n" + appended)
          ? text.substring(0, text.length() - appended.length()) + markdown(reportsDir, appended, why) : text);
    } catch (UncheckedIOException e) {
      System.err.println("konvo-qa: warning: " + e.getMessage());
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void rewrite(Path file, java.util.function.UnaryOperator<String> change) {
    String text = read(file);
    if (text == null) return;
    String changed = change.apply(text);
    if (changed.equals(text)) return;
    try {
      Files.write(file, changed.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not rewrite " + file + ": " + e.getMessage(), e);
    }
  }
}
