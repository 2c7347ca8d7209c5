package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.report.render.Html;
import io.konvoqa.run.GateRunner;
import io.konvoqa.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo run writes the conversations page; Chromium filters it and runs no script from a message. */
class ConversationsEndToEndTest {
  @TempDir static Path dir;
  static List<ScenarioResult> scenarios;
  static String page;

  @BeforeAll static void runTheDemo() throws Exception {
    scenarios = GateRunner.execute(Settings.load(Map.of("KONVO_REPORTS", dir.toString()), new Properties()),
        new GateRunner.Options(Path.of("features"), null, false),
        Clock.fixed(Instant.parse("2026-11-27T10:15:00Z"), ZoneOffset.UTC),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).scenarios();
    page = Files.readString(ConversationsPage.file(dir));
  }

  @Test void theDemoRunListsEveryOffendingSessionWithTheGatesItBreaks() {
    Set<String> ids = new LinkedHashSet<>();
    for (ScenarioResult r : scenarios) {
      for (Verdict v : r.verdicts()) {
        if (v.passed() || v.offenders().isEmpty()) continue; // a gate that could not judge has no offenders to list
        String label = v.gate().endsWith(":") ? r.name() : r.name() + ": " + v.gate(); // as the summary names it
        assertThat(page).contains(">" + Html.escape(label) + " <span class=\"n\">"
            + v.offenders().size() + "</span></label>");
        for (Offender o : v.offenders()) {
          ids.add(o.sessionId());
          assertThat(page).contains("<code>" + Html.escape(o.sessionId()) + "</code>");
        }
      }
    }
    assertThat(ids).isNotEmpty();
    assertThat(count(page, "<tbody class=\"s")).isEqualTo(ids.size());
    assertThat(page).contains(">German trigger phrases reach the right skill <span class=\"n\">",
        ">German return requests are recognised as returns: ");
  }

  @Test void theSummaryAndTheReportOverviewLinkThePage() throws Exception {
    String summary = Files.readString(RunReport.summaryFile(dir));
    assertThat(summary).containsPattern("\nConversations \\(\\d+ offending sessions\\): "
        + Pattern.quote(ConversationsPage.file(dir).toString()) + "\n");
    assertThat(Files.readString(RunReport.results(dir).resolve("executor.json")))
        .contains("\"buildUrl\": \"../conversations.html\"").contains("\"buildName\": \"Conversations: ");
  }

  @Test void chromiumFiltersByGateAndChannel() throws Exception {
    Chromium chromium = Chromium.require(dir.resolve("chromium"));
    Path probe = probe(ConversationsPage.file(dir), dir.resolve("probe.html"));
    String all = attribute(chromium.dumpDom(probe, "", 3000), "data-shown");
    assertThat(all.split(",")).hasSize(count(page, "<tbody class=\"s"));
    for (int g = 1; page.contains("id=\"gate-" + g + "\""); g++) {
      String shown = attribute(chromium.dumpDom(probe, "gate-" + g, 3000), "data-shown");
      int expected = Integer.parseInt(find(page, "<label for=\"gate-" + g + "\">[^<]*<span class=\"n\">(\\d+)<"));
      assertThat(shown.split(",")).hasSize(expected);
    }
    String channel = find(page, "<label for=\"channel-1\">([^<]*) <span");
    String shown = attribute(chromium.dumpDom(probe, "channel-1", 3000), "data-shown");
    assertThat(shown).isNotEmpty();
    for (String id : shown.split(",")) {
      assertThat(find(page, "<tbody class=\"s[^\"]*\">\\s*<tr><td class=\"id\"><code>" + Pattern.quote(id)
          + "</code>.*?</ul></td><td>([^<]*)</td>")).isEqualTo(channel);
    }
  }

  @Test void noScriptFromAMessageRunsEvenWhenThePagePolicyAllowedOne() throws Exception {
    String payload = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
    Conversations conversations = new Conversations(10, null);
    Privacy privacy = Privacy.masking(Salt.of("test-salt", "demo"));
    int i = 0;
    for (String hostile : List.of(payload, Fixtures.SCRIPT, Fixtures.SVG,
        "<script>document.body.setAttribute('data-pwned','2')</script>")) {
      Session s = Fixtures.session("s-" + i++, Fixtures.WEB_ID, hostile, hostile);
      conversations.add(hostile, Verdict.of(hostile, Outcome.BREACHED, hostile)
          .offenders(List.of(new Offender(s.id(), hostile))).build(), Fixtures.sample(s), privacy);
    }
    Path file = ConversationsPage.write(dir.resolve("hostile"), conversations);
    Chromium chromium = Chromium.require(dir.resolve("chromium"));
    String dom = chromium.dumpDom(probe(file, dir.resolve("hostile-probe.html")), "gate-1", 3000);
    assertThat(attribute(dom, "data-shown")).isNotEmpty(); // the probe's own script ran
    assertThat(find(dom, "(<body[^>]*>)")).doesNotContain("data-pwned");
    assertThat(dom).doesNotContain("<img").doesNotContain("<svg").contains("&lt;img src=x onerror=");
    String strict = chromium.dumpDom(file, null, 3000);
    assertThat(find(strict, "(<body[^>]*>)")).doesNotContain("data-pwned");
    assertThat(strict).doesNotContain("<script").doesNotContain("<img");
  }

  /**
   * A copy of the page whose policy allows inline script, with a probe that clicks the filters
   * named in the fragment and writes the ids of the rows left visible into body[data-shown].
   */
  private static Path probe(Path page, Path copy) throws Exception {
    String html = Files.readString(page).replace("default-src 'none'; style-src 'unsafe-inline'",
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    String script = "<script>location.hash.slice(1).split(',').filter(Boolean).forEach(function(id){"
        + "document.querySelector('label[for=\"'+id+'\"]').click();});"
        + "var shown=[];document.querySelectorAll('tbody.s').forEach(function(t){"
        + "if(getComputedStyle(t).display!=='none')shown.push(t.querySelector('code').textContent);});"
        + "document.body.setAttribute('data-shown',shown.join(','));</script>";
    Files.writeString(copy, html.replace("</body>", script + "</body>"));
    return copy;
  }

  private static String attribute(String dom, String name) {
    return find(dom, "<body[^>]* " + name + "=\"([^\"]*)\"");
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    assertThat(m.find()).as("%s in the page", regex).isTrue();
    return m.group(1);
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
