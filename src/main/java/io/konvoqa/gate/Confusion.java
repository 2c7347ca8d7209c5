package io.konvoqa.gate;

import java.util.List;
import java.util.Map;

/**
 * Trigger phrase by actual sub_intent_type, with counts: what the AI routed each phrase to.
 *
 * @param expected the expected sub_intent_type per phrase
 */
public record Confusion(
    List<String> phrases, List<String> actuals, long[][] counts, Map<String, String> expected) {
  public Confusion {
    phrases = List.copyOf(phrases);
    actuals = List.copyOf(actuals);
    expected = Map.copyOf(expected);
  }
}
