package io.konvoqa.run;

import io.konvoqa.gate.Spelling;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;

/**
 * Finds the existing step phrase closest to an undefined one: most words in common, then the
 * fewest character edits.
 */
final class StepSuggestions {
  private StepSuggestions() {}

  /** Up to {@code max} phrases, closest first, sharing at least 40% of their words with the text. */
  static List<String> closest(String text, List<String> patterns, int max) {
    String normal = normalise(text);
    Set<String> words = words(normal);
    record Candidate(String pattern, double shared, int edits) {}
    List<Candidate> candidates = new ArrayList<>();
    for (String pattern : patterns) {
      if (!pattern.contains(" ")) continue;
      String candidate = pattern.toLowerCase(Locale.ROOT);
      Set<String> both = new HashSet<>(words);
      both.retainAll(words(candidate));
      Set<String> either = new HashSet<>(words);
      either.addAll(words(candidate));
      double shared = (double) both.size() / either.size();
      if (shared >= 0.4) candidates.add(new Candidate(pattern, shared, Spelling.distance(normal, candidate)));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::shared).reversed()
        .thenComparingInt(Candidate::edits));
    return candidates.stream().limit(max).map(Candidate::pattern).toList();
  }

  private static Set<String> words(String text) {
    return new HashSet<>(Arrays.asList(text.split("\\s+")));
  }

  /** The step text with its arguments replaced by parameter names, as patterns write them. */
  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("\"[^\"]*\"", "{string}")
        .replaceAll("\\d+(?:\\.\\d+)?\\s*(?:%|percent|per cent)", "{percent}")
        .replaceAll("\\d+ (?:seconds?|minutes?|hours?|days?|weeks?)", "{duration}")
        .replaceAll("\\d+", "{int}");
  }
}
