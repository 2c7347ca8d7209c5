package io.konvoqa.cli;

import java.nio.file.Path;

/**
 * Prints the summary at the end of {@code mvn -Pgate verify}, after the report is written.
 * Failsafe's verify fails the build for a failed gate; this fails it only when no gate ran at
 * all, which failsafe would let pass. Runs inside Maven, so it throws instead of exiting.
 */
public final class MavenSummary {
  private MavenSummary() {}

  public static void main(String[] args) {
    Path reports = Path.of(args.length > 0 ? args[0] : "reports");
    int code = Main.printSummary(reports, System.out);
    if (code == 2 && Main.nothingRan(reports)) {
      throw new IllegalStateException("no gate ran: check the features directory"
          + " (-Dcucumber.features) and the tag filter (-Dcucumber.filter.tags)");
    }
  }
}
