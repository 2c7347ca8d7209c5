package io.konvoqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.report.RunReport;
import io.konvoqa.testing.TestSessions;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar konvo-qa.jar run} writes the HTML report with nothing but Java: the Allure it
 * carries is unpacked on first use, and when no report can be written the summaries say why.
 */
class JarReportTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  String cacheBefore;

  @BeforeEach void remember() {
    cacheBefore = System.getProperty("konvo.allure.cache");
  }

  @AfterEach void clear() {
    System.clearProperty("konvo.data");
    System.clearProperty("konvo.demo");
    System.clearProperty("konvo.reports");
    if (cacheBefore == null) System.clearProperty("konvo.allure.cache");
    else System.setProperty("konvo.allure.cache", cacheBefore);
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test void theDemoRunWritesTheHtmlReportWithTheAllureItCarriesUnpackedOnFirstUse() throws IOException {
    Path reports = dir.resolve("reports"), cache = dir.resolve("fresh-cache");
    System.setProperty("konvo.reports", reports.toString());
    System.setProperty("konvo.allure.cache", cache.toString());
    System.setProperty("konvo.demo", "true"); // in CI the demo runs only when asked for

    assertThat(run("run")).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);

    assertThat(cache.resolve("allure-2.34.1/plugins/konvo-qa/static/index.js")).as("our plugin, installed").isRegularFile();
    String index = Files.readString(RunReport.reportIndex(reports));
    assertThat(index).contains("<meta http-equiv=\"Content-Security-Policy\"").doesNotContain("googletagmanager")
        .contains("data:text/javascript;base64,");
    assertThat(Files.readString(reports.resolve("allure-site/index.html"))).contains("plugin/konvo-qa/index.js");
    assertThat(reports.resolve("allure-site/plugin/konvo-qa/index.js")).isRegularFile();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(" Report: " + RunReport.reportIndex(reports) + "\n");
    assertThat(Files.readString(RunReport.markdownFile(reports))).contains("Report: `" + RunReport.reportIndex(reports) + "`");
  }

  /** A passing one-gate feature over 40 sessions, with the Allure cache at {@code cache}; returns the features. */
  private Path smallRun(Path cache) throws IOException {
    Path data = dir.resolve("data.json"), features = Files.createDirectories(dir.resolve("features"));
    DatasetFile.write(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 40)), data);
    Files.writeString(features.resolve("g.feature"), """
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            Then the unresolved rate is at most 15%
        """);
    System.setProperty("konvo.data", data.toString());
    System.setProperty("konvo.reports", dir.resolve("reports").toString());
    System.setProperty("konvo.allure.cache", cache.toString());
    return features;
  }

  @Test void withoutAnAllureToRunTheSummariesSayWhyAndHowToGetOne() throws IOException {
    Path reports = dir.resolve("reports"), unwritable = Files.writeString(dir.resolve("a-file"), "not a folder");
    Path features = smallRun(unwritable);

    assertThat(run("run", "--features", features.toString())).isZero();

    String why = "No HTML report: Allure 2.34.1 could not be unpacked into " + unwritable.resolve("allure-2.34.1");
    String how = "set KONVO_ALLURE_CACHE to a writable folder, or ALLURE_HOME to an unpacked Allure 2.34.1. Allure results: ";
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("PASSED: 1 gates, 1 passed, 0 breached, 0 could not judge.\n" + why)
        .contains(how + RunReport.results(reports) + "\n").doesNotContain("index.html");
    assertThat(Files.readString(RunReport.markdownFile(reports))).contains(why)
        .contains(how.replace("_", "\\_") + "`" + RunReport.results(reports) + "`").doesNotContain("index.html");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("konvo-qa: no HTML report: Allure 2.34.1 could not be unpacked");
  }

  @Test void whenAllureFailsTheSummaryPointsAtItsOutput() throws IOException {
    Path cache = dir.resolve("broken-cache"), home = cache.resolve("allure-2.34.1");
    Files.createDirectories(home.resolve("lib"));
    Files.createDirectories(home.resolve("plugins"));
    Files.writeString(home.resolve(".konvo-qa-unpacked"), "2.34.1"); // looks complete, holds no Allure
    Path features = smallRun(cache);

    assertThat(run("run", "--features", features.toString())).isZero();

    Path reports = dir.resolve("reports");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("konvo-qa: Allure could not generate the report: ")
        .contains("io.qameta.allure.CommandLine");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("PASSED: 1 gates, 1 passed, 0 breached, 0 could not judge.\n"
        + "No HTML report: Allure (" + home + ") could not generate it (exit 1, its output is above); fix what it"
        + " names and run the gates again. Allure results: " + RunReport.results(reports) + "\n");
    assertThat(RunReport.reportIndex(reports)).doesNotExist();
  }
}
