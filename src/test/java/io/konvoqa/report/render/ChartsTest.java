package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.report.render.Charts.Bar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test void barWidthsAreProportionalToTheValues() {
    String svg = Charts.barChart("Unresolved rate by channel", List.of(
        new Bar("whatsapp", 0.5, null), new Bar("web", 0.125, null), new Bar("email", 0, null),
        new Bar("sms", 1, null)), null);

    assertThat(svg)
        .contains("<rect x=\"240\" y=\"36\" width=\"200.0\" height=\"16\" fill=\"#4e79a7\"/>")
        .contains("<rect x=\"240\" y=\"60\" width=\"50.0\" height=\"16\" fill=\"#4e79a7\"/>")
        .contains("<rect x=\"240\" y=\"84\" width=\"0.0\" height=\"16\" fill=\"#4e79a7\"/>")
        .contains("<rect x=\"240\" y=\"108\" width=\"400.0\" height=\"16\" fill=\"#4e79a7\"/>")
        .doesNotContain("<line");
  }

  @Test void valuesArePrintedAsPercentagesWithTheirNotes() {
    String svg = Charts.barChart("t", List.of(new Bar("web", 0.125, "3 of 24 sessions")), null);

    assertThat(svg).contains("<text x=\"652\" y=\"48\">12.5%  3 of 24 sessions</text>")
        .contains("<title>web: 12.5%  3 of 24 sessions</title>");
  }

  @Test void thresholdLineIsDashedAtItsValueAndBarsOverItWarn() {
    String svg = Charts.barChart("t", List.of(
        new Bar("over", 0.3, null), new Bar("at", 0.25, null), new Bar("under", 0.1, null)), 0.25);

    // the axis runs to 50%: 10% room above the longest bar (30%)
    assertThat(svg)
        .contains("<line class=\"threshold\" x1=\"440.0\" y1=\"30\" x2=\"440.0\" y2=\"108\""
            + " stroke=\"#e15759\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>")
        .contains(">threshold 25.0%</text>")
        .contains(">50.0%</text>")
        .contains("y=\"36\" width=\"240.0\" height=\"16\" fill=\"#e15759\"/>")
        .contains("y=\"60\" width=\"200.0\" height=\"16\" fill=\"#4e79a7\"/>")
        .contains("y=\"84\" width=\"80.0\" height=\"16\" fill=\"#4e79a7\"/>");
  }

  @Test void smallRatesGetAnAxisTheyCanBeSeenOn() {
    String svg = Charts.barChart("t", List.of(new Bar("whatsapp", 0.096, null), new Bar("email", 0.11, null)), 0.15);

    assertThat(svg).contains(">20.0%</text>")
        .contains("y=\"36\" width=\"192.0\" height=\"16\" fill=\"#4e79a7\"/>")
        .contains("x1=\"540.0\"");
  }

  @Test void longLabelsAreShortenedButKeptWholeInTheTooltip() {
    String label = "where is my order and when will it finally arrive at my door";
    String svg = Charts.barChart("t", List.of(new Bar(label, 0.2, null)), null);

    assertThat(svg).contains(">where is my order and when will it…</text>")
        .contains("<title>" + label + ": 20.0%</title>");
  }

  @Test void emptyChartSaysNoData() {
    assertThat(Charts.barChart("t", List.of(), 0.1)).contains(">no data</text>");
  }

  @Test void rejectsValuesThatAreNotRates() {
    assertThatThrownBy(() -> new Bar("web", 1.5, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bar 'web' value must be a rate 0..1 but was 1.5");
    assertThatThrownBy(() -> new Bar("web", Double.NaN, null))
        .hasMessage("bar 'web' value must be a rate 0..1 but was NaN");
    assertThatThrownBy(() -> Charts.barChart("t", List.of(), 12.0))
        .hasMessage("threshold must be a rate 0..1 but was 12.0");
  }

  @Test void pageWrapsAChartInAStandaloneDocument() {
    String svg = Charts.barChart("Rates", List.of(new Bar("web", 0.5, null)), null);

    String page = Charts.page("Rates & more", svg);

    assertThat(page)
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
        .contains("<title>Rates &amp; more</title>")
        .contains("<body>\n<h1>Rates &amp; more</h1>\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .endsWith("</svg>\n</body>\n</html>\n")
        .doesNotContainIgnoringCase("<script");
  }

  @Test void pageRefusesMarkupThatIsNotAChart() {
    assertThatThrownBy(() -> Charts.page("t", "<p>hi</p>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chart must be markup from Charts.barChart or Charts.heatTable, starting with"
            + " <svg or <table, but was '<p>hi</p>'");
  }

  @Test void heatTableShadesByRowShareOutlinesTheExpectedColumnAndTotalsRows() {
    String table = Charts.heatTable("Trigger phrase by sub_intent_type",
        List.of("where is my order", "cancel"), List.of("WISMO", "CANCEL"),
        new long[][] {{3, 1}, {0, 0}}, Map.of("where is my order", "WISMO", "cancel", "REFUND"));

    assertThat(table)
        .contains("<td style=\"" + HeatTable.CELL + ";background:rgba(78,121,167,0.75)"
            + HeatTable.EXPECTED + "\" title=\"75.0% of the row\">3</td>")
        .contains("<td style=\"" + HeatTable.CELL + ";background:rgba(78,121,167,0.25)\""
            + " title=\"25.0% of the row\">1</td>")
        .contains("<td style=\"" + HeatTable.CELL + ";font-weight:bold\">4</td></tr>")
        .contains("<td style=\"" + HeatTable.CELL + ";font-weight:bold\">0</td></tr>")
        .contains("expected: REFUND (never seen)")
        .contains("<caption style=\"text-align:left;font-weight:bold;padding:4px 0\">"
            + "Trigger phrase by sub_intent_type</caption>")
        .startsWith("<table");
    assertThat(table.split(HeatTable.EXPECTED, -1)).hasSize(2);
  }

  @Test void heatTableRejectsCountsThatDoNotFitTheLabels() {
    assertThatThrownBy(() -> Charts.heatTable("t", List.of("a", "b"), List.of("X"),
        new long[][] {{1}}, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counts must have one array per row: 2 rows but 1 count arrays");
    assertThatThrownBy(() -> Charts.heatTable("t", List.of("a"), List.of("X", "Y"),
        new long[][] {{1}}, null))
        .hasMessage("counts[0] (row 'a') must have one count per column: 2 columns but 1 counts");
    assertThatThrownBy(() -> Charts.heatTable("t", List.of("a"), List.of("X"),
        new long[][] {{-1}}, null))
        .hasMessage("counts[0][0] (row 'a', column 'X') must be at least 0 but was -1");
  }
}
