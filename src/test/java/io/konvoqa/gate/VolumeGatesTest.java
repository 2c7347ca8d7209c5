package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.testing.TestSessions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Volume as a gate on plain Java: fewer sessions than the number breach, unseen sessions fail closed. */
class VolumeGatesTest {
  private static final String DAY = "in the last 24 hours";

  @Test void atTheNumberItPasses() {
    Verdict v = VolumeGates.atLeast(sample(TestSessions.healthy("s", 50)), 50, DAY, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("50 sessions were updated in the last 24 hours");
    assertThat(v.reason()).isEqualTo("50 sessions were updated in the last 24 hours, at least 50");
    assertThat(v.figure(Figure.Kind.N).number()).isEqualTo(50.0);
    assertThat(v.figure(Figure.Kind.THRESHOLD).value()).isEqualTo("at least 50 sessions");
  }

  @Test void fewerAreABreachWithoutOffendingSessions() {
    Verdict v = VolumeGates.atLeast(sample(TestSessions.healthy("s", 49)), 500, DAY, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("only 49 sessions were updated in the last 24 hours, fewer than 500");
    assertThat(v.offenders()).isEmpty();
  }

  @Test void noneAtAllIsABreachNotTooFewToJudge() {
    Verdict v = VolumeGates.atLeast(sample(List.of()), 1, DAY, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).isEqualTo("only 0 sessions were updated in the last 24 hours, fewer than 1");
  }

  @Test void theMinimumSampleDoesNotApply() {
    assertThat(VolumeGates.atLeast(sample(TestSessions.healthy("s", 5)), 3, DAY, "g").outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void sessionsNotSeenThatCouldReachTheNumberMeanItCannotJudge() {
    Completeness unserved = new Completeness(100, "100 of 300 sessions in the window were not served");

    Verdict v = VolumeGates.atLeast(sample(TestSessions.healthy("s", 200), unserved), 250, DAY, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("100 of 300 sessions in the window were not served, and the verdict could change"
        + " with them: only 200 sessions were updated in the last 24 hours, fewer than 250; with 50 of the 100 sessions"
        + " not seen as they are it would pass");
    assertThat(v.figure()).isEqualTo("not judged: 200 sessions were updated in the last 24 hours");
  }

  @Test void sessionsNotSeenThatCannotChangeTheVerdictAreNoted() {
    Completeness unserved = new Completeness(100, "100 of 300 sessions in the window were not served");

    Verdict breached = VolumeGates.atLeast(sample(TestSessions.healthy("s", 200), unserved), 301, DAY, "g");
    Verdict passed = VolumeGates.atLeast(sample(TestSessions.healthy("s", 200), unserved), 200, DAY, "g");

    assertThat(breached.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(passed.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(List.of(breached, passed)).allSatisfy(v -> assertThat(v.figures())
        .contains(new Figure("sessions not seen as they are", "100 of 300 sessions in the window were not served")));
  }
}
