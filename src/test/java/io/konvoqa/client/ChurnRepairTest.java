package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Window;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnRepairTest {
  private static final Window WINDOW = new Window(at(0), at(1000));

  @Test void asksForTheStretchBetweenPagesServedWithDifferentCounts() {
    // given oldest-first pages; the count fell between pages 2 and 3 only
    List<ChurnRepair.Edge> edges = List.of(
        new ChurnRepair.Edge(at(1), at(100), 500),
        new ChurnRepair.Edge(at(101), at(200), 500),
        new ChurnRepair.Edge(at(205), at(300), 498));

    // then only that boundary is asked for again, both ends included
    assertThat(ChurnRepair.gaps(edges, WINDOW, false)).containsExactly(new Window(at(200), at(205)));
  }

  @Test void newestFirstPagesGiveTheSameStretchTheOtherWayRound() {
    List<ChurnRepair.Edge> edges = List.of(
        new ChurnRepair.Edge(at(300), at(205), 500),
        new ChurnRepair.Edge(at(200), at(101), 499));

    assertThat(ChurnRepair.gaps(edges, WINDOW, true)).containsExactly(new Window(at(200), at(205)));
  }

  @Test void mergesStretchesThatTouch() {
    List<ChurnRepair.Edge> edges = List.of(
        new ChurnRepair.Edge(at(1), at(100), 500),
        new ChurnRepair.Edge(at(100), at(100), 499),
        new ChurnRepair.Edge(at(102), at(150), 498));

    assertThat(ChurnRepair.gaps(edges, WINDOW, false)).containsExactly(new Window(at(100), at(102)));
  }

  @Test void afterTheLastPageWithSessionsTheStretchRunsToTheWindowsEndOrStart() {
    // given the page after the last full one came back empty, with a smaller count
    List<ChurnRepair.Edge> oldestFirst = List.of(
        new ChurnRepair.Edge(at(1), at(600), 200), new ChurnRepair.Edge(null, null, 199));
    List<ChurnRepair.Edge> newestFirst = List.of(
        new ChurnRepair.Edge(at(900), at(400), 200), new ChurnRepair.Edge(null, null, 199));

    assertThat(ChurnRepair.gaps(oldestFirst, WINDOW, false)).containsExactly(new Window(at(600), at(1000)));
    assertThat(ChurnRepair.gaps(newestFirst, WINDOW, true)).containsExactly(new Window(at(0), at(400)));
  }

  @Test void clipsToTheWindow() {
    List<ChurnRepair.Edge> edges = List.of(
        new ChurnRepair.Edge(at(990), at(1000), 10),
        new ChurnRepair.Edge(at(1000), at(1000), 9));

    assertThat(ChurnRepair.gaps(edges, WINDOW, false)).containsExactly(new Window(at(1000), at(1000)));
  }

  private static Instant at(int second) {
    return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(second);
  }
}
