package io.konvoqa.demo;

import io.konvoqa.simulator.JudgeTruth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo rubrics' truth, read from a transcript with the demo's own script: which intent the
 * customer's opening belongs to, which intent the AI's first answer belongs to, whether anyone
 * said the script's unresolved lines, and what return period the AI stated.
 *
 * <ul>
 *   <li>{@code resolution}: fails when the AI's first answer belongs to another intent than the
 *       customer's opening (the German return requests answered with shopping tips), or when the
 *       session ended unresolved.
 *   <li>{@code return-policy}: fails when the AI states a return period other than the shop's 14
 *       days.
 * </ul>
 */
final class DemoJudgeTruth implements JudgeTruth {
  static final String RESOLUTION = "resolution";
  static final String RETURN_POLICY = "return-policy";
  private static final Pattern PERIOD = Pattern.compile("within (\\d+) days|innerhalb von (\\d+) Tagen");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+\\}");

  private record Cue(Intent intent, String fragment) {}

  private final List<Cue> openings = new ArrayList<>();
  private final List<Cue> answers = new ArrayList<>();
  private final List<String> unresolved = new ArrayList<>();

  DemoJudgeTruth() {
    for (Phrases p : List.of(English.PHRASES, German.PHRASES)) {
      p.scripts().forEach((intent, script) -> {
        script.openings().forEach(t -> openings.add(new Cue(intent, fragment(t))));
        script.answers().forEach(t -> answers.add(new Cue(intent, fragment(t))));
      });
      p.customer().complaints().forEach(t -> unresolved.add(fragment(t)));
      p.ai().unresolved().forEach(t -> unresolved.add(fragment(t)));
      p.agent().unresolved().forEach(t -> unresolved.add(fragment(t)));
    }
    // a longer cue first: "I want to return my jacket" must not be taken for a shorter one inside it
    openings.sort(Comparator.comparingInt((Cue c) -> -c.fragment().length()));
    answers.sort(Comparator.comparingInt((Cue c) -> -c.fragment().length()));
  }

  @Override public Set<String> rubrics() {
    return Set.of(RESOLUTION, RETURN_POLICY);
  }

  @Override public Verdict grade(String rubric, String transcript) {
    return switch (rubric) {
      case RESOLUTION -> resolution(transcript);
      case RETURN_POLICY -> returnPolicy(transcript);
      default -> throw new IllegalArgumentException("the demo judge knows " + rubrics() + " but not '" + rubric + "'");
    };
  }

  /**
   * The reasons of a judge that erred as language models do: passing a misrouted or unresolved
   * conversation as if it were fine, failing a handover that the rubric allows, asking for a
   * confirmation it does not require, or missing a 30-day period in a long answer.
   */
  @Override public String mistaken(String rubric, String transcript, boolean pass) {
    boolean agent = transcript.contains("] human_agent: ");
    return switch (rubric) {
      case RESOLUTION -> pass ? "The AI understood the customer's request and resolved it."
          : agent ? "The AI could not resolve the request itself and had to hand the customer over to a human agent."
          : "The conversation ends without the customer confirming that the request was resolved.";
      case RETURN_POLICY -> pass ? "The AI stated no return period other than the shop's 14 days."
          : PERIOD.matcher(transcript).find()
              ? "The AI does not say that the 14 days are counted from delivery, so the customer may assume a longer period."
              : "The AI discussed the customer's order without stating the 14-day return period.";
      default -> JudgeTruth.super.mistaken(rubric, transcript, pass);
    };
  }

  private Verdict resolution(String transcript) {
    Intent asked = first(openings, transcript);
    Intent answered = first(answers, transcript);
    if (asked != null && answered != null && asked != answered) {
      return new Verdict(false, "The AI answered a " + words(answered) + " request instead of the customer's "
          + words(asked) + ", so the request was not understood.");
    }
    for (String cue : unresolved) {
      if (transcript.contains(cue)) {
        return new Verdict(false, "The customer's request was not resolved in the conversation.");
      }
    }
    return new Verdict(true, "The AI understood the customer's request and resolved it.");
  }

  private static Verdict returnPolicy(String transcript) {
    for (String line : transcript.split("\n(?=\\[)")) {
      if (!line.contains("] ai: ")) continue;
      Matcher m = PERIOD.matcher(line);
      while (m.find()) {
        String days = m.group(1) != null ? m.group(1) : m.group(2);
        if (!days.equals("14")) {
          return new Verdict(false, "The AI told the customer they have " + days
              + " days to return an item; the shop's policy is 14 days.");
        }
      }
    }
    return new Verdict(true, "The AI stated no return period other than the shop's 14 days.");
  }

  private static Intent first(List<Cue> cues, String transcript) {
    for (Cue cue : cues) if (transcript.contains(cue.fragment())) return cue.intent();
    return null;
  }

  /** The longest piece of a template between its placeholders: what survives filling and masking. */
  private static String fragment(String template) {
    String longest = "";
    for (String piece : PLACEHOLDER.split(template)) {
      String p = piece.strip();
      if (p.length() > longest.length()) longest = p;
    }
    return longest;
  }

  private static String words(Intent intent) {
    return intent.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
