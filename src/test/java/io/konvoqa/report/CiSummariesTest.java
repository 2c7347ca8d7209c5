package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import java.io.ByteArrayInputStream;
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

/** The CI summaries carry untrusted text (scenario names, quoted messages) without being broken by it. */
class CiSummariesTest {
  static final String HOSTILE = Fixtures.SCRIPT + " " + Fixtures.SVG + " ]]> & \"q\" 'a' <!-- x --> <?pi?>"
      + " | `tick` ``two`` *bold* _em_ ~strike~ $x$ \\ [link](https://evil.example) ![i](http://x/i.png)"
      + " <https://evil.example> www.evil.example mail@evil.example @everyone #123\n\r\tnext"
      + " \u0000\u0001\u0008\u000B\u001F\uFFFE\uFFFF\uD800 \uDFFF end \uD83D\uDE00";

  @TempDir Path dir;

  @Test void hostileTextLeavesWellFormedJUnitXmlThatSaysTheSame() throws Exception {
    List<ScenarioResult> scenarios = hostileRun();

    Document xml = parse(JUnitXml.of(scenarios));

    Element breach = (Element) xml.getElementsByTagName("testcase").item(0);
    Summary.Line line = Summary.of(scenarios).lines().get(0);
    assertThat(breach.getAttribute("classname")).isEqualTo("features/" + HOSTILE.substring(0, 20) + ".feature");
    assertThat(breach.getAttribute("name")).isEqualTo(xmlChars(line.title()));
    Element failure = (Element) breach.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(xmlChars(line.shortDetail()))
        .contains(Fixtures.SCRIPT, "]]>", "\uD83D\uDE00").doesNotContain("\u0000", "\uFFFE", "\uD800");
    assertThat(failure.getAttribute("type")).isEqualTo("gate breached");
    assertThat(failure.getTextContent()).contains("Gate breached: the claim " + Fixtures.SCRIPT,
        "2 offending session(s)", "s-1: " + xmlChars(HOSTILE).substring(0, 100), "s-2: ");
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("type")).isEqualTo("could not judge: configuration error");
    assertThat(error.getTextContent()).isEqualTo(xmlChars("Step: Then " + HOSTILE + "\n" + HOSTILE));
    assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
  }

  @Test void aScenarioWithManyGatesIsOneTestCaseEach() throws Exception {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < 3; i++) verdicts.add(Verdict.of("gate " + i, Outcome.PASSED, "ok").figure("fig " + i).build());
    verdicts.add(Verdict.of("gate 3", Outcome.DATA_UNAVAILABLE, "the API failed").build());
    ScenarioResult scenario = new ScenarioResult("many", "classpath:features/many.feature", List.of(), verdicts,
        ScenarioResult.Status.FAILED, null, null);

    Document xml = parse(JUnitXml.of(List.of(scenario)));

    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    assertThat(((Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
        .isEqualTo("features/many.feature");
    assertThat(xml.getElementsByTagName("system-out").item(2).getTextContent()).isEqualTo("fig 2");
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo("the API failed");
    assertThat(error.getAttribute("type")).isEqualTo("could not judge: data unavailable");
  }

  @Test void hostileTextStaysPlainTextInTheMarkdown() {
    Summary summary = Summary.of(hostileRun());

    String markdown = MarkdownSummary.of(summary, HOSTILE, "reports/`odd`/index.html");

    List<String> rows = markdown.lines().filter(l -> l.startsWith("| ")).toList();
    assertThat(rows).hasSize(2 + summary.lines().size());
    for (String row : rows) {
      assertThat(row.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(4);
    }
    String text = markdown.replace("\u200B", "~ZW~");
    assertThat(text).doesNotContainPattern("(?<!\\\\)\\]\\(").doesNotContain("<", "http://", "https://", "www.evil", "@everyone", "@evil", "#123",
        "\u0000", "\r", "\t");
    assertThat(text).contains("&lt;script&gt;", "\\[link\\]", "\\`tick\\`", "\\*bold\\*", "\\$x\\$", "https:~ZW~//",
        "www~ZW~.evil", "@~ZW~everyone", "#~ZW~123", " next ", "\uFFFD", "\uD83D\uDE00");
    assertThat(markdown).contains("Report: ``reports/`odd`/index.html``");
    assertThat(markdown.lines().filter(l -> !l.isEmpty() && !l.startsWith("|") && !l.startsWith("#"))).hasSize(3);
  }

  @Test void theStepSummaryIsAppendedAndAnUnwritableOneOnlyWarns() throws Exception {
    Path reports = dir.resolve("reports");
    Path jobSummary = dir.resolve("summary.md");
    Files.writeString(jobSummary, "# before\n");

    RunReport.finish(reports, writableRun(), null, jobSummary);
    RunReport.finish(reports, writableRun(), null, jobSummary);
    Summary summary = RunReport.finish(reports, writableRun(), null, dir.resolve("no-such-dir").resolve("x.md"));

    String markdown = Files.readString(RunReport.markdownFile(reports));
    assertThat(Files.readString(jobSummary)).isEqualTo("# before\n\n" + markdown + "\n" + markdown);
    assertThat(summary.exitCode()).isEqualTo(Summary.BREACHED);
    assertThat(Files.readString(RunReport.exitCodeFile(reports))).isEqualTo("1");
  }

  @Test void prepareDropsTheLastRunsCiSummaries() throws Exception {
    Path reports = dir.resolve("reports");
    RunReport.finish(reports, writableRun(), null, null);
    assertThat(RunReport.junitFile(reports)).exists();

    RunReport.prepare(reports);

    assertThat(RunReport.junitFile(reports)).doesNotExist();
    assertThat(RunReport.markdownFile(reports)).doesNotExist();
  }

  /**
   * Without lone surrogates, which the text summary (gate-summary.txt, written before the CI
   * summaries) cannot encode.
   */
  private static List<ScenarioResult> writableRun() {
    return hostileRun(HOSTILE.replace("\uD800", "").replace("\uDFFF", ""));
  }

  private static List<ScenarioResult> hostileRun() {
    return hostileRun(HOSTILE);
  }

  private static List<ScenarioResult> hostileRun(String hostile) {
    Verdict breach = Verdict.of("the claim " + hostile, Outcome.BREACHED, "reason " + hostile)
        .offenders(List.of(new Offender("s-1", hostile), new Offender("s-2", null))).build();
    Path feature = Path.of("features", hostile.substring(0, 20) + ".feature").toAbsolutePath();
    return List.of(
        new ScenarioResult("scenario " + hostile, feature.toUri().toString(), List.of(), List.of(breach),
            ScenarioResult.Status.FAILED, null, null),
        new ScenarioResult(hostile, "file:///x.feature", List.of(), List.of(), ScenarioResult.Status.FAILED,
            "Then " + hostile, hostile));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The text as XML 1.0 can carry it (what the writer keeps). */
  private static String xmlChars(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
    return out.toString();
  }
}
