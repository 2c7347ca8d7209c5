package io.konvoqa.gate;

/** One row of a routing table: sessions whose first customer message matches go to this sub_intent_type. */
public record Route(TriggerPhrase phrase, String subIntentType, double atLeast) {
  public Route {
    if (subIntentType == null || subIntentType.isBlank()) {
      throw new ConfigurationException("the routing row for " + phrase
          + " names no sub_intent_type: fill in the sub_intent_type column");
    }
    subIntentType = subIntentType.trim();
    if (atLeast < 0 || atLeast > 1) {
      throw new ConfigurationException("'at least' must be 0%..100% but was " + atLeast);
    }
  }
}
