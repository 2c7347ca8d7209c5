package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.report.RunReport;
import io.konvoqa.report.Summary;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * The Maven path ({@code mvn -Pgate verify}: failsafe runs Cucumber on the JUnit Platform, and
 * {@link GateRunPlugin} opens the run from the environment) writes the same CI summaries as the
 * jar's. Run here in-process through the JUnit Platform launcher, wired as GateSuite is, with the
 * settings as {@code -D} properties (the environment cannot be set from a test).
 */
class MavenPathCiSummariesTest {
  @TempDir Path dir;

  @Test void theJUnitPlatformRunWritesJUnitXmlAndAppendsTheMarkdown() throws Exception {
    Path features = Files.createDirectories(dir.resolve("features"));
    Files.writeString(features.resolve("gates.feature"), CiSummariesRunTest.FEATURE, StandardCharsets.UTF_8);
    Path data = dir.resolve("data.json");
    DatasetFile.write(Dataset.of(TestSessions.NOW, CiSummariesRunTest.sessions()), data);
    Path reports = dir.resolve("reports");
    Path jobSummary = dir.resolve("step-summary.md");
    Files.writeString(jobSummary, "earlier\n", StandardCharsets.UTF_8);
    Map<String, String> properties = Map.of("konvo.reports", reports.toString(), "konvo.data", data.toString(),
        "github.step.summary", jobSummary.toString());

    properties.forEach(System::setProperty);
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(RunReport.results(reports))));
    try {
      LauncherFactory.create().execute(gateSuite(features));
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }

    assertThat(Files.readString(RunReport.summaryFile(reports)))
        .contains("FAILED (a gate was breached): 4 gates, 1 passed, 1 breached, 2 could not judge.");
    // the same gates through the jar's path give the summary both files must match
    GateRunFixture jar = new GateRunFixture(Files.createDirectories(dir.resolve("jar"))).sessions(CiSummariesRunTest.sessions());
    jar.run(CiSummariesRunTest.FEATURE);
    Summary summary = jar.summary();
    CiSummariesRunTest.assertJUnitMatches(RunReport.junitFile(reports), summary, "gates");
    String markdown = Files.readString(RunReport.markdownFile(reports));
    assertThat(Files.readString(jobSummary)).isEqualTo("earlier\n\n" + markdown);
    CiSummariesRunTest.assertMarkdownMatches(markdown, summary, RunReport.reportIndex(reports).toString());
  }

  /** What GateSuite asks of the JUnit Platform: the cucumber engine, cucumber.properties, a directory. */
  private static LauncherDiscoveryRequest gateSuite(Path features) throws Exception {
    Properties cucumber = new Properties();
    try (InputStream in = MavenPathCiSummariesTest.class.getResourceAsStream("/cucumber.properties")) {
      cucumber.load(in);
    }
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectDirectory(features.toFile()))
        .filters(EngineFilter.includeEngines("cucumber"));
    cucumber.stringPropertyNames().forEach(k -> request.configurationParameter(k, cucumber.getProperty(k)));
    return request.build();
  }
}
