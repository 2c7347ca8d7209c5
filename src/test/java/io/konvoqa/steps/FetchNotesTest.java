package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.gate.Figure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nothing fetched goes unmentioned: every verdict over a window says how complete it was. */
class FetchNotesTest {
  private static FetchSummary fetched(Integer count, Integer countAtEnd, int received, int duplicates,
      int conflicts, int outside, int undated, int mayBeMissing) {
    return new FetchSummary(6, 6, 0, count, countAtEnd, received, duplicates, conflicts, outside, undated,
        mayBeMissing, 0, received - duplicates - outside - undated, "pages numbered from 1", Duration.ZERO);
  }

  @Test void aCleanFetchAddsNothing() {
    assertThat(FetchNotes.of(FetchSummary.clean(5, 5, 1000, Duration.ZERO))).isEmpty();
  }

  @Test void anyShortfallIsNamedHoweverSmall() {
    assertThat(FetchNotes.of(fetched(20_000, 20_000, 19_999, 0, 0, 0, 0, 0)))
        .containsExactly(new Figure("completeness", "1 of 20,000 sessions in the window was not served"));
    assertThat(FetchNotes.of(fetched(20_000, 20_000, 19_800, 0, 0, 0, 0, 0)))
        .containsExactly(new Figure("completeness", "200 of 20,000 sessions in the window were not served"));
  }

  @Test void eachKindOfShortfallIsNamedWithItsCount() {
    assertThat(FetchNotes.of(fetched(1200, 1210, 1025, 25, 2, 2, 1, 3)))
        .extracting(Figure::name, Figure::value)
        .containsExactly(
            tuple("completeness", "210 of 1,210 sessions in the window were not served;"
                + " 1 session had no timestamp to place it in the window;"
                + " 2 sessions were served in two copies that differ in content, with no later last_updated to choose between them;"
                + " 3 sessions may have been skipped while the window changed during paging;"
                + " the count changed from 1,200 to 1,210 while the window was paged"),
            tuple("set aside", "2 sessions the API sent were outside the window: not judged"),
            tuple("duplicates dropped", "25 sessions came twice while paging and were counted once"));
  }

  @Test void aWindowWithoutACountSaysItsCompletenessCouldNotBeChecked() {
    assertThat(FetchNotes.of(fetched(null, null, 40, 0, 0, 0, 0, 0)))
        .containsExactly(new Figure("completeness", "completeness could not be checked: the API sent no count"));
  }

  @Test void moreSessionsThanCountedAreNotedButNotAShortfall() {
    assertThat(FetchNotes.of(fetched(1000, 1000, 1010, 0, 0, 0, 0, 0)))
        .containsExactly(new Figure("count mismatch", "the API claimed 1,000 sessions in the window but served"
            + " 1,010 distinct ones (sessions can move while a window is paged)"));
  }
}
