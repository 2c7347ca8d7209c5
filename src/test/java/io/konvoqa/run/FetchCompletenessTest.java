package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.gate.Completeness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The completeness a gate decides from counts every session of the window it cannot be sure of. */
class FetchCompletenessTest {
  private static FetchSummary fetched(Integer count, Integer countAtEnd, int distinct, int conflicts,
      int undated, int mayBeMissing) {
    return new FetchSummary(1, 1, 0, count, countAtEnd, distinct, 0, conflicts, 0, undated, mayBeMissing, 0,
        distinct - undated, "pages numbered from 1", Duration.ZERO);
  }

  @Test void aWholeWindowIsWhole() {
    assertThat(FetchCompleteness.of(FetchSummary.clean(1, 1, 300, Duration.ZERO))).isEqualTo(Completeness.WHOLE);
  }

  @Test void sessionsNotServedUndatedConflictingAndPossiblySkippedAllCount() {
    Completeness completeness = FetchCompleteness.of(fetched(300, 300, 200, 2, 1, 4));

    assertThat(completeness.uncertain()).isEqualTo(100 + 2 + 1 + 4);
    assertThat(completeness.reason()).isEqualTo("100 of 300 sessions in the window were not served;"
        + " 1 session had no timestamp to place it in the window;"
        + " 2 sessions were served in two copies that differ in content, with no later last_updated to choose between them;"
        + " 4 sessions may have been skipped while the window changed during paging");
  }

  @Test void theLargerCountOfAWindowThatChangedWhilePagedIsTheOneShort() {
    assertThat(FetchCompleteness.of(fetched(300, 310, 300, 0, 0, 0))).isEqualTo(new Completeness(10,
        "10 of 310 sessions in the window were not served; the count changed from 300 to 310 while the window was paged"));
  }

  @Test void withoutACountNothingIsKnownMissingButTheReasonSaysSo() {
    assertThat(FetchCompleteness.of(fetched(null, null, 40, 0, 3, 0))).isEqualTo(new Completeness(3,
        "3 sessions had no timestamp to place them in the window;"
            + " completeness could not be checked: the API sent no count"));
  }

  @Test void aNoteFollowsAWindowOnlyWhenItIsIncomplete() {
    assertThat(FetchCompleteness.note(FetchSummary.clean(1, 1, 300, Duration.ZERO))).isEmpty();
    assertThat(FetchCompleteness.note(fetched(300, 300, 299, 0, 0, 0)))
        .isEqualTo(" (1 of 300 sessions in the window was not served)");
  }
}
