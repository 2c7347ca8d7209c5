package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Outcome;
import io.konvoqa.report.RunReport;
import io.konvoqa.report.Summary;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A real gate run through {@link GateRunner} (the jar's path) leaves the CI summaries:
 * {@code reports/junit.xml}, which the JDK's XML parser reads and which counts what the summary
 * counts, and {@code reports/gate-summary.md}, appended to {@code GITHUB_STEP_SUMMARY}.
 */
class CiSummariesRunTest {
  static final String HOSTILE_REPLY =
      "Zalando <script>alert(1)</script> ]]> & \"q\" 'a' | `b` [x](https://evil.example) @everyone \u0001\u0000\uFFFE\uD800!";

  static final String FEATURE = """
      Feature: ci surfaces
        Scenario: passes
          Given the sessions updated in the last 7 days
          Then every session with a customer message has an AI reply
        Scenario: breached <b>bold</b> & "quoted" | `tick` ]]>
          Given the sessions updated in the last 7 days
          Then no AI reply contains "Zalando"
        Scenario: not judged
          Given the sessions updated in the last 7 days
          And only sessions on channel "carrier-pigeon"
          Then the unresolved rate is at most 15%
        Scenario: undefined
          Given the sessions updated in the last 7 days
          Then the unresolved rate is at mostest 15%
      """;

  @TempDir Path dir;

  static List<Session> sessions() {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 40));
    sessions.add(TestSessions.session("offender").customer("shoes?").ai("Try " + HOSTILE_REPLY).build());
    return sessions;
  }

  @Test void theJarsPathWritesJUnitXmlThatCountsWhatTheSummaryCounts() throws Exception {
    GateRunFixture fixture = new GateRunFixture(dir).sessions(sessions());
    fixture.run(FEATURE);

    Summary summary = fixture.summary();
    assertThat(summary.lines()).extracting(Summary.Line::outcome).containsExactly(
        Outcome.PASSED, Outcome.BREACHED, Outcome.INSUFFICIENT_DATA, Outcome.CONFIGURATION_ERROR);
    assertJUnitMatches(RunReport.junitFile(fixture.reports()), summary, "gates");
  }

  @Test void theMarkdownSummaryIsAppendedToGitHubsJobSummary() throws IOException {
    Path jobSummary = dir.resolve("step-summary.md");
    Files.writeString(jobSummary, "## an earlier step\n", StandardCharsets.UTF_8);
    GateRunFixture fixture = new GateRunFixture(dir).sessions(sessions())
        .set("GITHUB_STEP_SUMMARY", jobSummary.toString());
    fixture.run(FEATURE);

    String markdown = Files.readString(RunReport.markdownFile(fixture.reports()));
    assertThat(Files.readString(jobSummary)).isEqualTo("## an earlier step\n\n" + markdown);
    assertMarkdownMatches(markdown, fixture.summary(), null);
    // a run without the HTML report names none: it says why, and where the Allure results are
    assertThat(markdown).endsWith("\nNo HTML report: --no-report was given; run without it to write one."
        + " Allure results: `" + RunReport.results(fixture.reports()) + "`\n")
        .doesNotContain(RunReport.reportIndex(fixture.reports()).toString());
  }

  @Test void withoutGitHubTheMarkdownIsWrittenOnlyUnderReports() throws IOException {
    GateRunFixture fixture = new GateRunFixture(dir).sessions(sessions());
    fixture.run(FEATURE);

    assertThat(RunReport.markdownFile(fixture.reports())).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".md"));
    }
  }

  @Test void aRunThatCouldNotOpenIsAnErrorPerGateAndStillReachesTheJobSummary() throws Exception {
    Path jobSummary = dir.resolve("step-summary.md");
    GateRunFixture fixture = new GateRunFixture(dir).set("KONVO_DATA", dir.resolve("missing.json").toString())
        .set("GITHUB_STEP_SUMMARY", jobSummary.toString());
    fixture.run(FEATURE);

    Summary summary = fixture.summary();
    assertThat(summary.lines()).isNotEmpty().allMatch(l -> l.outcome().couldNotJudge());
    assertJUnitMatches(RunReport.junitFile(fixture.reports()), summary, "gates");
    assertThat(Files.readString(jobSummary)).isEqualTo(Files.readString(RunReport.markdownFile(fixture.reports())).transform(m -> "\n" + m))
        .contains("the sessions could not be loaded");
  }

  @Test void aRunWithNoFeaturesStillSaysSoInBoth() throws Exception {
    Path jobSummary = dir.resolve("step-summary.md");
    Path reports = dir.resolve("reports");
    Summary summary = GateRunner.run(io.konvoqa.config.Settings.load(
            java.util.Map.of("KONVO_REPORTS", reports.toString(), "GITHUB_STEP_SUMMARY", jobSummary.toString()),
            new java.util.Properties()),
        new GateRunner.Options(dir.resolve("no-such-features"), null, false),
        java.time.Clock.systemUTC(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

    assertThat(summary.exitCode()).isEqualTo(Summary.NOT_JUDGED);
    Element suite = parse(RunReport.junitFile(reports)).getDocumentElement();
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("name")).isEqualTo("no gate ran");
    assertThat(Files.readString(jobSummary)).contains("No gate ran", "FAILED (could not judge): 0 gates");
  }

  /** One test case per summary line, in order, with the summary's outcome, title and text. */
  static void assertJUnitMatches(Path junit, Summary summary, String featureFile) throws Exception {
    Document xml = parse(junit);
    Element root = xml.getDocumentElement();
    long breached = summary.lines().stream().filter(l -> l.outcome() == Outcome.BREACHED).count();
    long notJudged = summary.lines().stream().filter(l -> l.outcome().couldNotJudge()).count();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    Element suite = (Element) root.getElementsByTagName("testsuite").item(0);
    for (Element counted : List.of(root, suite)) {
      assertThat(counted.getAttribute("tests")).isEqualTo(String.valueOf(summary.lines().size()));
      assertThat(counted.getAttribute("failures")).isEqualTo(String.valueOf(breached));
      assertThat(counted.getAttribute("errors")).isEqualTo(String.valueOf(notJudged));
      assertThat(counted.getAttribute("skipped")).isEqualTo("0");
      assertThat(counted.getAttribute("time")).isNotEmpty();
    }
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(summary.lines().size());
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      Summary.Line line = summary.lines().get(i);
      assertThat(testCase.getAttribute("name")).isEqualTo(line.title());
      assertThat(testCase.getAttribute("classname")).endsWith(featureFile + ".feature");
      String expected = switch (line.outcome()) {
        case PASSED -> null;
        case BREACHED -> "failure";
        default -> "error";
      };
      NodeList failures = testCase.getElementsByTagName("failure");
      NodeList errors = testCase.getElementsByTagName("error");
      assertThat(failures.getLength() + errors.getLength()).isEqualTo(expected == null ? 0 : 1);
      if (expected == null) continue;
      Element problem = (Element) testCase.getElementsByTagName(expected).item(0);
      assertThat(problem.getAttribute("type")).isEqualTo(line.outcome().label());
      assertThat(problem.getAttribute("message")).isEqualTo(xmlChars(line.shortDetail()));
      assertThat(problem.getTextContent()).isNotBlank();
    }
  }

  static void assertMarkdownMatches(String markdown, Summary summary, String reportPath) {
    List<String> rows = markdown.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| outcome") && !l.startsWith("| ---")).toList();
    assertThat(rows).hasSize(summary.lines().size());
    for (String row : rows) {
      // four unescaped pipes: three cells, whatever the texts held
      assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(4);
    }
    assertThat(rows.get(0)).isEqualTo("| ✅\u00A0PASSED | passes: every session with a customer message has an AI reply"
        + " | 0 of 41 sessions with a customer message have no AI reply |");
    assertThat(rows.get(1)).startsWith("| ❌\u00A0BREACHED | breached &lt;b&gt;bold&lt;/b&gt; &amp; \"quoted\" \\| \\`tick\\`"
        + " \\]\\]&gt;: no AI reply contains \"Zalando\" | 1 of 41 sessions");
    assertThat(rows.get(2)).startsWith("| ⚠️\u00A0NOT\u00A0JUDGED | not judged: ");
    assertThat(rows.get(3)).startsWith("| ⚠️\u00A0CONFIG | undefined: Then the unresolved rate is at mostest 15% | undefined step: ");
    if (reportPath != null) assertThat(markdown).contains("`" + reportPath + "`");
    assertThat(markdown)
        .contains("FAILED (a gate was breached): 4 gates, 1 passed, 1 breached, 2 could not judge.")
        .doesNotContain("<b>", "<script", "](", "https://", "@everyone", "\u0000");
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** The text as XML 1.0 can carry it (what the writer keeps). */
  static String xmlChars(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
    return out.toString();
  }
}
