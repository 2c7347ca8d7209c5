package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.konvoqa.config.Settings;
import io.konvoqa.gate.Outcome;
import io.konvoqa.run.GateRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real gate run over sessions full of hostile text and personal data: real Cucumber, the real
 * simulator, real Allure generation; then headless Chromium opens what a reviewer opens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEndToEndTest {
  static final Path FIXTURES = Path.of("src/test/resources/report");
  static final Path REPORTS = Path.of("target/report-e2e/reports");
  static final String SECRET = "sk-live-DO-NOT-LEAK-7c1e9f0b2a";
  /** Every piece of personal data in the fixture, as it appears there. */
  static final List<String> RAW_PERSONAL_DATA = List.of(
      "+49 151 4242 4351", "151 4242 4351", "4915142424351", "0171 9876543", "+49 171 9876543",
      "4917198765432", "4916011122233", "anna.schmidt@example.de", "max.mustermann@firma.de",
      "web-user-8c1f2a", "web-user-77aa01", "web-user-5d5d5d", "web-user-9e9e9e", "web-user-1a2b3c",
      "web-user-4f4f4f", "anna.sch", "max.muster");

  String console;
  io.konvoqa.report.Summary summary;

  @BeforeAll void runTheGates() throws IOException {
    deleteTree(REPORTS.getParent());
    Settings settings = Settings.load(Map.of(
        "KONVO_DATA", FIXTURES.resolve("hostile-sessions.json").toString(),
        "KONVO_API_KEY", SECRET,
        "KONVO_REPORTS", REPORTS.toString(),
        "KONVO_TRANSCRIPTS", "3",
        "KONVO_DASHBOARD_URL", "https://app.konvoai.com/sessions/{id}"), new Properties());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      summary = GateRunner.run(settings, new GateRunner.Options(FIXTURES.resolve("features"), null, true),
          Clock.systemUTC(), print);
    }
    console = out.toString(StandardCharsets.UTF_8);
  }

  @Test void theRunFailsOnTheBreachedGatesAndSaysWhereTheReportIs() {
    assertThat(summary.exitCode()).as(console).isEqualTo(io.konvoqa.report.Summary.BREACHED);
    assertThat(summary.lines()).extracting(io.konvoqa.report.Summary.Line::outcome).containsExactly(
        Outcome.BREACHED, Outcome.PASSED, Outcome.BREACHED, Outcome.BREACHED, Outcome.BREACHED);
    assertThat(Files.isRegularFile(RunReport.reportIndex(REPORTS))).as(console).isTrue();
    assertThat(Files.isDirectory(REPORTS.resolve("allure-site/data/attachments"))).as(console).isTrue();
  }

  @Test void theReportsCallNoThirdParty() throws IOException {
    assertThat(Files.readString(RunReport.reportIndex(REPORTS))).doesNotContain("googletagmanager");
    assertThat(Files.readString(REPORTS.resolve("allure-site/index.html"))).doesNotContain("googletagmanager");
  }

  @Test void severityAndOwnerTagsBecomeLabelsInTheResultJson() throws IOException {
    List<Map<String, Object>> results = results();
    assertThat(results).hasSize(5);
    for (Map<String, Object> result : results) {
      assertThat(labels(result)).as("labels of %s", result.get("name"))
          .contains("severity=critical", "owner=qa-team");
    }
  }

  @Test void failingGatesAttachTheVerdictAllOffendersAsCsvAndTheFirstNAsTranscripts() throws IOException {
    Map<String, List<String>> names = attachmentNames();
    assertThat(names.get("The AI never promises a refund")).containsExactly(
        "Verdict: gate breached", "Verdict table", "Offending sessions (4, CSV)",
        "3 conversations", "3 conversations (text)");
    assertThat(names.values()).allSatisfy(gate -> assertThat(gate).hasSizeLessThanOrEqualTo(6));
    assertThat(names.get("The AI never guarantees anything")).containsExactly("Verdict: passed", "Verdict table");
    assertThat(names.get("Trigger phrases route as expected")).contains("Routing table", "Offending sessions (2, CSV)");
    assertThat(names.get("The unresolved rate stays low on each channel")).contains("Chart: per segment");
    String csv = attachment("The unresolved rate stays low", "Offending sessions (5, CSV)");
    assertThat(csv.lines()).hasSize(6).first().isEqualTo("session_id,reason,dashboard_url");
    assertThat(csv).contains("\"s-02\"\"><svg onload=alert(1)>\",\"unresolved\","
        + "\"https://app.konvoai.com/sessions/s-02%22%3E%3Csvg%20onload%3Dalert%281%29%3E\"");
  }

  @Test void transcriptsShowTheConversationAsTextAndRunNoInjectedScript() throws Exception {
    Chromium chromium = Chromium.require(REPORTS.resolveSibling("chromium"));
    Path transcript = siteAttachment("Conversation 1 of 3: s-01</h2>\n"
        + "<p class=\"reason\"><strong>Why this session offends:</strong> AI reply contains &#39;refund&#39;");
    String dom = chromium.dumpDom(transcript, null, 3000);

    assertThat(dom).contains("<title>3 conversations</title>")
        .contains("Where is my order? Call me on [phone …51] or mail a***@***.de "
            + "&lt;script&gt;document.title='PWNED-SCRIPT'&lt;/script&gt;")
        .contains("&lt;img src=x onerror=\"document.title='PWNED-IMG'\"&gt; We will refund you, a***@***.de")
        .contains("open in Konvo")
        .doesNotContain("<img", "<pwned-svg", "<svg");
    assertThat(dom.replaceAll("(?s)<style>.*?</style>", "")).doesNotContain("<script");
    chromium.screenshot(transcript, REPORTS.resolve("screenshots/transcripts.png"));

    assertThat(dom).contains("Conversation 2 of 3: s-02\"&gt;&lt;svg onload=alert(1)&gt;</h2>")
        .contains("A refund is on its way \"&gt;&lt;svg onload=\"document.body.appendChild(document.createElement('pwned-svg'))\"&gt;")
        .contains("customer-").doesNotContain("<pwned-svg", "<svg");
  }

  @Test void verdictTableAndChartsRenderAndRunNoInjectedScript() throws Exception {
    Chromium chromium = Chromium.require(REPORTS.resolveSibling("chromium"));
    Path verdict = siteAttachment("<td>no AI reply contains &quot;refund&quot;</td>");
    assertThat(chromium.dumpDom(verdict, null, 3000))
        .contains("<th>result</th><td class=\"breached\">gate breached</td>")
        .contains("<th>personal data</th><td>masked</td>")
        .contains("&lt;img src=x onerror=\"document.title='PWNED-IMG'\"&gt;")
        .doesNotContain("<img", "<pwned-svg");
    Path chart = siteAttachment("<title>Per segment: the unresolved rate on each channel");
    chromium.screenshot(chart, REPORTS.resolve("screenshots/chart-per-channel.png"));
    assertThat(chromium.dumpDom(chart, null, 3000)).contains("<svg").contains(">whatsapp</text>");
  }

  @Test void theSingleFileReportShowsHostileFailureMessagesAsText() throws Exception {
    Chromium chromium = Chromium.require(REPORTS.resolveSibling("chromium"));
    String dom = chromium.dumpDom(RunReport.reportIndex(REPORTS), "categories", 5000);
    assertThat(dom).contains("<title>Allure Report</title>")
        .contains("Gate breached: no AI reply contains \"refund\"")
        .contains("&lt;img src=x onerror=\"document.title='PWNED-IMG'\"&gt;")
        .doesNotContain("<img src=x", "<pwned-svg", "PWNED-IMG</title>", "PWNED-SCRIPT</title>");
  }

  @Test void theReportShowsHostileConversationsInPlaceAndRunsNoScriptFromThem() throws Exception {
    Chromium chromium = Chromium.require(REPORTS.resolveSibling("chromium"));
    try (DevTools browser = chromium.devTools()) {
      browser.viewport(1400, 900);
      ReportPage page = new ReportPage(browser);
      page.openTestResult(RunReport.reportIndex(REPORTS), "The AI never promises a refund");
      String title = (String) browser.eval("document.title");
      for (String name : List.of("Verdict table", "3 conversations")) {
        String frame = page.openAttachment(name);
        assertThat(browser.eval(frame + ".getAttribute('sandbox')")).asString().doesNotContain("allow-scripts");
        assertThat(browser.eval(frame + ".contentDocument.body.innerText")).asString()
            .contains("<img src=x onerror=\"document.title='PWNED-IMG'\">");
        assertThat(browser.eval(frame + ".contentDocument.querySelectorAll('img, svg, script, pwned-svg').length"))
            .as("no element from a message in " + name).isEqualTo(0.0);
        assertThat(browser.eval(frame + ".clientHeight >= " + frame + ".contentDocument.documentElement.scrollHeight"))
            .as(name + " shown whole").isEqualTo(true);
      }
      browser.eval("(" + page.openAttachment("3 conversations") + ").contentDocument"
          + ".querySelector('#conversation-2').scrollIntoView(), true");
      Thread.sleep(500);
      browser.screenshot(REPORTS.resolve("screenshots/report-hostile-conversations.png"));
      assertThat(browser.eval("document.title")).isEqualTo(title).asString().doesNotContain("PWNED");
      assertThat(browser.eval("document.querySelectorAll('pwned-svg, .status-details img').length")).isEqualTo(0.0);
      assertThat(browser.eval("document.querySelector('.status-details__message').textContent")).asString()
          .contains("AI reply contains 'refund': \"<img src=\"x\" onerror=\"document.title='PWNED-IMG'\">");
    }
  }

  @Test void noFileUnderTheReportsDirHoldsTheKeyOrRawPersonalData() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(REPORTS.resolveSibling("reports"))) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".png")).toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    List<String> leaks = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      String decoded = new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
          + embedded(text);
      for (String raw : forbidden()) if (decoded.contains(raw)) leaks.add(file + ": " + raw);
      if (file.toString().endsWith("-attachment.html")) {
        for (String tag : List.of("<script", "<img", "<svg onload")) if (text.contains(tag)) leaks.add(file + ": " + tag);
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(embedded(Files.readString(RunReport.reportIndex(REPORTS))))
        .as("the scan reads inside the single file").contains("[phone …51]", "a***@***.de");
    assertThat(console).doesNotContain(SECRET).doesNotContain("anna.schmidt@example.de");
  }

  private static List<String> forbidden() {
    List<String> all = new ArrayList<>(RAW_PERSONAL_DATA);
    all.add(SECRET);
    return all;
  }

  // The single-file report keeps every data file inside itself, base64-encoded: d('path','...').
  private static String embedded(String html) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("d\\('[^']*','([A-Za-z0-9+/=]+)'\\)").matcher(html);
    while (m.find()) out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8)).append('\n');
    return out.toString();
  }

  private static Path siteAttachment(String containing) throws IOException {
    try (Stream<Path> files = Files.list(REPORTS.resolve("allure-site/data/attachments"))) {
      List<Path> found = files.filter(p -> p.toString().endsWith(".html")).filter(p -> {
        try {
          return Files.readString(p).contains(containing);
        } catch (IOException e) {
          return false;
        }
      }).toList();
      assertThat(found).as("site attachments containing %s", containing).isNotEmpty();
      return found.get(0);
    }
  }

  private static List<Map<String, Object>> results() throws IOException {
    var adapter = new Moshi.Builder().build().<Map<String, Object>>adapter(
        Types.newParameterizedType(Map.class, String.class, Object.class));
    List<Map<String, Object>> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(RunReport.results(REPORTS))) {
      for (Path p : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        results.add(adapter.fromJson(Files.readString(p)));
      }
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private static List<String> labels(Map<String, Object> result) {
    return ((List<Map<String, Object>>) result.get("labels")).stream()
        .map(l -> l.get("name") + "=" + l.get("value")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> gateAttachments(Map<String, Object> result) {
    List<Map<String, Object>> steps = (List<Map<String, Object>>) result.get("steps");
    Map<String, Object> gate = steps.get(steps.size() - 1);
    return ((List<Map<String, Object>>) gate.get("attachments")).stream()
        .filter(a -> !"Data table".equals(a.get("name"))).toList();
  }

  private static Map<String, List<String>> attachmentNames() throws IOException {
    Map<String, List<String>> names = new java.util.HashMap<>();
    for (Map<String, Object> r : results()) {
      names.put((String) r.get("name"), gateAttachments(r).stream().map(a -> (String) a.get("name")).toList());
    }
    return names;
  }

  private static String attachment(String scenario, String name) throws IOException {
    for (Map<String, Object> r : results()) {
      if (!scenario.equals(r.get("name"))) continue;
      for (Map<String, Object> a : gateAttachments(r)) {
        if (name.equals(a.get("name"))) {
          return Files.readString(RunReport.results(REPORTS).resolve((String) a.get("source")));
        }
      }
    }
    throw new AssertionError("no attachment '" + name + "' in scenario '" + scenario + "'");
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
