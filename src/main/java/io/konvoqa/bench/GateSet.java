package io.konvoqa.bench;

import io.konvoqa.gate.OutcomeGates;
import io.konvoqa.gate.RateClaim;
import io.konvoqa.gate.ReplyGates;
import io.konvoqa.gate.Route;
import io.konvoqa.gate.RoutingGates;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Selection;
import io.konvoqa.gate.TriggerPhrase;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Twenty gates as the example features write them (docs/bench/gates.feature holds the same
 * scenarios in Gherkin), judged with the plain Java gates: what the evaluation-cost figure times.
 * Each gate builds its own sample from the whole window, as each scenario does.
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

  /** One gate: its claim, and how it is judged from the window. */
  record Gate(String name, Judging judging) {
    Verdict judge(List<Session> window, Instant now) {
      return judging.judge(window, now, name);
    }
  }

  /** Judges a window as of {@code now}, naming the verdict {@code name}. */
  interface Judging {
    Verdict judge(List<Session> window, Instant now, String name);
  }

  static List<Verdict> judge(List<Session> window, Instant now) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Gate gate : GATES) verdicts.add(gate.judge(window, now));
    return verdicts;
  }

  static final List<Gate> GATES = List.of(
      gate("unresolved rate at most 15%", (w, now, name) ->
          OutcomeGates.unresolvedRate(all(w, now), RateClaim.atMost(0.15), name)),
      gate("unresolved rate at most 15% with 95% confidence", (w, now, name) ->
          OutcomeGates.unresolvedRate(all(w, now), RateClaim.atMostWithConfidence(0.15, 0.95), name)),
      gate("unresolved rate not significantly above 12%", (w, now, name) ->
          OutcomeGates.unresolvedRate(all(w, now), RateClaim.notSignificantlyAbove(0.12), name)),
      gate("unresolved rate on each channel at most 20%", (w, now, name) ->
          OutcomeGates.unresolvedRatePerSegment(all(w, now), RateClaim.atMost(0.20), "channel",
              Session::channel, name)),
      gate("unresolved rate for each sub_intent_type at most 25%", (w, now, name) ->
          OutcomeGates.unresolvedRatePerSegment(all(w, now), RateClaim.atMost(0.25), "sub_intent_type",
              Session::subIntentType, name)),
      gate("whatsapp, completed: unresolved rate at most 15%", (w, now, name) ->
          OutcomeGates.unresolvedRate(sample(Selection.all().onChannels("whatsapp").completedOnly(), w, now),
              RateClaim.atMost(0.15), name)),
      gate("older than 1 hour: unresolved rate at most 15%", (w, now, name) ->
          OutcomeGates.unresolvedRate(sample(Selection.all().olderThan(Duration.ofHours(1), now), w, now),
              RateClaim.atMost(0.15), name)),
      gate("sub_intent_type RETURN_REQUEST: unresolved rate at most 15%", (w, now, name) ->
          OutcomeGates.unresolvedRate(sample(Selection.all().withSubIntentType("RETURN_REQUEST"), w, now),
              RateClaim.atMost(0.15), name)),
      gate("routing table of 8 trigger phrases", (w, now, name) ->
          RoutingGates.routes(all(w, now), routes(), name)),
      gate("'/wo ist (meine|die) bestellung/' routes to ORDER_STATUS in at least 90%", (w, now, name) ->
          RoutingGates.routes(all(w, now), List.of(route("/wo ist (meine|die) bestellung/", "ORDER_STATUS", 0.9)), name)),
      gate("first customer message contains 'Rücksendung': unresolved rate at most 20%", (w, now, name) ->
          OutcomeGates.unresolvedRate(sample(Selection.all()
              .firstCustomerMessageMatching(TriggerPhrase.parse("Rücksendung"), ROLES), w, now),
              RateClaim.atMost(0.20), name)),
      gate("no AI reply contains any of 5 forbidden phrases", (w, now, name) ->
          ReplyGates.noAiReply(all(w, now), FORBIDDEN, "contains a forbidden phrase", name)),
      gate("no AI reply contains 'as an AI language model'", (w, now, name) ->
          ReplyGates.noAiReply(all(w, now), AI_LANGUAGE_MODEL, "contains 'as an AI language model'", name)),
      gate("at least 50% of RETURN_REQUEST sessions have an AI reply containing 'return'", (w, now, name) ->
          ReplyGates.aiReplyContaining(all(w, now), "RETURN_REQUEST", "return", 0.5, name)),
      gate("every session with a customer message has an AI reply", (w, now, name) ->
          ReplyGates.everyCustomerGetsAiReply(all(w, now), name)),
      gate("no AI reply is sent twice in a row", (w, now, name) ->
          ReplyGates.noRepeatedAiReply(all(w, now), name)),
      gate("first customer message answered within 2 minutes in at least 95%", (w, now, name) ->
          ReplyGates.firstReplyWithin(all(w, now), Duration.ofMinutes(2), 0.95, name)),
      gate("no session has more than 10 customer messages", (w, now, name) ->
          ReplyGates.maxCustomerMessages(all(w, now), 10, name)),
      gate("at most 15% of sessions handed over to a human agent", (w, now, name) ->
          OutcomeGates.handedOver(all(w, now), RateClaim.atMost(0.15), name)),
      gate("at most 10% of sessions have sub_intent_type CONCIERGE", (w, now, name) ->
          OutcomeGates.subIntentShare(all(w, now), RateClaim.atMost(0.10), "CONCIERGE", name)));

  private static Gate gate(String name, Judging judging) {
    return new Gate(name, judging);
  }

  /** Every session of the window, as a scenario with no "only ..." step has it. */
  private static Sample all(List<Session> window, Instant now) {
    return sample(Selection.all(), window, now);
  }

  private static Sample sample(Selection selection, List<Session> window, Instant now) {
    return selection.apply(window, MIN_SAMPLE, ROLES, now);
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
