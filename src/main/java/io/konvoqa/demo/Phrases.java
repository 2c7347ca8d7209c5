package io.konvoqa.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Everything the demo shop's customers, AI and human agents say, in one language.
 *
 * <p>Templates may hold {@code {order}}, {@code {email}}, {@code {phone}}, {@code {name}} and
 * {@code {agent}}, filled per session. No AI or agent line may contain anything a QA team would
 * forbid ("as an AI language model", "guarantee", a competitor's name): the healthy data must pass
 * those gates, so a gate that fails on it points at the gate, not the data.
 *
 * @param code the language code written into the trail
 * @param scripts per sub_intent_type: the customer's openings, the AI's answers and follow-ups
 * @param customer what customers say after their opening
 * @param ai what the AI says whatever the intent
 * @param agent what the human agents say after a handover
 */
record Phrases(
    String code,
    Map<Intent, Script> scripts,
    CustomerLines customer,
    AiLines ai,
    AgentLines agent) {

  /** Openings carry the trigger phrases; most templates of an intent have one, not all. */
  record Script(List<String> openings, List<String> answers, List<String> followUps) {}

  /**
   * @param details follow-ups giving information, some of it contact details (for masking work)
   * @param questions follow-up questions any intent's AI follow-ups answer
   * @param insist a customer whose return request was misunderstood, saying so
   * @param stories long additions (500+ characters) to an opening
   */
  record CustomerLines(List<String> details, List<String> questions, List<String> thanks,
      List<String> complaints,
      List<String> insist, List<String> stories, String greeting, String signOff) {}

  /** @param returnsLink the resolution of a misrouted return request that ended well */
  record AiLines(List<String> middle, List<String> resolved, List<String> unresolved,
      List<String> handover, String returnsLink) {}

  record AgentLines(
      List<String> intro, List<String> middle, List<String> resolved, List<String> unresolved) {}

  static Phrases of(boolean german) {
    return german ? German.PHRASES : English.PHRASES;
  }

  Script script(Intent intent) {
    return scripts.get(intent);
  }

  static String any(List<String> pool, SplittableRandom random) {
    return pool.get(random.nextInt(pool.size()));
  }
}
