package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Interval;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTableTest {
  private static final VerdictTable.Offenders TWO = new VerdictTable.Offenders(2,
      new DashboardLink("https://app.konvoai.com/s/{id}"), null);

  private static Verdict rate() {
    return Verdict.of("the unresolved rate is at most 15%", Outcome.BREACHED,
        "unresolved rate 41.7% of 12 completed sessions is not at most 15.0% (Wilson 95%: 19.3% - 68.0%)")
        .figure("unresolved rate 41.7% of 12 completed sessions")
        .figures(List.of(Figure.rate("unresolved rate", "41.7%", 5 / 12.0), Figure.n("n (completed sessions)", 12),
            Figure.count("counted", 5), Figure.interval("Wilson 95% interval", new Interval(0.193, 0.680, 0.95)),
            Figure.threshold("at most 15.0%", 0.15)))
        .offenders(List.of(new Offender("s-1", "unresolved"), new Offender("s-2", "unresolved"),
            new Offender("s-3", "unresolved"))).build();
  }

  @Test void startsWithClaimResultReasonMeasuredNWilsonAndThreshold() {
    String html = VerdictTable.html(rate(), true, TWO);

    assertThat(html).contains("<table class=\"verdict\">\n"
        + "<tr><th>claimed</th><td>the unresolved rate is at most 15%</td></tr>\n"
        + "<tr><th>result</th><td class=\"breached\">gate breached</td></tr>\n"
        + "<tr><th>reason</th><td>unresolved rate 41.7% of 12 completed sessions is not at most 15.0%"
        + " (Wilson 95%: 19.3% - 68.0%)</td></tr>\n"
        + "<tr><th>measured</th><td>unresolved rate 41.7% of 12 completed sessions</td></tr>\n"
        + "<tr><th>n</th><td>12 completed sessions</td></tr>\n"
        + "<tr><th>Wilson 95% interval</th><td>19.3% - 68.0%</td></tr>\n"
        + "<tr><th>threshold</th><td>at most 15.0%</td></tr>\n"
        + "<tr><th>offending sessions</th><td>3</td></tr>\n"
        + "<tr><th>personal data</th><td>masked</td></tr>\n</table>\n");
    assertThat(html).contains("<tr><th>unresolved rate</th><td>41.7%</td></tr>\n<tr><th>counted</th><td>5</td></tr>");
  }

  @Test void listsTheFirstOffendersWithDashboardLinksAndPointsToTheCsvForAll() {
    String html = VerdictTable.html(rate(), true, TWO);

    assertThat(html).contains("All 3 with their reasons are in the CSV attachment; the first 2 are attached as transcripts:")
        .contains("<tr><td>s-2</td><td>unresolved</td><td><a href=\"https://app.konvoai.com/s/s-2\"")
        .doesNotContain("<td>s-3</td>");
  }

  @Test void aCouldNotJudgeVerdictSaysWhy() {
    Verdict v = Verdict.notJudged("the unresolved rate is at most 15%", Outcome.INSUFFICIENT_DATA,
        "only 2 completed sessions, fewer than the minimum sample of 30");

    assertThat(VerdictTable.html(v, true, TWO))
        .contains("<tr><th>result</th><td class=\"not-judged\">could not judge: insufficient data</td></tr>\n"
            + "<tr><th>why not judged</th><td>only 2 completed sessions, fewer than the minimum sample of 30</td></tr>")
        .doesNotContain("<h3>Offending sessions</h3>");
  }

  @Test void escapesHostileClaimsReasonsFiguresAndIds() {
    Verdict v = Verdict.of(Fixtures.SCRIPT, Outcome.BREACHED, Fixtures.IMG).figure(Fixtures.SVG)
        .figures(List.of(new Figure(Fixtures.SVG, Fixtures.SCRIPT), Figure.threshold(Fixtures.IMG, null)))
        .offenders(List.of(new Offender("s" + Fixtures.SVG, Fixtures.IMG))).build();

    String html = VerdictTable.html(v, true, TWO);

    for (String hostile : Fixtures.HOSTILE) assertThat(html).doesNotContain(hostile);
    assertThat(html).doesNotContain("<script", "<img", "<svg")
        .contains("<title>Verdict: &lt;script&gt;alert(1)&lt;/script&gt;</title>")
        .contains("<tr><th>&quot;&gt;&lt;svg onload=alert(1)&gt;</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>")
        .contains("<tr><td>s&quot;&gt;&lt;svg onload=alert(1)&gt;</td><td>&lt;img src=x onerror=alert(1)&gt;</td>")
        .contains("href=\"https://app.konvoai.com/s/s%22%3E%3Csvg%20onload%3Dalert%281%29%3E\"")
        .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
  }

  @Test void unmaskedSaysSoAtTheTop() {
    String html = VerdictTable.html(rate(), false, TWO);

    assertThat(html).contains("<body>\n<p class=\"warning\">Personal data NOT MASKED (KONVO_MASK_PERSONAL_DATA=false)")
        .contains("<tr><th>personal data</th><td class=\"breached\">NOT MASKED</td></tr>");
  }

  @Test void aPassingGateKeepsItsTable() {
    Verdict v = Verdict.of("no AI reply contains 'x'", Outcome.PASSED, "no sessions with an AI reply contains 'x'")
        .figure("0 of 12").figures(List.of(Figure.threshold("none", null))).build();

    assertThat(VerdictTable.html(v, true, TWO)).contains("<tr><th>result</th><td class=\"passed\">passed</td></tr>");
  }
}
