package io.konvoqa.gate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Values of an open set (channel, sub_intent_type) compared the way every gate and filter compares
 * them: ignoring case. {@code WhatsApp} and {@code whatsapp} are one channel, shown in the spelling
 * most sessions use (ties: the first in alphabetical order); a missing value is "(none)".
 */
final class Spellings {
  private final Map<String, Map<String, Long>> byKey = new HashMap<>();

  /** The value compared: lower-cased, or "(none)". */
  static String key(String value) {
    return value == null ? Judging.label(null) : value.toLowerCase(Locale.ROOT);
  }

  void add(String value, long count) {
    byKey.computeIfAbsent(key(value), k -> new HashMap<>()).merge(Judging.label(value), count, Long::sum);
  }

  void addAll(Spellings other) {
    other.byKey.forEach((key, spellings) -> spellings.forEach((spelling, count) ->
        byKey.computeIfAbsent(key, k -> new HashMap<>()).merge(spelling, count, Long::sum)));
  }

  /** The spelling shown for a key: the most frequent one. */
  String shown(String key) {
    Map<String, Long> spellings = byKey.get(key);
    if (spellings == null) return key;
    return spellings.entrySet().stream()
        .min(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .orElseThrow().getKey();
  }
}
