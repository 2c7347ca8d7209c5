package io.konvoqa.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's guard over reports/ sees every file added, removed or changed, and nothing else. */
class ReportsFingerprintTest {
  @TempDir Path dir;

  @Test void anUntouchedFolderPassesAndEveryChangeIsNamed() throws IOException {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("README.md"), "generated");
    Files.createDirectories(reports.resolve("allure-report"));
    Files.writeString(reports.resolve("allure-report/index.html"), "<html>last run</html>");
    Files.writeString(reports.resolve("gate-summary.txt"), "PASSED");
    Path fingerprint = dir.resolve("target/reports-fingerprint.txt");
    ReportsFingerprint.main(new String[] {"take", reports.toString(), fingerprint.toString()});
    ReportsFingerprint.main(new String[] {"check", reports.toString(), fingerprint.toString()});

    Files.delete(reports.resolve("allure-report/index.html"));
    Files.writeString(reports.resolve("gate-summary.txt"), "FAILED");
    Files.createDirectories(reports.resolve("allure-results"));

    assertThatThrownBy(() -> ReportsFingerprint.main(new String[] {"check", reports.toString(), fingerprint.toString()}))
        .hasMessage("the project's tests changed " + reports + " (the user's last gate report): removed"
            + " allure-report/index.html, changed gate-summary.txt, added allure-results; a test must write"
            + " under target/ or a temporary folder (KONVO_REPORTS)");
  }

  @Test void aFolderCreatedByTheTestsCounts() throws IOException {
    Path reports = dir.resolve("reports");
    Path fingerprint = dir.resolve("fingerprint.txt");
    ReportsFingerprint.main(new String[] {"take", reports.toString(), fingerprint.toString()});
    Files.createDirectories(reports.resolve("allure-results"));

    assertThat(ReportsFingerprint.changes(java.util.Map.of(), ReportsFingerprint.of(reports)))
        .containsExactly("added allure-results");
  }
}
