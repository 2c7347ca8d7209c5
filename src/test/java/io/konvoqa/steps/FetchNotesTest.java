package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.gate.Figure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nothing fetched goes unmentioned: every verdict over a window says how complete it was. */
class FetchNotesTest {
  @Test void aCleanFetchAddsNothing() {
    assertThat(FetchNotes.of(FetchSummary.clean(5, 5, 1000, Duration.ZERO))).isEmpty();
  }

  @Test void aWindowServedWithoutCountSaysItsCompletenessCouldNotBeChecked() {
    assertThat(FetchNotes.of(new FetchSummary(2, 3, 0, null, null, 300, 0, 0, 0, 0, 0, 0, 300,
        "pages numbered from 1", Duration.ZERO)))
        .extracting(Figure::name, Figure::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("no count", "the API sent no count, so"
            + " whether the window is complete could not be checked against one"));
  }

  @Test void aCountTheServerDidNotKeepSetAsideAndDuplicatesAreNoted() {
    assertThat(FetchNotes.of(new FetchSummary(6, 6, 0, 1200, 1200, 1025, 25, 0, 2, 1, 0, 0, 997,
        "pages numbered from 1", Duration.ZERO)))
        .extracting(Figure::name, Figure::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("count mismatch", "the API claimed 1,200 sessions in the window"
                + " but served 1,000 distinct ones: the window may be incomplete (sessions can move while a"
                + " window is paged)"),
            org.assertj.core.groups.Tuple.tuple("set aside", "3 sessions the API sent were outside the window"
                + " or had no timestamp: not judged"),
            org.assertj.core.groups.Tuple.tuple("duplicates dropped", "25 sessions came twice while paging and"
                + " were counted once"));
  }
}
