package io.konvoqa.gate.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.BaselineGates;
import io.konvoqa.gate.Comparison;
import io.konvoqa.gate.Completeness;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Route;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Selection;
import io.konvoqa.gate.TriggerPhrase;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Sessions neither side can see as they are may sit at their extremes on both sides at once: the
 * sessions now all unresolved (or routed elsewhere) while the baseline's are all resolved (or
 * routed right). A baseline gate whose verdict holds against each side's extreme alone but not
 * against both together cannot judge.
 */
class BothSidesUnknownTest {
  private static final Map<String, io.konvoqa.session.Role> ROLES = Settings.load(Map.of(), new Properties()).roles();

  private static Sample sample(List<Session> sessions, Completeness completeness) {
    return Selection.all().apply(sessions, completeness, 30, ROLES, TestSessions.NOW);
  }

  private static List<Session> completed(String prefix, int n, int unresolved) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TestSessions s = TestSessions.session(prefix + i).customer("hello").ai("Hi!");
      sessions.add((i < unresolved ? s.unresolved() : s).build());
    }
    return sessions;
  }

  private static List<Session> asked(String prefix, int n, int routedRight) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sessions.add(TestSessions.session(prefix + i).subIntentType(i < routedRight ? "ORDER_STATUS" : "CONCIERGE")
          .customer("where is my order?").ai("Let me check.").build());
    }
    return sessions;
  }

  @Test void unresolvedRiseCannotJudgeWhenUnknownsOnBothSidesTogetherCouldMakeItSignificant() {
    // given 10 of 200 unresolved on each side, and 16 sessions unknown on each side: 16 more
    // unresolved now, or 16 more resolved in the baseline, alone leave the rise within 2 points;
    // both together make it significantly more
    Comparison c = new Comparison(
        sample(completed("now", 200, 10), new Completeness(16, "16 of 216 sessions in the window were not served")),
        sample(completed("base", 200, 10), new Completeness(16, "in the baseline: 16 of 216 sessions in the window were not served")),
        "baseline");

    Verdict v = BaselineGates.unresolvedRise(c, 0.02, "the unresolved rate has not risen by more than 2% points over the baseline");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
  }

  @Test void routingCannotJudgeWhenUnknownsOnBothSidesTogetherCouldMakeItSignificantlyLower() {
    // given 30 of 40 routed right on each side, and 9 sessions unknown on each side
    Comparison c = new Comparison(
        sample(asked("now", 40, 30), new Completeness(9, "9 of 49 sessions in the window were not served")),
        sample(asked("base", 40, 30), new Completeness(9, "in the baseline: 9 of 49 sessions in the window were not served")),
        "baseline");

    Verdict v = BaselineGates.routingHolds(c, List.of(new Route(TriggerPhrase.text("where is my order"), "ORDER_STATUS", 0.9)),
        "routing accuracy per trigger phrase has not dropped below the baseline");

    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
  }
}
