package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.run.GateRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo's report as a reviewer reads it: the single file opened from file:// in headless
 * Chromium, the failing routing gate's conversations read in place, at desktop and laptop width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportViewTest {
  static final Path REPORTS = Path.of("target/report-view/reports");
  static final String ROUTING_GATE = "German trigger phrases reach the right skill";

  String console;

  @BeforeAll void runTheDemoGates() throws Exception {
    ReportEndToEndTest.deleteTree(REPORTS.getParent());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      GateRunner.run(Settings.load(Map.of("KONVO_REPORTS", REPORTS.toString(),
              "KONVO_DASHBOARD_URL", "https://app.konvoai.com/sessions/{id}"), new Properties()),
          new GateRunner.Options(Path.of("features"), null, true), Clock.systemUTC(), print);
    }
    console = out.toString(StandardCharsets.UTF_8);
    assertThat(RunReport.reportIndex(REPORTS)).as(console).isRegularFile();
  }

  @Test void theReportCarriesKonvoQasPluginInlineInTheSingleFile() throws Exception {
    String index = Files.readString(RunReport.reportIndex(REPORTS));
    assertThat(index).as("plugin scripts are inlined as data: URLs, nothing loads from beside the file")
        .doesNotContain("src=\"plugin/").contains("data:text/javascript;base64,");
    assertThat(Files.readString(REPORTS.resolve("allure-site/index.html"))).contains("plugin/konvo-qa/index.js");
    assertThat(REPORTS.resolve("allure-site/plugin/konvo-qa/index.js")).isRegularFile();
  }

  @Test void theTenthConversationIsReadableInPlaceAtDesktopAndLaptopWidth() throws Exception {
    Chromium chromium = Chromium.require(REPORTS.resolveSibling("chromium"));
    for (int width : new int[] {1400, 1024}) {
      try (DevTools browser = chromium.devTools()) {
        browser.viewport(width, 900);
        ReportPage page = new ReportPage(browser);
        page.openTestResult(RunReport.reportIndex(REPORTS), ROUTING_GATE);
        String frame = page.openAttachment("10 conversations");

        assertThat(browser.eval(frame + ".getAttribute('sandbox')")).as("the frame may run no script")
            .asString().doesNotContain("allow-scripts");
        String last = "(() => { const doc = " + frame + ".contentDocument;"
            + " const sections = doc.querySelectorAll('section.conversation');"
            + " const s = sections[sections.length - 1];"
            + " const msgs = s.querySelectorAll('.chat .msg'); return msgs[msgs.length - 1]; })()";
        assertThat(browser.eval("(() => { const doc = " + frame + ".contentDocument;"
            + " const s = [...doc.querySelectorAll('section.conversation')];"
            + " return s.length + ' / ' + s[s.length - 1].querySelector('h2').textContent; })()"))
            .asString().startsWith("10 / Conversation 10 of 10: ");

        browser.eval("(" + frame + ").closest('.step').querySelector('.step__title').scrollIntoView(), true");
        Thread.sleep(200);
        browser.screenshot(REPORTS.resolve("screenshots/transcripts-top-" + width + ".png"));
        browser.eval("(" + last + ").scrollIntoView({block: 'center'}), true");
        Thread.sleep(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) browser.eval("(() => {"
            + " const f = " + frame + "; const doc = f.contentDocument; const m = " + last + ";"
            + " const fr = f.getBoundingClientRect(); const r = m.getBoundingClientRect();"
            + " const x = fr.left + r.left + Math.min(20, r.width / 2), y = fr.top + r.top + r.height / 2;"
            + " const inFrame = doc.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);"
            + " return { text: m.textContent, top: fr.top + r.top, bottom: fr.top + r.bottom,"
            + "   viewport: innerHeight, frameHeight: f.clientHeight, contentHeight: doc.documentElement.scrollHeight,"
            + "   frameScrolled: doc.scrollingElement.scrollTop,"
            + "   topHit: document.elementFromPoint(x, y) === f, frameHit: !!inFrame && m.contains(inFrame) }; })()");
        Path png = REPORTS.resolve("screenshots/transcripts-" + width + ".png");
        browser.screenshot(png);

        assertThat(seen).as("the last message of the tenth conversation at %d px (%s)", width, png)
            .containsEntry("topHit", true).containsEntry("frameHit", true).containsEntry("frameScrolled", 0.0);
        assertThat((String) seen.get("text")).isNotBlank();
        double top = (Double) seen.get("top"), bottom = (Double) seen.get("bottom");
        assertThat(top).as("top of the message in the viewport").isGreaterThanOrEqualTo(0);
        assertThat(bottom).as("bottom of the message in the viewport").isLessThanOrEqualTo((Double) seen.get("viewport"));
        assertThat((Double) seen.get("frameHeight")).as("the frame is as tall as its content, not 150 px")
            .isGreaterThanOrEqualTo((Double) seen.get("contentHeight")).isGreaterThan(3000.0);
      }
    }
  }

  @Test void theServedSiteShowsTheConversationsInPlaceToo() throws Exception {
    Chromium chromium = Chromium.require(REPORTS.resolveSibling("chromium"));
    Path site = REPORTS.resolve("allure-site").toAbsolutePath();
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (Files.isDirectory(file)) file = file.resolve("index.html");
      boolean found = file.startsWith(site) && Files.isRegularFile(file);
      byte[] body = found ? Files.readAllBytes(file) : new byte[0];
      exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try (DevTools browser = chromium.devTools()) {
      browser.viewport(1400, 900);
      ReportPage page = new ReportPage(browser);
      page.openTestResult("http://127.0.0.1:" + server.getAddress().getPort() + "/", siteUid(site, ROUTING_GATE));
      String frame = page.openAttachment("10 conversations");
      assertThat(browser.eval(frame + ".getAttribute('sandbox')")).asString().doesNotContain("allow-scripts");
      assertThat(browser.eval(frame + ".contentDocument.querySelectorAll('section.conversation').length")).isEqualTo(10.0);
      assertThat(browser.eval(frame + ".clientHeight >= " + frame + ".contentDocument.documentElement.scrollHeight"
          + " && " + frame + ".clientHeight > 3000")).as("the conversations shown whole when served").isEqualTo(true);
    } finally {
      server.stop(0);
    }
  }

  private static String siteUid(Path site, String name) throws java.io.IOException {
    var adapter = new com.squareup.moshi.Moshi.Builder().build().<Map<String, Object>>adapter(
        com.squareup.moshi.Types.newParameterizedType(Map.class, String.class, Object.class));
    try (var files = Files.list(site.resolve("data/test-cases"))) {
      for (Path file : files.toList()) {
        Map<String, Object> testCase = adapter.fromJson(Files.readString(file));
        if (name.equals(testCase.get("name"))) return (String) testCase.get("uid");
      }
    }
    throw new AssertionError("no test case named " + name + " in " + site);
  }

  @Test void theRoutingTableAndVerdictTableShowWhole() throws Exception {
    Chromium chromium = Chromium.require(REPORTS.resolveSibling("chromium"));
    try (DevTools browser = chromium.devTools()) {
      browser.viewport(1400, 900);
      ReportPage page = new ReportPage(browser);
      page.openTestResult(RunReport.reportIndex(REPORTS), ROUTING_GATE);
      for (String name : new String[] {"Verdict table", "Routing table"}) {
        String frame = page.openAttachment(name);
        assertThat(browser.eval(frame + ".clientHeight >= " + frame + ".contentDocument.documentElement.scrollHeight"
            + " && " + frame + ".clientHeight > 150")).as(name + " shown whole").isEqualTo(true);
      }
      browser.screenshot(REPORTS.resolve("screenshots/routing-gate.png"));
    }
  }
}
