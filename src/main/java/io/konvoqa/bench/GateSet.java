package io.konvoqa.bench;

import io.konvoqa.gate.Gate;
import io.konvoqa.gate.OnePass;
import io.konvoqa.gate.OutcomeGates;
import io.konvoqa.gate.RateClaim;
import io.konvoqa.gate.ReplyGates;
import io.konvoqa.gate.Route;
import io.konvoqa.gate.RoutingGates;
import io.konvoqa.gate.Selection;
import io.konvoqa.gate.TriggerPhrase;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Twenty gates as the example features write them (docs/bench/gates.feature holds the same
 * scenarios in Gherkin), judged with the plain Java gates: what the evaluation-cost figure times.
 * All twenty are judged in one pass over the window ({@link OnePass}); each can also be judged on
 * its own sample, built with {@code Selection...apply(...)} as a scenario builds it.
 */
final class GateSet {
  private GateSet() {}

  static final int MIN_SAMPLE = 30;
  private static final Map<String, Role> ROLES = Role.parseMapping(null);
  /** Built as the step "no AI reply contains any of these phrases:" builds it. */
  private static final List<TriggerPhrase> FORBIDDEN =
      Stream.of("as an AI language model", "I am just an AI", "guarantee", "Amazon", "Zalando")
          .map(TriggerPhrase::text).toList();
  /** Built as the step "no AI reply contains {string}" builds it. */
  private static final List<TriggerPhrase> AI_LANGUAGE_MODEL = List.of(TriggerPhrase.text("as an AI language model"));

  /** The twenty verdicts, judged in one pass over the window. */
  static List<Verdict> judge(Iterable<Session> window, Instant now) {
    return OnePass.judge(window, MIN_SAMPLE, ROLES, scenarios(now));
  }

  /** One scenario's verdict, judged on its own sample as the scenario's steps build it. */
  static Verdict judgeAlone(OnePass.Scenario scenario, List<Session> window, Instant now) {
    return scenario.selection().apply(window, MIN_SAMPLE, ROLES, now).judge(scenario.gate(), scenario.name());
  }

  /** The twenty scenarios; {@code now} is when the window ends (for "older than"). */
  static List<OnePass.Scenario> scenarios(Instant now) {
    Selection all = Selection.all();
    return List.of(
        scenario("unresolved rate at most 15%", all, OutcomeGates.unresolvedRate(RateClaim.atMost(0.15))),
        scenario("unresolved rate at most 15% with 95% confidence", all,
            OutcomeGates.unresolvedRate(RateClaim.atMostWithConfidence(0.15, 0.95))),
        scenario("unresolved rate not significantly above 12%", all,
            OutcomeGates.unresolvedRate(RateClaim.notSignificantlyAbove(0.12))),
        scenario("unresolved rate on each channel at most 20%", all,
            OutcomeGates.unresolvedRatePerSegment(RateClaim.atMost(0.20), "channel", Session::channel)),
        scenario("unresolved rate for each sub_intent_type at most 25%", all,
            OutcomeGates.unresolvedRatePerSegment(RateClaim.atMost(0.25), "sub_intent_type", Session::subIntentType)),
        scenario("whatsapp, completed: unresolved rate at most 15%", all.onChannels("whatsapp").completedOnly(),
            OutcomeGates.unresolvedRate(RateClaim.atMost(0.15))),
        scenario("older than 1 hour: unresolved rate at most 15%", all.olderThan(Duration.ofHours(1), now),
            OutcomeGates.unresolvedRate(RateClaim.atMost(0.15))),
        scenario("sub_intent_type RETURN_REQUEST: unresolved rate at most 15%", all.withSubIntentType("RETURN_REQUEST"),
            OutcomeGates.unresolvedRate(RateClaim.atMost(0.15))),
        scenario("routing table of 8 trigger phrases", all, RoutingGates.routes(routes())),
        scenario("'/wo ist (meine|die) bestellung/' routes to ORDER_STATUS in at least 90%", all,
            RoutingGates.routes(List.of(route("/wo ist (meine|die) bestellung/", "ORDER_STATUS", 0.9)))),
        scenario("first customer message contains 'Rücksendung': unresolved rate at most 20%",
            all.firstCustomerMessageMatching(TriggerPhrase.parse("Rücksendung"), ROLES),
            OutcomeGates.unresolvedRate(RateClaim.atMost(0.20))),
        scenario("no AI reply contains any of 5 forbidden phrases", all,
            ReplyGates.noAiReply(FORBIDDEN, "contains a forbidden phrase (" + String.join(", ",
                FORBIDDEN.stream().map(Object::toString).toList()) + ")")),
        scenario("no AI reply contains 'as an AI language model'", all,
            ReplyGates.noAiReply(AI_LANGUAGE_MODEL, "contains 'as an AI language model'")),
        scenario("at least 50% of RETURN_REQUEST sessions have an AI reply containing 'return'", all,
            ReplyGates.aiReplyContaining("RETURN_REQUEST", "return", 0.5)),
        scenario("every session with a customer message has an AI reply", all, ReplyGates.everyCustomerGetsAiReply()),
        scenario("no AI reply is sent twice in a row", all, ReplyGates.noRepeatedAiReply()),
        scenario("first customer message answered within 2 minutes in at least 95%", all,
            ReplyGates.firstReplyWithin(Duration.ofMinutes(2), 0.95)),
        scenario("no session has more than 10 customer messages", all, ReplyGates.maxCustomerMessages(10)),
        scenario("at most 15% of sessions handed over to a human agent", all,
            OutcomeGates.handedOver(RateClaim.atMost(0.15))),
        scenario("at most 10% of sessions have sub_intent_type CONCIERGE", all,
            OutcomeGates.subIntentShare(RateClaim.atMost(0.10), "CONCIERGE")));
  }

  private static OnePass.Scenario scenario(String name, Selection selection, Gate gate) {
    return new OnePass.Scenario(name, selection, gate);
  }

  private static List<Route> routes() {
    return List.of(
        route("where is my order", "ORDER_STATUS", 0.9),
        route("/wo ist (meine|die) bestellung/", "ORDER_STATUS", 0.9),
        route("I want to return", "RETURN_REQUEST", 0.9),
        route("Rücksendung", "RETURN_REQUEST", 0.9),
        route("refund", "REFUND", 0.8),
        route("cancel my order", "CANCEL_ORDER", 0.9),
        route("payment failed", "PAYMENT", 0.9),
        route("discount code", "DISCOUNT_CODE", 0.9));
  }

  private static Route route(String phrase, String subIntentType, double atLeast) {
    return new Route(TriggerPhrase.parse(phrase), subIntentType, atLeast);
  }
}
