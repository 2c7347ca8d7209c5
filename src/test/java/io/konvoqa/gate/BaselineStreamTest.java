package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The baseline gates stream the scenario's sessions and load the baseline when they finish: on
 * varied data they give the verdicts the gates gave over two whole samples before (the same
 * outcome, texts, figures, offenders in window order and evidence), judged alone or in one pass
 * with other gates.
 */
class BaselineStreamTest {
  private static final Map<String, Role> ROLES = Role.parseMapping(null);
  private static final List<Route> ROUTES = List.of(route("where is my order", "ORDER_STATUS"),
      route("Rücksendung", "RETURN_REQUEST"), route("/wo ist (meine|die) bestellung/", "ORDER_STATUS"),
      route("where is my order", "ORDER_STATUS"));

  private static Route route(String phrase, String subIntentType) {
    return new Route(TriggerPhrase.parse(phrase), subIntentType, 0.8);
  }

  /** A baseline gate in both forms: streamed, and as it judged two samples before. */
  private record Claim(String name, Function<Baseline, Gate> streamed, Before before) {}

  @FunctionalInterface
  private interface Before {
    Verdict judge(Comparison c, String gate);
  }

  private static List<Claim> claims() {
    List<Claim> claims = new ArrayList<>();
    for (double allowed : new double[] {0, 0.02, 0.1}) {
      claims.add(new Claim("unresolved rise " + allowed, b -> BaselineGates.unresolvedRise(allowed, b),
          (c, g) -> BaselineBefore.UnresolvedRise.judge(c, allowed, g)));
      claims.add(new Claim("handover rise " + allowed, b -> HandoverGates.rise(allowed, b),
          (c, g) -> BaselineBefore.HandoverRise.judge(c, allowed, g)));
      claims.add(new Claim("drift " + allowed, b -> BaselineGates.subIntentDrift(allowed, b),
          (c, g) -> BaselineBefore.SubIntentDrift.judge(c, allowed, false, g)));
      claims.add(new Claim("drift, noise included " + allowed, b -> BaselineGates.subIntentDriftNoiseIncluded(allowed, b),
          (c, g) -> BaselineBefore.SubIntentDrift.judge(c, allowed, true, g)));
    }
    claims.add(new Claim("routing", b -> BaselineGates.routingHolds(ROUTES, b),
        (c, g) -> BaselineBefore.RoutingAgainstBaseline.judge(c, ROUTES, g)));
    claims.add(new Claim("routing, one phrase", b -> BaselineGates.routingHolds(ROUTES.subList(1, 2), b),
        (c, g) -> BaselineBefore.RoutingAgainstBaseline.judge(c, ROUTES.subList(1, 2), g)));
    claims.add(new Claim("routing, no phrase", b -> BaselineGates.routingHolds(List.of(), b),
        (c, g) -> BaselineBefore.RoutingAgainstBaseline.judge(c, List.of(), g)));
    claims.add(new Claim("rise beyond 100%", b -> BaselineGates.unresolvedRise(1.5, b),
        (c, g) -> BaselineBefore.UnresolvedRise.judge(c, 1.5, g)));
    return claims;
  }

  private static List<Selection> selections() {
    Selection all = Selection.all();
    return List.of(all, all.onChannels("whatsapp, email").completedOnly(), all.withSubIntentType("RETURN_REQUEST"),
        all.firstCustomerMessageMatching(TriggerPhrase.parse("Rücksendung"), ROLES), all.onChannels("whatsap"));
  }

  /** A window of {@code n} sessions drawn with a bit of everything the baseline gates look at. */
  private static List<Session> window(String prefix, int n, Random random, double unresolved, double handover,
      double wrongRoute) {
    List<String> types = List.of("ORDER_STATUS", "order_status", "RETURN_REQUEST", "CONCIERGE", "HANDOVER", "PAYMENT");
    List<Session> w = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String channel = random.nextInt(3) == 0 ? "WhatsApp" : random.nextBoolean() ? "whatsapp" : "email";
      int ask = random.nextInt(4);
      String type = ask == 0 || ask == 3 ? "ORDER_STATUS" : ask == 1 ? "RETURN_REQUEST" : types.get(random.nextInt(types.size()));
      if (random.nextDouble() < wrongRoute) type = types.get(random.nextInt(types.size()));
      TestSessions s = session(prefix + i).channel(channel).subIntentType(type);
      if (random.nextDouble() < unresolved) s.unresolved();
      if (random.nextInt(12) == 0) s.open();
      s.customer(ask == 0 ? "where is my order?" : ask == 1 ? "Rücksendung bitte" : ask == 3 ? "Wo ist die Bestellung?" : "hello");
      s.ai("It ships today.", Duration.ofSeconds(5));
      if (random.nextDouble() < handover) s.agent("Let me help");
      if (random.nextInt(25) == 0) s.message(null, "who wrote this", Duration.ofSeconds(1));
      w.add(s.build());
    }
    return w;
  }

  /** A window with one rarity placed in it (data missing, an unreadable first message, ...), or none. */
  private static List<Session> spoilt(List<Session> window, int kind, Random random) {
    if (kind == 0 || window.isEmpty()) return window;
    List<Session> copy = new ArrayList<>(window);
    int at = random.nextInt(copy.size());
    String id = "x" + kind + "-" + at;
    copy.set(at, switch (kind) {
      case 1 -> session(id).withoutMessages().build();
      case 2 -> session(id).withoutState().customer("where is my order").ai("ok").build();
      case 3 -> session(id).withoutStatus().customer("hi").ai("ho").build();
      case 4 -> session(id).customer(null).ai("Hello").build();
      default -> session(id).message(null, null, Duration.ofSeconds(1)).customer("where is my order").ai("ok").build();
    });
    return copy;
  }

  private static String text(Verdict v) {
    String evidence = v.evidence().stream().map(Object::toString).collect(Collectors.joining("; "));
    return v.gate() + " | " + v.outcome() + " | " + v.reason() + " | " + v.figure() + " | " + v.figures()
        + " | " + v.offenders() + " | " + evidence + " | " + v.segments();
  }

  private static String judged(java.util.function.Supplier<Verdict> judge) {
    try {
      return text(judge.get());
    } catch (ConfigurationException e) {
      return "configuration error: " + e.getMessage();
    }
  }

  private static Sample sample(Selection selection, List<Session> sessions, Completeness completeness, int minimum) {
    return selection.apply(sessions, completeness, minimum, ROLES, TestSessions.NOW);
  }

  @Test void onVariedDataTheStreamedGatesGiveTheVerdictsOfTwoWholeSamples() {
    Random random = new Random(20_261_203L);
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (int round = 0; round < 60; round++) {
      int n = round % 10 == 0 ? random.nextInt(3) : 10 + random.nextInt(300);
      int baseN = round % 10 == 5 ? random.nextInt(3) : 10 + random.nextInt(300);
      List<Session> now = spoilt(window("n", n, random, random.nextDouble() * 0.3, random.nextDouble() * 0.3,
          random.nextDouble() * 0.4), random.nextInt(8), random);
      List<Session> base = spoilt(window("b", baseN, random, random.nextDouble() * 0.3, random.nextDouble() * 0.3,
          random.nextDouble() * 0.4), random.nextInt(8), random);
      Completeness unknownNow = random.nextInt(3) == 0 ? new Completeness(1 + random.nextInt(20), "some were not served")
          : Completeness.WHOLE;
      Completeness unknownBase = random.nextInt(3) == 0
          ? new Completeness(1 + random.nextInt(20), "in the baseline: some were not served") : Completeness.WHOLE;
      int minimum = new int[] {1, 5, 30, 100}[random.nextInt(4)];
      boolean snapshot = random.nextBoolean();
      Selection selection = Selection.all();
      Comparison c = new Comparison(sample(selection, now, unknownNow, minimum), sample(selection, base, unknownBase, minimum),
          "the baseline " + round, snapshot);
      for (Claim claim : claims()) {
        String before = judged(() -> claim.before().judge(c, claim.name()));
        String streamed = judged(() -> c.now().judge(claim.streamed().apply(c.asBaseline()), claim.name()));
        assertThat(streamed).as("round " + round + ": " + claim.name()).isEqualTo(before);
        seen.add(claim.name().split(" [0-9]")[0] + ": " + (streamed.startsWith("configuration error")
            ? "configuration error" : streamed.split(" \\| ")[1]));
      }
    }
    for (String claim : List.of("unresolved rise", "handover rise", "drift", "drift, noise included", "routing")) {
      for (Outcome outcome : List.of(Outcome.PASSED, Outcome.BREACHED, Outcome.INSUFFICIENT_DATA, Outcome.DATA_UNAVAILABLE)) {
        assertThat(seen).as("the data varied enough").contains(claim + ": " + outcome);
      }
    }
    assertThat(seen).contains("routing, no phrase: configuration error", "rise beyond: configuration error");
  }

  @Test void inOnePassWithOtherGatesEachBaselineGateGivesItsVerdictAlone() {
    Random random = new Random(7L);
    for (int round = 0; round < 12; round++) {
      List<Session> now = spoilt(window("n", 20 + random.nextInt(200), random, 0.2, 0.2, 0.3), round % 6, random);
      List<Session> base = window("b", 20 + random.nextInt(200), random, 0.1, 0.1, 0.1);
      Completeness unknown = round % 3 == 0 ? new Completeness(4, "4 sessions were not served") : Completeness.WHOLE;
      int minimum = round % 2 == 0 ? 5 : 30;
      List<OnePass.Scenario> scenarios = new ArrayList<>();
      List<String> before = new ArrayList<>();
      for (Selection selection : selections()) {
        Baseline baseline = m -> new Baseline.Side(sample(selection, base, Completeness.WHOLE, m), "last week", false);
        scenarios.add(new OnePass.Scenario("unresolved rate", selection, OutcomeGates.unresolvedRate(RateClaim.atMost(0.15))));
        for (Claim claim : claims()) {
          scenarios.add(new OnePass.Scenario(claim.name(), selection, claim.streamed().apply(baseline)));
          before.add(judged(() -> {
            Comparison c = new Comparison(sample(selection, now, unknown, minimum),
                sample(selection, base, Completeness.WHOLE, minimum), "last week");
            return claim.before().judge(c, claim.name());
          }).replaceFirst("^configuration error: (.*)$", claim.name() + " | CONFIGURATION_ERROR | $1"));
        }
      }
      List<Verdict> pass = OnePass.judge(now, unknown, minimum, ROLES, scenarios);
      List<String> streamed = new ArrayList<>();
      for (int i = 0; i < scenarios.size(); i++) {
        if (!scenarios.get(i).name().equals("unresolved rate")) {
          Verdict v = pass.get(i);
          streamed.add(v.outcome() == Outcome.CONFIGURATION_ERROR ? v.gate() + " | CONFIGURATION_ERROR | " + v.reason() : text(v));
        }
      }
      assertThat(streamed).as("round " + round).containsExactlyElementsOf(before);
    }
  }

  @Test void theBaselineIsLoadedOnlyWhenTheGateFinishesAndOnceAndWhatCannotBeLoadedIsTheVerdict() {
    List<Session> now = window("n", 100, new Random(1), 0.1, 0.1, 0.1);
    AtomicInteger loads = new AtomicInteger();
    Baseline unreadable = minimum -> {
      loads.incrementAndGet();
      throw new Baseline.Unavailable(Outcome.DATA_UNAVAILABLE, "the baseline could not be read: damaged");
    };
    Accumulator judging = BaselineGates.unresolvedRise(0.02, unreadable).start("g");
    for (Session s : now) judging.add(new SessionView(s, ROLES));
    assertThat(loads).hasValue(0);
    Verdict v = judging.finish(Selection.all().apply(now, 30, ROLES, TestSessions.NOW).scope());
    assertThat(loads).hasValue(1);
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).isEqualTo("the baseline could not be read: damaged");
    assertThat(v.gate()).isEqualTo("g");

    Baseline missing = minimum -> {
      throw new ConfigurationException("no baseline snapshot at x");
    };
    assertThatThrownBy(() -> Selection.all().apply(now, 30, ROLES, TestSessions.NOW)
        .judge(BaselineGates.routingHolds(ROUTES, missing), "g"))
        .isInstanceOf(ConfigurationException.class).hasMessage("no baseline snapshot at x");
    assertThat(OnePass.judge(now, 30, ROLES, List.of(new OnePass.Scenario("g", Selection.all(), HandoverGates.rise(0.02, missing)))))
        .singleElement().satisfies(r -> {
          assertThat(r.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
          assertThat(r.reason()).isEqualTo("no baseline snapshot at x");
        });
  }

  @Test void theBaselineIsChosenWithTheScenariosMinimumSample() {
    List<Session> now = window("n", 50, new Random(2), 0.1, 0.1, 0.1);
    List<Integer> asked = new ArrayList<>();
    Baseline baseline = minimum -> {
      asked.add(minimum);
      return new Baseline.Side(Selection.all().apply(window("b", 50, new Random(3), 0.1, 0.1, 0.1), minimum, ROLES,
          TestSessions.NOW), "last week", false);
    };
    OnePass.judge(now, 30, ROLES, List.of(new OnePass.Scenario("a", Selection.all(), BaselineGates.subIntentDrift(0.1, baseline)),
        new OnePass.Scenario("b", Selection.all(), BaselineGates.subIntentDrift(0.1, baseline), 12)));
    assertThat(asked).containsExactly(30, 12);
  }
}
