package io.konvoqa.run;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.report.FigureTrend;
import io.konvoqa.report.TrendKey;
import io.konvoqa.report.TrendPoint;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real gate runs, one after another into the same reports: each gate's figure carries over. */
class FigureTrendRunTest {
  @TempDir Path dir;

  static final String FEATURE = """
      Feature: Outcomes

        Background:
          Given the sessions updated in the last 7 days
          And at least 10 sessions are needed

        Scenario: Few sessions stay unresolved
          Then the unresolved rate is at most 15%
      """;

  /** 20 completed sessions, {@code unresolved} of them unresolved. */
  static List<Session> sessions(int unresolved) {
    return IntStream.range(0, 20).mapToObj(i -> i < unresolved
        ? session("s-" + i).unresolved().customer("where is my order?").ai("Let me check.").build()
        : session("s-" + i).customer("where is my order?").ai("It ships today.").build()).toList();
  }

  @Test void threeRunsOverChangingDataGiveThreePointsInOrderWithTheirValues() throws IOException {
    GateRunFixture runs = new GateRunFixture(dir);
    List<String> tables = new ArrayList<>();
    for (int unresolved : new int[] {2, 5, 1}) {
      runs.sessions(sessions(unresolved)).run(FEATURE);
      tables.add(verdictTable(runs.reports()));
    }

    FigureTrend trend = FigureTrend.read(FigureTrend.file(runs.reports()), System.err);
    TrendKey key = new TrendKey("Outcomes", "Few sessions stay unresolved", 1, 1);
    assertThat(trend.runs()).extracting(FigureTrend.Run::number).containsExactly(1, 2, 3);
    assertThat(trend.runs()).extracting(r -> r.gates().get(key).value()).containsExactly(0.10, 0.25, 0.05);
    TrendPoint last = trend.runs().get(2).gates().get(key);
    assertThat(last.figure()).isEqualTo("unresolved rate");
    assertThat(last.threshold()).isEqualTo(0.15);
    assertThat(last.low()).isLessThan(0.05);
    assertThat(last.high()).isGreaterThan(0.05);

    assertThat(tables.get(0)).contains("first run of this gate: no trend yet").doesNotContain("<svg");
    String third = tables.get(2);
    assertThat(points(third)).containsExactly("run 1", "run 2", "run 3 (this run)");
    assertThat(third).contains("run 1, 2026-11-27 12:00 UTC: 10.0%", "run 2, 2026-11-27 12:00 UTC: 25.0%",
        "run 3 (this run), 2026-11-27 12:00 UTC: 5.0%", ", threshold 15.0%, gate breached", "this run (run 3: 5.0%)");
    assertThat(third).contains("class=\"threshold\"").doesNotContain("<script");
    assertThat(cy(third)).hasSize(3);
    List<Double> y = cy(third);
    assertThat(y.get(1)).isLessThan(y.get(0)); // 25% is drawn higher than 10%
    assertThat(y.get(2)).isGreaterThan(y.get(0)); // and 5% lower
  }

  @Test void gatesAreMatchedByFeatureAndScenarioNameNotByPlace() throws IOException {
    GateRunFixture runs = new GateRunFixture(dir);
    runs.sessions(sessions(2)).run(FEATURE + """

          Scenario: Few sessions go to a human agent
            Then at most 10% of sessions are handed over to a human agent
        """);
    // the next run lists the scenarios the other way round, and renames the first
    runs.sessions(sessions(4)).run("""
        Feature: Outcomes

          Background:
            Given the sessions updated in the last 7 days
            And at least 10 sessions are needed

          Scenario: Few sessions go to a human agent
            Then at most 10% of sessions are handed over to a human agent

          Scenario: Hardly any session stays unresolved
            Then the unresolved rate is at most 15%
        """);

    FigureTrend trend = FigureTrend.read(FigureTrend.file(runs.reports()), System.err);
    TrendKey handover = new TrendKey("Outcomes", "Few sessions go to a human agent", 1, 1);
    assertThat(trend.runs()).extracting(r -> r.gates().get(handover).value()).containsExactly(0.0, 0.0);
    assertThat(trend.runs().get(1).gates()).containsKey(new TrendKey("Outcomes", "Hardly any session stays unresolved", 1, 1));
    assertThat(trend.series(new TrendKey("Outcomes", "Hardly any session stays unresolved", 1, 1),
        new io.konvoqa.report.TrendSeries.Entry(3, java.time.Instant.EPOCH, trend.runs().get(1).gates()
            .get(new TrendKey("Outcomes", "Hardly any session stays unresolved", 1, 1)))).entries()).hasSize(2);
    List<String> tables = verdictTables(runs.reports());
    assertThat(tables).filteredOn(t -> t.contains("handed over")).singleElement()
        .satisfies(t -> assertThat(points(t)).containsExactly("run 1", "run 2 (this run)"));
    assertThat(tables).filteredOn(t -> t.contains("unresolved rate is at most")).singleElement()
        .satisfies(t -> assertThat(t).contains("first run of this gate: no trend yet"));
  }

  @Test void twoGatesOfAScenarioKeepTheirOwnTrendsAndAPerSegmentGateSaysWhyItHasNone() throws IOException {
    String feature = """
        Feature: Outcomes

          Background:
            Given the sessions updated in the last 7 days
            And at least 10 sessions are needed

          Scenario: Resolved without a human
            Then the unresolved rate is at most 15%
            And at most 10% of sessions are handed over to a human agent

          Scenario: Every channel
            Then the unresolved rate on each channel is at most 30%
        """;
    GateRunFixture runs = new GateRunFixture(dir);
    runs.sessions(sessions(2)).run(feature);
    runs.sessions(sessions(1)).run(feature);

    FigureTrend trend = FigureTrend.read(FigureTrend.file(runs.reports()), System.err);
    assertThat(trend.runs()).allSatisfy(r -> assertThat(r.gates().keySet()).containsExactly(
        new TrendKey("Outcomes", "Resolved without a human", 1, 1), new TrendKey("Outcomes", "Resolved without a human", 1, 2)));
    assertThat(trend.runs()).extracting(r -> r.gates().get(new TrendKey("Outcomes", "Resolved without a human", 1, 1)).figure())
        .containsExactly("unresolved rate", "unresolved rate");
    assertThat(trend.runs()).extracting(r -> r.gates().get(new TrendKey("Outcomes", "Resolved without a human", 1, 2)).figure())
        .containsExactly("handover rate", "handover rate");
    assertThat(verdictTables(runs.reports())).filteredOn(t -> t.contains("on each channel")).singleElement()
        .satisfies(t -> assertThat(t).contains("no trend: this gate judges each segment or trigger phrase on its own")
            .doesNotContain("<svg"));
  }

  @Test void aRunThatCouldNotJudgeIsAGapThatCounts() throws IOException {
    GateRunFixture runs = new GateRunFixture(dir);
    runs.sessions(sessions(2)).run(FEATURE);
    runs.sessions(sessions(2).subList(0, 5)).run(FEATURE); // 5 of the 10 needed
    runs.sessions(sessions(3)).run(FEATURE);

    FigureTrend trend = FigureTrend.read(FigureTrend.file(runs.reports()), System.err);
    TrendKey key = new TrendKey("Outcomes", "Few sessions stay unresolved", 1, 1);
    assertThat(trend.runs()).extracting(r -> r.gates().get(key).value()).containsExactly(0.10, null, 0.15);
    String table = verdictTable(runs.reports());
    assertThat(points(table)).containsExactly("run 1", "run 2", "run 3 (this run)");
    assertThat(table).contains("run 2, 2026-11-27 12:00 UTC: no value, could not judge: insufficient data")
        .contains("class=\"gap\"").containsPattern("<path class=\"threshold\" d=\"M48.0 ([0-9.]+) L448.0 \\1\""); // unbroken by the gap
  }

  @Test void aCorruptTrendFileWarnsAndStartsAfresh() throws IOException {
    GateRunFixture runs = new GateRunFixture(dir);
    Path file = FigureTrend.file(runs.reports());
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"format\": 1, \"runs\": [{\"run\": 1, \"at\": ", StandardCharsets.UTF_8);

    runs.sessions(sessions(2)).run(FEATURE);

    assertThat(runs.summary().exitCode()).isEqualTo(0);
    assertThat(runs.console()).contains("konvo-qa: WARNING: the figure trends in " + file
        + " could not be read (not valid JSON");
    assertThat(runs.console()).contains("the trends start afresh with this run, and the file is replaced at its end");
    assertThat(verdictTable(runs.reports())).contains("first run of this gate: no trend yet");
    assertThat(FigureTrend.read(file, System.err).runs()).singleElement()
        .satisfies(r -> assertThat(r.number()).isEqualTo(1));
  }

  /** The hover titles' first words, one per run drawn. */
  static List<String> points(String html) {
    Matcher m = Pattern.compile("<g class=\"run(?: current)?\"><title>([^,]*),").matcher(html);
    List<String> runs = new ArrayList<>();
    while (m.find()) runs.add(m.group(1));
    return runs;
  }

  static List<Double> cy(String html) {
    Matcher m = Pattern.compile("<circle class=\"point\" cx=\"[0-9.]+\" cy=\"([0-9.]+)\"").matcher(html);
    List<Double> y = new ArrayList<>();
    while (m.find()) y.add(Double.parseDouble(m.group(1)));
    return y;
  }

  static String verdictTable(Path reports) throws IOException {
    List<String> tables = verdictTables(reports);
    assertThat(tables).hasSize(1);
    return tables.get(0);
  }

  /** The verdict tables of the last run, read from its Allure results. */
  static List<String> verdictTables(Path reports) throws IOException {
    Path results = reports.resolve("allure-results");
    List<String> tables = new ArrayList<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String html = Files.readString(f, StandardCharsets.UTF_8);
        if (html.contains("<table class=\"verdict\">")) tables.add(html);
      }
    }
    return tables;
  }
}
