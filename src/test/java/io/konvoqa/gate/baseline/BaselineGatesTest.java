package io.konvoqa.gate.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.BaselineGates;
import io.konvoqa.gate.Comparison;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Route;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Segment;
import io.konvoqa.gate.Selection;
import io.konvoqa.gate.TriggerPhrase;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.DatasetFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The fixtures: see src/test/resources/baseline/generate_fixtures.py for what differs. */
class BaselineGatesTest {
  static final Path FIXTURES = Path.of("src/test/resources/baseline");
  private final Sample now = sample("current.json.gz");
  private final Sample same = sample("baseline-same.json.gz");
  private final Sample drifted = sample("baseline-drifted.json.gz");
  private static final List<Route> ROUTES = List.of(
      new Route(TriggerPhrase.parse("zurücksenden"), "RETURN_REQUEST", 1.0),
      new Route(TriggerPhrase.parse("where is my order"), "ORDER_STATUS", 1.0));

  @Test void unresolvedRatePassesWhenItHasNotRisen() {
    Verdict verdict = BaselineGates.unresolvedRise(new Comparison(now, same, "same"), 0.02, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict.figure()).isEqualTo("unresolved rate 10.0% vs 10.0% in the baseline: +0.0 points (95% -6.0 to +6.0)");
    assertThat(figure(verdict, "difference (now - baseline)")).isEqualTo("+0.0 points");
  }

  @Test void unresolvedRateFailsWhenItRoseSignificantlyMoreThanAllowed() {
    Verdict verdict = BaselineGates.unresolvedRise(new Comparison(now, drifted, "drifted"), 0.02, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(figure(verdict, "unresolved rate now")).isEqualTo("10.0% (20 of 200 completed sessions)");
    assertThat(figure(verdict, "unresolved rate in the baseline")).isEqualTo("1.0% (2 of 200 completed sessions)");
    assertThat(figure(verdict, "95% interval of the difference (Newcombe hybrid score)"))
        .isEqualTo("+4.7 points to +14.0 points");
    assertThat(verdict.reason()).endsWith("risen by significantly more than the allowed +2.0 points"
        + " (even the lower end of the interval is +4.7 points)");
    assertThat(verdict.offenders()).hasSize(20);
  }

  @Test void unresolvedRatePassesARiseAboveTheAllowedThatIsNotSignificant() {
    Verdict verdict = BaselineGates.unresolvedRise(new Comparison(now, drifted, "drifted"), 0.05, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict.reason()).endsWith("risen by more than the allowed +5.0 points, but not significantly");
  }

  @Test void aBaselineUnderTheMinimumSampleCannotBeJudged() {
    Sample small = Selection.all().apply(drifted.sessions().subList(0, 10), 30, roles(), drifted.now());

    Verdict verdict = BaselineGates.unresolvedRise(new Comparison(now, small, "tiny"), 0.02, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(verdict.reason()).startsWith("in the baseline (tiny): only 10 completed sessions, fewer"
        + " than the minimum sample of 30");
  }

  @Test void aSnapshotBaselineUnderTheMinimumSampleAsksForAProperSnapshotNotAWiderWindow() {
    Sample small = Selection.all().apply(drifted.sessions().subList(0, 10), 30, roles(), drifted.now());

    Verdict snapshot = BaselineGates.unresolvedRise(new Comparison(now, small, "tiny", true), 0.02, "gate");
    Verdict window = BaselineGates.unresolvedRise(new Comparison(now, small, "tiny", false), 0.02, "gate");

    assertThat(snapshot.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(snapshot.reason()).startsWith("in the baseline (tiny): only 10 completed sessions, fewer"
        + " than the minimum sample of 30").contains("bless a snapshot with at least the minimum sample")
        .contains("record --last 30d --out FILE").doesNotContain("widen the window");
    assertThat(window.reason()).contains("widen the window").doesNotContain("bless");
  }

  @Test void anEmptySnapshotBaselineAsksForAProperSnapshotInEveryBaselineGate() {
    Sample empty = Selection.all().apply(List.of(), 30, roles(), drifted.now());
    Comparison c = new Comparison(now, empty, "empty", true);

    for (Verdict v : List.of(BaselineGates.unresolvedRise(c, 0.02, "gate"), BaselineGates.subIntentDrift(c, 0.1, "gate"),
        BaselineGates.routingHolds(c, ROUTES, "gate"))) {
      assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.INSUFFICIENT_DATA);
      assertThat(v.reason()).startsWith("in the baseline (empty): ").contains("bless a snapshot that holds them")
          .doesNotContain("widen the window");
    }
  }

  @Test void distributionPassesWhenNothingMoved() {
    Verdict verdict = BaselineGates.subIntentDrift(new Comparison(now, same, "same"), 0.10, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(figure(verdict, "total variation distance")).isEqualTo("0.0%");
    assertThat(figure(verdict, "moved most")).isEqualTo("none");
  }

  @Test void distributionFailsWithTheMoversNewAndVanishedSubIntentTypes() {
    Verdict verdict = BaselineGates.subIntentDriftNoiseIncluded(new Comparison(now, drifted, "drifted"), 0.10, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(verdict.figure()).isEqualTo("sub_intent_type drift 15.0% (total variation distance)");
    assertThat(figure(verdict, "moved most")).isEqualTo("PAYMENT +10.0 points (new), RETURN_REQUEST"
        + " -10.0 points, CANCEL_ORDER -5.0 points (vanished), REFUND +5.0 points");
    assertThat(figure(verdict, "new sub_intent_types")).isEqualTo("PAYMENT");
    assertThat(figure(verdict, "vanished sub_intent_types")).isEqualTo("CANCEL_ORDER");
    assertThat(figure(verdict, "sub_intent_type RETURN_REQUEST"))
        .isEqualTo("30.0% (60) now, 40.0% (80) in the baseline (-10.0 points)");
    assertThat(verdict.offenders()).hasSize(60).allMatch(o -> o.reason().startsWith("sub_intent_type PAYMENT")
        || o.reason().startsWith("sub_intent_type REFUND"));
  }

  /**
   * 15% apart with 200 sessions a side: noise alone reaches 12% at these sizes, so the drift beyond
   * noise is only known to be at least 3%, not significantly more than 10%. With 2,000 sessions a
   * side, 15% apart, noise reaches only about 4%, and the drift is significantly more than 10%.
   */
  @Test void theDefaultDriftClaimTakesTheNoiseAwayFirst() {
    Verdict small = BaselineGates.subIntentDrift(new Comparison(now, drifted, "drifted"), 0.10, "gate");
    Verdict large = BaselineGates.subIntentDrift(new Comparison(spread("n", 2000, 0.15), spread("b", 2000, 0), "b"), 0.10, "gate");

    assertThat(small.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(small.reason()).startsWith("sub_intent_type drift 15.0% (total variation distance) is not"
        + " significantly more than the allowed 10%: taking away the 12.0% that noise alone reaches at these"
        + " sample sizes leaves 3.0%; moved most: PAYMENT +10.0 points (new)");
    assertThat(large.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(large.reason()).startsWith("sub_intent_type drift 15.0% (total variation distance) is"
        + " significantly more than the allowed 10%: even taking away the "
        + figure(large, "drift from noise alone (95th percentile of 1,000 seeded permutations)")
        + " that noise alone reaches at these sample sizes leaves " + figure(large, "drift beyond noise (at least)"));
    assertThat(BaselineGates.subIntentDrift(new Comparison(spread("n", 2000, 0.15), spread("b", 2000, 0), "b"), 0.10, "gate"))
        .as("the same data, the same verdict: the noise is seeded").isEqualTo(large);
  }

  /** {@code n} sessions over four sub_intent_types, a quarter each, {@code moved} of them moved from A to B. */
  private static Sample spread(String prefix, int n, double moved) {
    List<Session> sessions = new java.util.ArrayList<>();
    int shifted = (int) Math.round(n * moved);
    for (int i = 0; i < n; i++) {
      String type = i < n / 4 - shifted ? "A" : i < n / 2 ? "B" : i < 3 * n / 4 ? "C" : "D";
      sessions.add(io.konvoqa.testing.TestSessions.session(prefix + i).subIntentType(type).build());
    }
    return Selection.all().apply(sessions, 30, roles(), io.konvoqa.testing.TestSessions.NOW);
  }

  @Test void distributionCarriesBothSidesAsSegmentPairs() {
    Verdict verdict = BaselineGates.subIntentDriftNoiseIncluded(new Comparison(now, drifted, "drifted"), 0.10, "gate");

    assertThat(verdict.segments()).hasSize(10);
    Segment paymentNow = verdict.segments().get(0), paymentBefore = verdict.segments().get(1);
    assertThat(paymentNow).isEqualTo(new Segment("PAYMENT", 20, 0.1, Outcome.BREACHED, "now +10.0 points"));
    assertThat(paymentBefore).isEqualTo(new Segment("PAYMENT", 0, 0.0, Outcome.PASSED, "baseline"));
  }

  @Test void routingPassesWhenEveryPhraseRoutesAsWellAsBefore() {
    Verdict verdict = BaselineGates.routingHolds(new Comparison(now, same, "same"), ROUTES, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(verdict.figure()).isEqualTo("2 of 2 trigger phrases route at least as well as in the baseline");
  }

  @Test void routingFailsForThePhraseThatGotSignificantlyWorse() {
    Verdict verdict = BaselineGates.routingHolds(new Comparison(now, drifted, "drifted"), ROUTES, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(verdict.figure()).isEqualTo("1 of 2 trigger phrases route at least as well as in the baseline");
    assertThat(figure(verdict, "zurücksenden")).isEqualTo("routed to RETURN_REQUEST in 50.0% of 40 now vs"
        + " 100.0% of 40 in the baseline: -50.0 points (95% -64.8 to -32.8): significantly lower");
    assertThat(figure(verdict, "where is my order")).endsWith(": not significantly lower");
    assertThat(verdict.offenders()).hasSize(20)
        .allMatch(o -> o.reason().startsWith("sub_intent_type REFUND, expected RETURN_REQUEST"));
  }

  @Test void aPhraseUnmatchedOnEitherSideCannotBeJudged() {
    List<Route> routes = List.of(ROUTES.get(1), new Route(TriggerPhrase.parse("storno"), "CANCEL_ORDER", 1.0));

    Verdict verdict = BaselineGates.routingHolds(new Comparison(now, same, "same"), routes, "gate");

    assertThat(verdict.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(verdict.reason()).isEqualTo("no session matched 'storno' now nor in the baseline: cannot judge it");
  }

  @Test void routingWithoutTriggerPhrasesIsAConfigurationError() {
    assertThatThrownBy(() -> BaselineGates.routingHolds(new Comparison(now, same, "same"), List.of(), "gate"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("the scenario has no trigger phrases to compare: add 'Given the trigger phrases:'");
  }

  static String figure(Verdict verdict, String name) {
    return verdict.figures().stream().filter(f -> f.name().equals(name)).map(Figure::value).findFirst()
        .orElseThrow(() -> new AssertionError("no figure '" + name + "' in " + verdict.figures()));
  }

  private static Sample sample(String file) {
    List<Session> sessions = DatasetFile.read(FIXTURES.resolve(file)).sessions();
    return Selection.all().apply(sessions, 30, roles(), java.time.Instant.parse("2026-11-27T12:00:00Z"));
  }

  private static Map<String, io.konvoqa.session.Role> roles() {
    return Settings.load(Map.of(), new Properties()).roles();
  }
}
