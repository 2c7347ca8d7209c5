package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Interval;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FigureTrendTest {
  @TempDir Path dir;
  static final TrendKey GATE = new TrendKey("Outcomes", "Few sessions stay unresolved", 1, 1);
  static final Instant AT = Instant.parse("2026-12-03T06:00:00Z");

  static TrendPoint point(double value) {
    return new TrendPoint("unresolved rate", value > 0.15 ? Outcome.BREACHED : Outcome.PASSED, value, value / 2,
        Math.min(1, value * 2), 0.15);
  }

  static FigureTrend runs(int count) {
    FigureTrend trend = FigureTrend.empty();
    for (int i = 0; i < count; i++) {
      trend = trend.with(new FigureTrend.Run(trend.nextNumber(), AT.plusSeconds(i), Map.of(GATE, point(i / 1000.0))));
    }
    return trend;
  }

  @Test void keepsTheLastHundredRunsAndNumbersOnAcrossTheCap() {
    FigureTrend trend = runs(130);

    assertThat(trend.runs()).hasSize(100);
    assertThat(trend.runs().get(0).number()).isEqualTo(31);
    assertThat(trend.nextNumber()).isEqualTo(131);
  }

  @Test void aSeriesShowsTheGatesLastThirtyRunsWithThisRunLast() {
    TrendSeries series = runs(130).series(GATE, new TrendSeries.Entry(131, AT, point(0.5)));

    assertThat(series.entries()).hasSize(30);
    assertThat(series.entries().get(0).run()).isEqualTo(102);
    assertThat(series.current().point().value()).isEqualTo(0.5);
    assertThat(series.firstRun()).isFalse();
  }

  @Test void aGateNotSeenBeforeIsItsFirstRun() {
    TrendKey renamed = new TrendKey("Outcomes", "Hardly any session stays unresolved", 1, 1);

    assertThat(runs(3).series(renamed, new TrendSeries.Entry(4, AT, point(0.1))).firstRun()).isTrue();
  }

  @Test void writesAndReadsBackEveryFieldAndGap() {
    TrendKey other = new TrendKey("Routing", "Orders", 2, 3);
    TrendPoint gap = new TrendPoint("share", Outcome.INSUFFICIENT_DATA, null, null, null, null);
    FigureTrend trend = FigureTrend.empty().with(new FigureTrend.Run(1, AT, Map.of(GATE, point(0.125))))
        .with(new FigureTrend.Run(2, AT.plusSeconds(60), Map.of(GATE, point(0.2), other, gap)));
    Path file = FigureTrend.file(dir.resolve("reports"));

    trend.write(file);
    FigureTrend read = FigureTrend.read(file, System.err);

    assertThat(read.runs()).isEqualTo(trend.runs());
    assertThat(file).hasParent(dir.resolve("reports").resolve("history"));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test void noFileIsNoTrendAndNoWarning() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    assertThat(FigureTrend.read(dir.resolve("none.json"), new PrintStream(console)).runs()).isEmpty();
    assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"format\": 1, \"runs\": [", "{\"format\": 2, \"runs\": []}", "[]",
      "{\"format\": 1, \"runs\": [{\"run\": 1, \"at\": \"yesterday\", \"gates\": []}]}",
      "{\"format\": 1, \"runs\": [{\"run\": 1, \"at\": \"2026-12-03T06:00:00Z\", \"gates\": [{\"outcome\": \"PASSED\"}]}]}",
      "{\"format\": 1, \"runs\": [{\"run\": 1, \"at\": \"2026-12-03T06:00:00Z\", \"gates\": [{\"feature\": \"f\","
          + " \"scenario\": \"s\", \"example\": 1, \"gate\": 1, \"figure\": \"r\", \"outcome\": \"PASSED\", \"value\": 7}]}]}"})
  void anUnreadableFileWarnsAndStartsAfresh(String content) throws IOException {
    Path file = dir.resolve("figures.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    FigureTrend trend = FigureTrend.read(file, new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(trend.runs()).isEmpty();
    assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("konvo-qa: WARNING: the figure trends in " + file
        + " could not be read (").contains("): the trends start afresh with this run, and the file is replaced at its end");
  }

  @Test void thePointOfARateGateIsItsRateIntervalAndThreshold() {
    Verdict v = Verdict.of("the unresolved rate is at most 15%", Outcome.PASSED, "ok")
        .figures(List.of(Figure.rate("unresolved rate", "10.0%", 0.1), Figure.n("n (completed sessions)", 20),
            Figure.interval("Wilson 99% interval", new Interval(0.01, 0.4, 0.99)),
            Figure.interval("Wilson 95% interval", new Interval(0.03, 0.3, 0.95)),
            Figure.threshold("at most 15%", 0.15))).build();

    assertThat(TrendPoint.of(v)).isEqualTo(new TrendPoint("unresolved rate", Outcome.PASSED, 0.1, 0.03, 0.3, 0.15));
  }

  @Test void theNeverGatesFollowTheShareOfOffendingSessionsAgainstZero() {
    Verdict v = Verdict.of("no AI reply contains \"refund\"", Outcome.BREACHED, "2 of 40")
        .figures(List.of(Figure.count("sessions that have an AI reply", 2), Figure.n("n (sessions)", 40),
            Figure.threshold("none", null))).build();

    assertThat(TrendPoint.of(v)).isEqualTo(new TrendPoint("share of sessions", Outcome.BREACHED, 0.05, null, null, 0.0));
  }

  /** A judged zero-tolerance gate ("no session fails the rubric") has a count and n but no threshold figure. */
  @Test void aShareWithoutAThresholdFigureHasNoThreshold() {
    Verdict v = Verdict.of("no session fails the rubric \"return-policy\"", Outcome.BREACHED, "61 of 228")
        .figures(List.of(Figure.count("sessions failing the rubric", 61), Figure.n("n (graded sessions)", 228))).build();

    assertThat(TrendPoint.of(v)).isEqualTo(new TrendPoint("share of graded sessions", Outcome.BREACHED, 61.0 / 228, null, null, null));
  }

  @Test void aGateWithoutASingleShareHasNoPointAndOneThatCouldNotJudgeIsAGap() {
    Verdict perSegment = Verdict.of("the unresolved rate on each channel is at most 15%", Outcome.PASSED, "ok")
        .figures(List.of(Figure.threshold("at most 15% in each channel", 0.15))).build();
    Verdict notJudged = Verdict.notJudged("the unresolved rate is at most 15%", Outcome.DATA_UNAVAILABLE, "outage");

    assertThat(TrendPoint.of(perSegment)).isNull();
    assertThat(TrendPoint.of(notJudged)).isEqualTo(new TrendPoint("share", Outcome.DATA_UNAVAILABLE, null, null, null, null));
  }
}
