package io.konvoqa.cli;

import io.konvoqa.report.RunReport;
import java.nio.file.Path;

/**
 * The Maven gate run's bookends. {@code prepare DIR} (pre-integration-test) clears the last run's
 * results and summary, so a run that dies early can never show a stale one; {@code print DIR}
 * (post-integration-test, after the report) removes the report's analytics snippet, makes the
 * summaries say so when Allure wrote no report, and prints the summary. Failsafe's verify fails the
 * build for a failed gate; this fails it only when no gate ran at all, which failsafe would let
 * pass. Runs inside Maven, so it throws instead of exiting.
 */
public final class MavenSummary {
  private MavenSummary() {}

  public static void main(String[] args) {
    if (args.length != 2) throw new IllegalArgumentException("usage: MavenSummary prepare|print REPORTS_DIR");
    Path reports = Path.of(args[1]);
    if (args[0].equals("prepare")) {
      RunReport.prepare(reports);
      return;
    }
    io.konvoqa.report.AllureReport.stripAnalytics(reports);
    // allure-maven ran before this: without its report, gate-summary.md and the job summary say so too
    RunReport.settleReportPath(reports, null,
        io.konvoqa.config.Settings.stepSummary(System.getenv(), System.getProperties()));
    int code = Main.printSummary(reports, System.out);
    if (code == 2 && Main.nothingRan(reports)) {
      throw new IllegalStateException("no gate ran: check the errors above, the features directory"
          + " (-Dcucumber.features) and the tag filter (-Dcucumber.filter.tags)");
    }
  }
}
