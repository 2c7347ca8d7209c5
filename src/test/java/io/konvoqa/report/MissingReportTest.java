package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no HTML report, no summary names one: each says why there is none and how to get one. */
class MissingReportTest {
  @TempDir Path dir;

  private Path reports() {
    return dir.resolve("reports");
  }

  private void finishedRun() throws IOException {
    Files.createDirectories(reports());
    RunReport.finish(reports(), java.util.List.of(), null, dir.resolve("step-summary.md"));
  }

  @Test void theSummariesSayWhyThereIsNoReportInsteadOfNamingIt() throws IOException {
    Files.writeString(dir.resolve("step-summary.md"), "## an earlier step\n");
    finishedRun();

    RunReport.settleReportPath(reports(), "--no-report was given; run without it to write one", dir.resolve("step-summary.md"));

    String index = RunReport.reportIndex(reports()).toString();
    assertThat(Files.readString(RunReport.summaryFile(reports()))).doesNotContain(index).endsWith(
        "FAILED (could not judge): 0 gates, 0 passed, 0 breached, 0 could not judge.\n"
            + "No HTML report: --no-report was given; run without it to write one. Allure results: "
            + RunReport.results(reports()) + "\n");
    String markdown = Files.readString(RunReport.markdownFile(reports()));
    assertThat(markdown).doesNotContain(index).endsWith("\n\nNo HTML report: --no-report was given; run without it"
        + " to write one. Allure results: `" + RunReport.results(reports()) + "`\n");
    assertThat(Files.readString(dir.resolve("step-summary.md"))).isEqualTo("## an earlier step\n\n" + markdown);
  }

  @Test void aJobSummaryThatOthersWroteToSinceIsLeftAlone() throws IOException {
    finishedRun();
    Files.writeString(dir.resolve("step-summary.md"), "## a later step\n", java.nio.file.StandardOpenOption.APPEND);
    String before = Files.readString(dir.resolve("step-summary.md"));

    RunReport.settleReportPath(reports(), "why", dir.resolve("step-summary.md"));

    assertThat(Files.readString(dir.resolve("step-summary.md"))).isEqualTo(before);
  }

  @Test void anExistingReportKeepsItsPath() throws IOException {
    finishedRun();
    Files.createDirectories(RunReport.reportIndex(reports()).getParent());
    Files.writeString(RunReport.reportIndex(reports()), "<html>");

    RunReport.settleReportPath(reports(), "why", null);

    assertThat(Files.readString(RunReport.summaryFile(reports())))
        .endsWith(" Report: " + RunReport.reportIndex(reports()) + "\n");
    assertThat(Files.readString(RunReport.markdownFile(reports())))
        .endsWith("Report: `" + RunReport.reportIndex(reports()) + "`\n");
  }

  @Test void aReportGoneSinceTheRunIsExplainedWhenTheSummaryIsPrinted() throws IOException {
    finishedRun();
    String printed = RunReport.settledSummary(reports(), Files.readString(RunReport.summaryFile(reports())));
    assertThat(printed).endsWith("\nNo HTML report: there is no " + RunReport.reportIndex(reports())
        + " (see the messages above: Allure did not write it, or it was removed since); run the gates again to"
        + " write it. Allure results: " + RunReport.results(reports()) + "\n");
  }
}
