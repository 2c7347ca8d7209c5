package io.konvoqa.demo;

import java.util.SplittableRandom;

/**
 * The demo shop's sub_intent_types, with how often customers ask for each and how often the AI
 * leaves one unresolved in healthy data. The weights add up to 1000.
 */
enum Intent {
  ORDER_STATUS("ORDER", 220, 0.05, "order_tracking"),
  RETURN_REQUEST("RETURN", 140, 0.07, "returns_portal"),
  REFUND("RETURN", 80, 0.12, "refund_status"),
  DELIVERY_ISSUE("DELIVERY", 100, 0.12, "delivery_claim"),
  PRODUCT_QUESTION("PRODUCT", 120, 0.08, "product_catalog"),
  PAYMENT("PAYMENT", 60, 0.10, "payment_check"),
  CANCEL_ORDER("ORDER", 60, 0.08, "order_cancellation"),
  DISCOUNT_CODE("PROMOTION", 70, 0.06, "voucher_check"),
  CONCIERGE("CONCIERGE", 75, 0.10, "shopping_assistant"),
  HANDOVER("HANDOVER", 75, 0.15, "human_handover");

  private static final Intent[] ALL = values();

  /** The coarser state.type. */
  final String type;
  final int weight;
  final double unresolvedRate;
  /** The trail item of the skill the AI ran, shared by every session of this intent. */
  final String skillStep;

  Intent(String type, int weight, double unresolvedRate, String skill) {
    this.type = type;
    this.weight = weight;
    this.unresolvedRate = unresolvedRate;
    this.skillStep = "{\"step\":\"skill\",\"name\":\"" + skill + "\"}";
  }

  static Intent pick(SplittableRandom random) {
    int ticket = random.nextInt(1000);
    for (Intent intent : ALL) {
      ticket -= intent.weight;
      if (ticket < 0) return intent;
    }
    throw new AssertionError("intent weights add up to less than 1000");
  }
}
