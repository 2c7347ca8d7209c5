package io.konvoqa.run;

import io.konvoqa.gate.Spelling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the existing step phrase closest to an undefined one: most meaning in common, then the
 * fewest character edits. Words of one meaning ("handed over", "human", "agent"; "replies",
 * "answers") count as one, and weigh more than the words around them.
 */
final class StepSuggestions {
  private StepSuggestions() {}

  /** Word → the meaning it stands for; a meaning weighs {@link #MEANING} in the score. */
  static final Map<String, String> MEANINGS = Map.ofEntries(
      Map.entry("handover", "handover"), Map.entry("handed", "handover"), Map.entry("hand", "handover"),
      Map.entry("human", "handover"), Map.entry("agent", "handover"), Map.entry("escalated", "handover"),
      Map.entry("escalation", "handover"), Map.entry("transferred", "handover"), Map.entry("transfer", "handover"),
      Map.entry("reply", "reply"), Map.entry("replie", "reply"), Map.entry("replied", "reply"),
      Map.entry("answer", "reply"), Map.entry("answered", "reply"), Map.entry("respond", "reply"),
      Map.entry("response", "reply"), Map.entry("sent", "reply"), Map.entry("send", "reply"),
      Map.entry("never", "no"), Map.entry("no", "no"), Map.entry("none", "no"), Map.entry("without", "no"),
      Map.entry("contain", "contain"), Map.entry("say", "contain"), Map.entry("mention", "contain"),
      Map.entry("include", "contain"), Map.entry("use", "contain"), Map.entry("containing", "contain"),
      Map.entry("match", "match"), Map.entry("matche", "match"), Map.entry("matching", "match"),
      Map.entry("within", "within"), Map.entry("fast", "within"), Map.entry("quickly", "within"),
      Map.entry("latency", "within"), Map.entry("time", "within"),
      Map.entry("unresolved", "unresolved"), Map.entry("resolved", "unresolved"), Map.entry("resolution", "unresolved"),
      Map.entry("route", "sub_intent_type"), Map.entry("routing", "sub_intent_type"), Map.entry("routed", "sub_intent_type"),
      Map.entry("skill", "sub_intent_type"), Map.entry("intent", "sub_intent_type"),
      Map.entry("sub_intent_type", "sub_intent_type"), Map.entry("sub_intent_types:", "sub_intent_type"),
      Map.entry("category", "sub_intent_type"), Map.entry("topic", "sub_intent_type"),
      Map.entry("channel", "channel"), Map.entry("baseline", "baseline"), Map.entry("blessed", "baseline"),
      Map.entry("snapshot", "baseline"), Map.entry("twice", "twice"), Map.entry("repeated", "twice"),
      Map.entry("duplicate", "twice"), Map.entry("trigger", "trigger"), Map.entry("phrase", "phrase"),
      Map.entry("drift", "drift"), Map.entry("drifted", "drift"), Map.entry("risen", "risen"),
      Map.entry("rise", "risen"), Map.entry("increased", "risen"), Map.entry("grown", "risen"),
      Map.entry("significantly", "significantly"), Map.entry("confidence", "significantly"),
      Map.entry("completed", "completed"), Map.entry("closed", "completed"), Map.entry("finished", "completed"),
      Map.entry("older", "older"), Map.entry("updated", "updated"), Map.entry("last", "updated"),
      Map.entry("customer", "customer"), Map.entry("user", "customer"), Map.entry("first", "first"),
      Map.entry("language", "language"), Map.entry("german", "language"), Map.entry("english", "language"),
      Map.entry("all", "every"));

  static final int MEANING = 3;

  /**
   * Meanings that tell two steps otherwise alike apart ("first" AI replies against every AI reply):
   * they weigh twice as much as other meanings.
   */
  static final Set<String> DECISIVE = Set.of("first");

  /** Words that carry no meaning of their own in a step phrase. */
  static final Set<String> FILLER = Set.of("the", "a", "an", "of", "is", "are", "be", "in", "at", "to",
      "over", "it", "its", "by", "for", "on", "ai", "then", "given", "and", "should", "must", "that");

  /**
   * Words of a claim about what was meant, which no keyword or metadata gate reads and a judge can
   * grade: "the AI is polite", "the AI answers what the customer asked".
   */
  static final Set<String> ABOUT_MEANING = Set.of("polite", "politely", "rude", "friendly", "helpful", "unhelpful",
      "correct", "correctly", "accurate", "accurately", "relevant", "empathetic", "empathy", "professional",
      "professionally", "tone", "respectful", "courteous", "honest", "truthful", "hallucinate", "hallucinates",
      "invents", "asked", "understands", "understood", "appropriate", "appropriately", "clear", "clearly",
      "concise", "complete", "completely", "helpfully", "advice", "promise", "promises", "quality", "properly",
      "patient", "satisfied");

  /** What an undefined step's message adds: the "should" rewrite, else the judged steps for a claim about meaning, else the closest steps. */
  static String advice(String text, String keyword, List<String> patterns) {
    Optional<String> rewritten = rewrite(text, patterns);
    if (rewritten.isPresent()) return "; write '" + keyword + " " + rewritten.get() + "'";
    List<String> closest = closest(text, patterns, 2);
    boolean judgedStep = !closest.isEmpty() && (closest.get(0).contains("rubric") || closest.get(0).contains("judged"));
    if (!judgedStep && aboutMeaning(text)) {
      String criterion = text.strip().replaceAll("[.:]+$", "");
      return "; no keyword or metadata gate can see that, but a judge can grade it: write 'Then at least 90% of"
          + " sessions are judged to meet:' with the criterion in a docstring (\"\"\" " + capitalised(criterion) + ". \"\"\"),"
          + " or put it in rubrics/NAME.md and write 'Then at least 90% of sessions pass the rubric \"NAME\"'"
          + " (docs/judge.md)";
    }
    if (closest.isEmpty()) return "";
    if (closest.size() == 1) return "; the closest existing step is '" + closest.get(0) + "'";
    return "; the closest existing steps are '" + closest.get(0) + "' and '" + closest.get(1) + "'";
  }

  static boolean aboutMeaning(String text) {
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z']+")) if (ABOUT_MEANING.contains(word)) return true;
    return false;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Up to {@code max} phrases, closest first, sharing at least 40% of their weighted meaning with the text. */
  static List<String> closest(String text, List<String> patterns, int max) {
    String normal = normalise(text);
    Set<String> words = meanings(normal);
    record Candidate(String pattern, double shared, int edits) {}
    List<Candidate> candidates = new ArrayList<>();
    for (String pattern : patterns) {
      if (!pattern.contains(" ")) continue;
      String candidate = pattern.toLowerCase(Locale.ROOT);
      Set<String> theirs = meanings(candidate);
      Set<String> both = new HashSet<>(words);
      both.retainAll(theirs);
      Set<String> either = new HashSet<>(words);
      either.addAll(theirs);
      double shared = either.isEmpty() ? 0 : (double) weight(both) / weight(either);
      if (shared >= 0.4) candidates.add(new Candidate(pattern, shared, Spelling.distance(normal, candidate)));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::shared).reversed()
        .thenComparingInt(Candidate::edits));
    return candidates.stream().limit(max).map(Candidate::pattern).toList();
  }

  /**
   * The text with "should" phrasing rewritten to the form a step is written in ("should be" → "is",
   * "should have" → "has"), when that rewrite is an existing step; empty otherwise.
   */
  static Optional<String> rewrite(String text, List<String> patterns) {
    if (!text.toLowerCase(Locale.ROOT).matches(".*\\bshould\\b.*")) return Optional.empty();
    String[][] forms = {{"should be", "is"}, {"should be", "are"}, {"should have", "has"},
        {"should have", "have"}, {"should not be", "is not"}, {"should not have", "has not"},
        {"should not", "does not"}, {"should not", "do not"}, {"should", ""}};
    for (String[] form : forms) {
      String rewritten = text.replaceAll("(?i)\\b" + form[0] + "\\b", form[1]).replaceAll("\\s+", " ").trim();
      String normal = normalise(rewritten);
      for (String pattern : patterns) {
        if (pattern.toLowerCase(Locale.ROOT).equals(normal)) return Optional.of(rewritten);
      }
    }
    return Optional.empty();
  }

  private static int weight(Set<String> meanings) {
    int sum = 0;
    for (String meaning : meanings) {
      sum += DECISIVE.contains(meaning) ? 2 * MEANING : MEANINGS.containsValue(meaning) ? MEANING : 1;
    }
    return sum;
  }

  /** The text's words as meanings: fillers dropped, plurals made singular, synonyms merged. */
  static Set<String> meanings(String text) {
    Set<String> meanings = new HashSet<>();
    String spaced = text.toLowerCase(Locale.ROOT).replace("handed over", "handover").replace("hand over", "handover")
        .replace("no more than", "at most").replace("not more than", "at most")
        .replace("sub-intent", "sub_intent_type");
    for (String word : spaced.split("[\\s,.]+")) {
      if (word.endsWith(":")) {
        meanings.add(":"); // a table or a list follows: the step must take one too
        word = word.substring(0, word.length() - 1);
      }
      if (word.isEmpty() || FILLER.contains(word)) continue;
      if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.startsWith("{")) {
        word = word.substring(0, word.length() - 1);
      }
      meanings.add(MEANINGS.getOrDefault(word, word));
    }
    return meanings;
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
