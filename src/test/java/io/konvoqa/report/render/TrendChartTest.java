package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {
  static Charts.TrendRun run(int n, Double value, Double threshold) {
    return new Charts.TrendRun("run " + n, "2026-12-0" + n + " 06:00 UTC", value,
        value == null ? null : value / 2, value == null ? null : value * 1.5, threshold, value != null && value > 0.15,
        value == null ? "could not judge: insufficient data" : "passed");
  }

  @Test void drawsOnePointPerJudgedRunTheThresholdDashedAndThisRunMarked() {
    String svg = Charts.trendChart("unresolved rate, last 3 runs",
        List.of(run(1, 0.1, 0.15), run(2, 0.2, 0.15), run(3, 0.05, 0.15)));

    assertThat(svg).startsWith("<svg class=\"trend\"").contains("width=\"560\"").endsWith("</svg>");
    assertThat(count(svg, "<circle class=\"point\"")).isEqualTo(3);
    assertThat(count(svg, "<circle class=\"this-run\"")).isEqualTo(1);
    assertThat(svg).contains("<path class=\"threshold\" d=\"M48.0 ", "stroke-dasharray=\"5 4\"", ">threshold 15.0%</text>");
    assertThat(svg).contains("<title>run 2, 2026-12-02 06:00 UTC: 20.0% (95% interval 10.0% - 30.0%),"
        + " threshold 15.0%, passed</title>");
    assertThat(svg).contains("<title>run 3 (this run), 2026-12-03 06:00 UTC: 5.0%");
    assertThat(svg).contains(">this run (run 3: 5.0%)</text>");
    assertThat(svg).contains("fill=\"#e15759\"/>"); // the 20% point is over the threshold
    assertThat(svg).contains(">0%</text>", ">5%</text>", ">25%</text>").doesNotContain(">30%</text>"); // 20% and 15%: axis to 25%
  }

  @Test void aRunThatCouldNotJudgeBreaksTheLineAndIsMarkedOnTheAxis() {
    String svg = Charts.trendChart("t", List.of(run(1, 0.1, 0.15), run(2, null, null), run(3, 0.05, 0.15)));

    assertThat(count(svg, "<circle class=\"point\"")).isEqualTo(2);
    assertThat(svg).contains("<path class=\"gap\"").contains("run 2, 2026-12-02 06:00 UTC: no value, could not judge");
    assertThat(svg).containsPattern("<path class=\"line\" d=\"M[0-9. ]+ M[0-9. ]+\"");
    assertThat(count(svg, " M")).isGreaterThan(0);
    assertThat(svg).containsPattern("<path class=\"threshold\" d=\"M48.0 [0-9.]+ L448.0 [0-9.]+\"");
  }

  @Test void aChangedThresholdShowsWhereItChanged() {
    String svg = Charts.trendChart("t", List.of(run(1, 0.1, 0.2), run(2, 0.1, 0.2), run(3, 0.1, 0.15)));

    assertThat(svg).containsPattern("<path class=\"threshold\" d=\"M48\\.0 [0-9.]+ L[0-9.]+ [0-9.]+ M[0-9.]+ [0-9.]+ L448\\.0 [0-9.]+\"");
    assertThat(svg).contains(">threshold 15.0%</text>");
  }

  @Test void escapesEveryText() {
    String svg = Charts.trendChart(Hostile.SCRIPT, List.of(new Charts.TrendRun(Hostile.SVG, Hostile.IMG, 0.1, null,
        null, null, false, Hostile.QUOTE)));

    Hostile.assertNoneUnescaped(svg);
    assertThat(svg).contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>");
  }

  @Test void sharesOutsideZeroToOneAreRefusedWithTheRun() {
    assertThatThrownBy(() -> new Charts.TrendRun("run 4", "d", 1.5, null, null, null, false, null))
        .hasMessage("trend run 'run 4' shares must be 0..1 but one was 1.5");
    assertThatThrownBy(() -> Charts.trendChart("t", List.of())).hasMessage("a trend chart needs at least this run");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }
}
