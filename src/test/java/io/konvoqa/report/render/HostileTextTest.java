package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.session.SessionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every renderer against text that would run script if it reached the markup unescaped. */
class HostileTextTest {
  private static final Instant T0 = Instant.parse("2026-02-25T16:46:34.206Z");

  private static Session hostileSession() {
    String id = "s" + Hostile.SVG;
    return new Session(id, Hostile.QUOTE, null, null, Hostile.IMG, Hostile.SCRIPT, T0,
        new SessionStatus(id, false, null, null, null, null),
        new SessionState(id, Hostile.IMG, Hostile.SVG,
            List.of("{\"say\":\"" + Hostile.SCRIPT + "\"}", Hostile.IMG)),
        List.of(new Message("m1", id, "RECIPIENT", Hostile.SCRIPT + Hostile.QUOTE, T0),
            new Message("m2", id, "AI", Hostile.IMG, T0.plusSeconds(3)),
            new Message("m3", id, Hostile.SVG, Hostile.SVG, T0.plusSeconds(4))));
  }

  @Test void transcriptEscapesMessagesHeaderTrailOriginsAndReason() {
    var options = new TranscriptOptions(null,
        "https://app.konvoai.com/s/{id}?x=\"onmouseover=alert(1)");

    String html = Transcript.html(hostileSession(), Hostile.SCRIPT, options);

    Hostile.assertNoneUnescaped(html);
    assertThat(html)
        .contains("<div class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt;it&#39;s "
            + "&quot;quoted&quot;</div>")
        .contains("<span class=\"who\">Other (&quot;&gt;&lt;svg onload=alert(1)&gt;)</span>")
        .contains("<tr><th>Channel</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>")
        .contains("<a href=\"https://app.konvoai.com/s/s%22%3E%3Csvg%20onload%3Dalert%281%29%3E"
            + "?x=&quot;onmouseover=alert(1)\"")
        .contains("<li><pre>&lt;img src=x onerror=alert(1)&gt;</pre></li>");
  }

  @Test void textTranscriptNeutralisesControlCharacters() {
    Session session = new Session("s-c", null, null, null, null, null, null, null, null,
        List.of(new Message("m", "s-c", "RECIPIENT", "red \u001B[31mtext\r\nnext", T0)));

    assertThat(Transcript.text(session, "bell\u0007", null))
        .startsWith("Why this session offends: bell\uFFFD\n")
        .contains("] Customer: red \uFFFD[31mtext\n    next\n");
  }

  @Test void transcriptTitleEscapesTheSessionId() {
    String html = Transcript.html(hostileSession(), null, null);

    assertThat(html).contains("<title>Transcript s&quot;&gt;&lt;svg onload=alert(1)&gt;</title>");
  }

  @Test void barChartEscapesTitleLabelsAndNotes() {
    String svg = Charts.barChart(Hostile.SCRIPT, List.of(
        new Charts.Bar(Hostile.IMG, 0.5, Hostile.SVG),
        new Charts.Bar(Hostile.QUOTE, 0.1, null)), 0.2);

    Hostile.assertNoneUnescaped(svg);
    assertThat(svg).contains("text-anchor=\"end\">&lt;img src=x onerror=alert(1)&gt;</text>")
        .contains(">50.0%  &quot;&gt;&lt;svg onload=alert(1)&gt;</text>");
    Hostile.assertNoneUnescaped(Charts.page(Hostile.SVG, svg));
  }

  @Test void heatTableEscapesTitleRowsColumnsAndExpectations() {
    String table = Charts.heatTable(Hostile.SCRIPT, List.of(Hostile.IMG, Hostile.QUOTE),
        List.of(Hostile.SVG, "WISMO"), new long[][] {{1, 2}, {3, 4}},
        Map.of(Hostile.IMG, Hostile.SVG, Hostile.QUOTE, Hostile.SCRIPT));

    Hostile.assertNoneUnescaped(table);
    assertThat(table).contains("<th style=\"" + HeatTable.HEAD
        + "\">&quot;&gt;&lt;svg onload=alert(1)&gt;</th>");
    Hostile.assertNoneUnescaped(Charts.page(Hostile.QUOTE, table));
  }
}
