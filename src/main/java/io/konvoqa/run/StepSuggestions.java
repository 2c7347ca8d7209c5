package io.konvoqa.run;

import io.konvoqa.gate.Spelling;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the existing step phrase closest to an undefined one. */
final class StepSuggestions {
  private StepSuggestions() {}

  static Optional<String> closest(String text, List<String> patterns) {
    String normal = normalise(text);
    String best = null;
    double bestScore = Double.MAX_VALUE;
    for (String pattern : patterns) {
      if (!pattern.contains(" ")) continue;
      String candidate = pattern.toLowerCase(Locale.ROOT);
      double score = (double) Spelling.distance(normal, candidate) / Math.max(normal.length(), candidate.length());
      if (score < bestScore) {
        bestScore = score;
        best = pattern;
      }
    }
    return bestScore <= 0.6 ? Optional.ofNullable(best) : Optional.empty();
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
