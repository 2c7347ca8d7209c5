package io.konvoqa.gate;

import static io.konvoqa.gate.Flavours.all;
import static io.konvoqa.gate.Flavours.rate;
import static io.konvoqa.gate.Flavours.sample;
import static io.konvoqa.gate.Flavours.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Channels and sub_intent_types are compared ignoring case everywhere, shown in their most frequent spelling. */
class CaseInsensitiveTest {
  @Test void channelsThatDifferOnlyInCaseAreOneSegment() {
    Verdict v = OutcomeGates.unresolvedRatePerSegment(sample(all(rate("a", "WhatsApp", 2, 20), rate("b", "whatsapp", 2, 25))),
        RateClaim.atMost(0.15), "channel", Flavours.CHANNEL, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.segments()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("whatsapp");
      assertThat(s.n()).isEqualTo(45);
    });
  }

  @Test void subIntentTypesThatDifferOnlyInCaseDoNotDrift() {
    Comparison c = new Comparison(sample(types("n", "REFUND", "ORDER_STATUS")), sample(types("b", "refund", "order_status")), "b");

    Verdict v = BaselineGates.subIntentDriftNoiseIncluded(c, 0.0, "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figures()).contains(Figure.rate("total variation distance", "0.0%", 0.0),
        new Figure("new sub_intent_types", "none"), new Figure("vanished sub_intent_types", "none"));
  }

  @Test void theMostFrequentSpellingIsShown() {
    Comparison c = new Comparison(sample(types("n", "REFUND", "ORDER_STATUS")),
        sample(all(types("b", "refund", "order_status"), types("c", "refund", "order_status"))), "b");

    assertThat(BaselineGates.subIntentDrift(c, 0.1, "g").segments()).extracting(Segment::name)
        .containsExactly("order_status", "order_status", "refund", "refund");
  }

  @Test void routingColumnsMergeSpellings() {
    List<Session> sessions = all(
        sessions("a", 20, (i, s) -> s.subIntentType("REFUND").customer("I want a refund").ai("ok")),
        sessions("b", 20, (i, s) -> s.subIntentType("Refund").customer("I want a refund").ai("ok")));

    Verdict v = RoutingGates.routes(sample(sessions), List.of(new Route(TriggerPhrase.parse("refund"), "refund", 1.0)), "g");

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.confusion().actuals()).containsExactly("REFUND");
    assertThat(v.confusion().counts()).isEqualTo(new long[][] {{40}});
  }

  /** 40 sessions, half of each sub_intent_type. */
  private static List<Session> types(String prefix, String first, String second) {
    return sessions(prefix, 40, (i, s) -> s.subIntentType(i % 2 == 0 ? first : second));
  }
}
