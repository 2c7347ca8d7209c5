package io.konvoqa.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Trigger phrase by actual sub_intent_type, with counts: what the AI routed each phrase to.
 *
 * @param expected the expected sub_intent_type per phrase
 */
public record Confusion(
    List<String> phrases, List<String> actuals, long[][] counts, Map<String, String> expected) implements Evidence {
  public Confusion {
    phrases = List.copyOf(phrases);
    actuals = List.copyOf(actuals);
    expected = Map.copyOf(expected);
  }

  @Override public Confusion mapText(UnaryOperator<String> text) {
    Map<String, String> mapped = new LinkedHashMap<>();
    expected.forEach((phrase, type) -> mapped.put(text.apply(phrase), text.apply(type)));
    return new Confusion(phrases.stream().map(text).toList(), actuals.stream().map(text).toList(), counts, mapped);
  }
}
