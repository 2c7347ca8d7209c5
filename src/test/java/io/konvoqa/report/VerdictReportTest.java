package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Segment;
import io.konvoqa.gate.Verdict;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerdictReportTest {
  private record Attached(String name, String type, String body) {}

  private final Privacy privacy = Privacy.masking(Salt.of("test-salt", "demo"));

  private static Settings settings(String transcripts, String dashboard) {
    return Settings.load(dashboard == null ? Map.of("KONVO_TRANSCRIPTS", transcripts)
        : Map.of("KONVO_TRANSCRIPTS", transcripts, "KONVO_DASHBOARD_URL", dashboard), new Properties());
  }

  private List<Attached> attach(Verdict v, Sample sample, Settings settings) {
    List<Attached> out = new ArrayList<>();
    VerdictReport.attach(privacy.mask(v, sample), sample, settings, privacy,
        (name, type, ext, body) -> out.add(new Attached(name, type, body)));
    return out;
  }

  @Test void csvHoldsEveryOffenderWhileTranscriptsStopAtTheSetting() {
    List<Session> sessions = IntStream.range(0, 25).mapToObj(i -> Fixtures.session("s-" + i,
        Fixtures.WHATSAPP_ID, "call " + Fixtures.PHONE, "refund to " + Fixtures.EMAIL)).toList();
    Sample sample = Fixtures.sample(sessions.toArray(Session[]::new));
    Verdict v = Fixtures.breached(sessions.stream().map(s -> new Offender(s.id(), "refund")).toList());

    List<Attached> out = attach(v, sample, settings("2", null));

    assertThat(out).extracting(Attached::name).containsExactly("Verdict: gate breached", "Verdict table",
        "Offending sessions (25, CSV)", "2 conversations", "2 conversations (text)");
    assertThat(out.get(0).type()).isEqualTo("text/plain");
    assertThat(out.get(0).body()).contains("25 offending sessions (all in the CSV):");
    assertThat(out.get(2).body().lines()).hasSize(26).first().isEqualTo("session_id,reason");
    assertThat(out.get(3).type()).isEqualTo("text/html");
    assertThat(out.get(3).body()).contains("<title>2 conversations</title>")
        .contains("Conversation 1 of 2: s-0</h2>").contains("Conversation 2 of 2: s-1</h2>")
        .doesNotContain("s-2<");
    assertThat(out.get(4).type()).isEqualTo("text/plain");
    assertThat(out.get(4).body()).contains("=== Conversation 1 of 2: s-0 ===\nWhy this session offends: refund")
        .contains("=== Conversation 2 of 2: s-1 ===");
    for (Attached a : out) assertThat(a.body()).doesNotContain(Fixtures.PHONE, Fixtures.EMAIL, Fixtures.WHATSAPP_ID);
  }

  @Test void aFailingGateHasAtMostSixAttachmentsWithEveryTranscriptInOneOfThem() {
    List<Session> sessions = IntStream.range(0, 12).mapToObj(i -> Fixtures.session("s-" + i,
        Fixtures.WEB_ID, "hi " + i, "reply " + i)).toList();
    Verdict v = Fixtures.breached(sessions.stream().map(s -> new Offender(s.id(), "reason " + s.id())).toList());

    List<Attached> out = attach(v, Fixtures.sample(sessions.toArray(Session[]::new)),
        settings("10", "https://app.konvoai.com/sessions/{id}"));

    assertThat(out).hasSizeLessThanOrEqualTo(6);
    Attached html = out.stream().filter(a -> a.name().equals("10 conversations")).findFirst().orElseThrow();
    for (int i = 0; i < 10; i++) {
      assertThat(html.body()).contains("Conversation " + (i + 1) + " of 10: s-" + i + "</h2>")
          .contains("reason s-" + i).contains("https://app.konvoai.com/sessions/s-" + i + "\"")
          .contains("reply " + i + "</div>");
    }
    assertThat(html.body()).doesNotContain("s-10").contains("default-src 'none'");
    assertThat(out.stream().filter(a -> a.name().equals("10 conversations (text)")).findFirst().orElseThrow()
        .body()).contains("=== Conversation 10 of 10: s-9 ===").contains("Dashboard: https://app.konvoai.com/sessions/s-9");
    assertThat(VerdictReport.conversations(1)).isEqualTo("1 conversation");
  }

  @Test void segmentsBecomeABarChartWithTheThresholdLine() {
    Verdict v = Verdict.of("the unresolved rate on each channel is at most 40%", Outcome.BREACHED, "over 40.0%")
        .figure("2 of 2 channels judged")
        .figures(List.of(io.konvoqa.gate.Figure.threshold("at most 40.0% in each channel", 0.4)))
        .evidence(new io.konvoqa.gate.SegmentTable(List.of(
            new Segment(Fixtures.IMG, 6, 0.5, Outcome.BREACHED, "Wilson 95% 18.8% - 81.2%"),
            new Segment("web", 2, null, Outcome.INSUFFICIENT_DATA, "not judged: n=2 < 3")))).build();

    List<Attached> out = attach(v, null, settings("10", null));

    assertThat(out).extracting(Attached::name).containsExactly("Verdict: gate breached", "Verdict table",
        "Chart: per segment");
    assertThat(out.get(2).body()).contains("<svg").contains("class=\"threshold\"").contains("threshold 40.0%")
        .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img", "<script");
    assertThat(GateCharts.threshold(v)).isEqualTo(0.4);
  }

  @Test void aBadDashboardTemplateLeavesLinksOutAndSaysWhy() {
    Verdict v = Fixtures.breached(List.of(new Offender("s-1", "refund")));
    Sample sample = Fixtures.sample(Fixtures.session("s-1", Fixtures.WEB_ID, "hi", "refund"));

    List<Attached> out = attach(v, sample, settings("10", "javascript:alert(1)//{id}"));

    assertThat(out.get(1).body()).contains("No dashboard links: KONVO_DASHBOARD_URL: dashboard URL template"
        + " must start with http:// or https:// but was &#39;javascript:alert(1)//{id}&#39;");
    assertThat(out.get(3).body()).doesNotContain("javascript:");
  }

  @Test void csvCellsNeverStartAFormula() {
    assertThat(OffenderCsv.csv(List.of(new Offender("=HYPERLINK(\"x\")", "+1 \"quoted\"")), null))
        .isEqualTo("session_id,reason\n\"'=HYPERLINK(\"\"x\"\")\",\"'+1 \"\"quoted\"\"\"\n");
  }
}
