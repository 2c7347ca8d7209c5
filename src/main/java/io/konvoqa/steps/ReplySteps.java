package io.konvoqa.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Durations;
import io.konvoqa.gate.LengthGates;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.RateClaim;
import io.konvoqa.gate.ReplyGates;
import io.konvoqa.gate.ShareGates;
import io.konvoqa.gate.TriggerPhrase;
import java.time.Duration;
import java.util.List;

/** What the AI says and how it behaves: forbidden phrases, required phrases, loops, speed. */
public final class ReplySteps {
  private final ScenarioSessions sessions;

  public ReplySteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then no AI reply contains \"as an AI language model\"",
      semantics = "No message from the AI (origin mapped to ai, by default `AI`) contains the text, case-insensitively. Offending sessions quote the reply.")
  @Then("no AI reply contains {string}")
  public void noReplyContains(String text) {
    List<TriggerPhrase> forbidden = List.of(TriggerPhrase.text(text));
    Gatekeeper.enforce(sessions, "no AI reply contains '" + text + "'",
        () -> ReplyGates.noAiReply(forbidden, "contains '" + text + "'"));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then no AI reply matches \"/\\bguarantee(d|s)?\\b/\"",
      semantics = "No AI reply matches the Java regular expression (case-insensitive; the slashes are optional). Write it in the feature exactly as the regular expression reads: `\\b` is a word boundary, with one backslash. A malformed expression is a configuration error saying what is wrong.")
  @Then("no AI reply matches {string}")
  public void noReplyMatches(String regex) {
    TriggerPhrase pattern = TriggerPhrase.regexOf(regex);
    Gatekeeper.enforce(sessions, "no AI reply matches '" + regex + "'", () -> ReplyGates.noAiReply(List.of(pattern), "matches " + pattern.text()));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then no AI reply contains any of these phrases:\n  | forbidden phrase |\n  | Amazon           |\n  | Zalando          |\n  | /otto\\.de\\b/     |",
      semantics = "No AI reply contains any phrase of the list, case-insensitively; a row written between slashes is a regular expression, as in `no AI reply matches`. One phrase per row, in one column. A first row that reads exactly `forbidden phrase`, `forbidden phrases`, `phrase` or `phrases` is a header and is skipped (to forbid that very word, write it `/phrase/`). Each offending session names the phrase its reply matched.")
  @Then("no AI reply contains any of these phrases:")
  public void noReplyContainsAny(DataTable phrases) {
    List<TriggerPhrase> forbidden = ForbiddenPhrases.parse(phrases);
    Gatekeeper.enforce(sessions, "no AI reply contains any of " + forbidden,
        () -> ReplyGates.noAiReply(forbidden, forbidden.size() <= 5
            ? "contains a forbidden phrase (" + String.join(", ", forbidden.stream().map(Object::toString).toList()) + ")"
            : "contains one of " + forbidden.size() + " forbidden phrases"));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then at least 80% of sessions with sub_intent_type \"RETURN_REQUEST\" have an AI reply containing \"return label\"",
      semantics = "Among sessions with that sub_intent_type (at least the minimum sample of them), the share with an AI reply containing the text must be at least the percentage. Offending sessions: those without it.")
  @Then("at least {percent} of sessions with sub_intent_type {string} have an AI reply containing {string}")
  public void replyContaining(double atLeast, String subIntentType, String text) {
    Gatekeeper.enforce(sessions, "at least " + Percent.written(atLeast) + " of sessions with sub_intent_type "
        + subIntentType + " have an AI reply containing '" + text + "'",
        () -> ReplyGates.aiReplyContaining(subIntentType, text, atLeast));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then every session with a customer message has an AI reply",
      semantics = "Every session in which the customer wrote has at least one AI message.")
  @Then("every session with a customer message has an AI reply")
  public void everyAnswered() {
    Gatekeeper.enforce(sessions, "every session with a customer message has an AI reply",
        () -> ReplyGates.everyCustomerGetsAiReply());
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then no AI reply is sent twice in a row in the same session",
      semantics = "Loops: no two consecutive AI replies of a session (customer messages in between notwithstanding) say the same thing, ignoring case and spacing.")
  @Then("no AI reply is sent twice in a row in the same session")
  public void noLoops() {
    Gatekeeper.enforce(sessions, "no AI reply is sent twice in a row in the same session",
        () -> ReplyGates.noRepeatedAiReply());
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then the AI answers the first customer message within 30 seconds in at least 95% of sessions",
      semantics = "Among sessions with a customer message: the first AI reply at or after the first customer message must come within the duration; a session with no such reply counts as not answered in time. Passes when at least the percentage were answered in time. Sessions without message timestamps: data unavailable.")
  @Then("the AI answers the first customer message within {duration} in at least {percent} of sessions")
  public void firstReplyWithin(Duration limit, double atLeast) {
    Gatekeeper.enforce(sessions, "the AI answers the first customer message within "
        + Durations.format(limit) + " in at least " + Percent.written(atLeast) + " of sessions",
        () -> ReplyGates.firstReplyWithin(limit, atLeast));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then no session has more than 12 customer messages",
      semantics = "No session has more customer messages than the number: a sign the AI did not get to the point.")
  @Then("no session has more than {int} customer messages")
  public void maxCustomerMessages(int max) {
    if (max < 0) throw new ConfigurationException("the most customer messages must be 0 or more but was " + max);
    Gatekeeper.enforce(sessions, "no session has more than " + max + " customer messages",
        () -> ReplyGates.maxCustomerMessages(max));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then at most 2% of sessions have more than 8 customer messages",
      semantics = "The share of sessions with more customer messages than the number / all sessions chosen, judged as every rate is: passes when the share itself is at most the limit, under the minimum sample only a share beyond doubt over it is a breach. Offending sessions: those with more. A session whose messages of unknown writer could lift it over the number is left out of the share and counted as unknown (the gate cannot judge when they could change its verdict). `no session has more than 8 customer messages` is the same with no tolerance.")
  @Then("at most {percent} of sessions have more than {int} customer messages")
  public void shareWithMoreCustomerMessages(double limit, int max) {
    if (max < 0) throw new ConfigurationException("the most customer messages must be 0 or more but was " + max);
    Gatekeeper.enforce(sessions, "at most " + Percent.written(limit) + " of sessions have more than " + max
        + " customer messages", () -> ShareGates.moreCustomerMessagesThan(RateClaim.atMost(limit), max));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then at most 2% of sessions have more than 8 customer messages with 95% confidence",
      semantics = "As `at most 2% of sessions have more than 8 customer messages`, strict as `the unresolved rate is at most 15% with 95% confidence`: passes only when the upper bound of the two-sided Wilson interval at the given confidence is at most the limit.")
  @Then("at most {percent} of sessions have more than {int} customer messages with {percent} confidence")
  public void shareWithMoreCustomerMessagesConfidently(double limit, int max, double confidence) {
    if (max < 0) throw new ConfigurationException("the most customer messages must be 0 or more but was " + max);
    RateClaim claim = RateClaim.atMostWithConfidence(limit, confidence);
    Gatekeeper.enforce(sessions, "at most " + Percent.written(limit) + " of sessions have more than " + max
        + " customer messages with " + Percent.written(confidence) + " confidence",
        () -> ShareGates.moreCustomerMessagesThan(claim, max));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then at most 1% of sessions have an AI reply matching \"/let me (check|see)/\"",
      semantics = "The share of sessions with an AI reply that matches the Java regular expression (as in `no AI reply matches`: case-insensitive, the slashes optional) / all sessions chosen, judged as every rate is (see `the unresolved rate is at most 15%`). Offending sessions: those with such a reply, quoting it. A session without one, but with an AI reply that came without text or a matching message of unknown writer, is left out and counted as unknown.")
  @Then("at most {percent} of sessions have an AI reply matching {string}")
  public void shareWithReplyMatching(double limit, String regex) {
    TriggerPhrase pattern = TriggerPhrase.regexOf(regex);
    Gatekeeper.enforce(sessions, "at most " + Percent.written(limit) + " of sessions have an AI reply matching '"
        + regex + "'", () -> ShareGates.aiReplyMatching(RateClaim.atMost(limit), pattern));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then at most 5% of sessions have an AI reply containing \"let me check\"",
      semantics = "As `at most 1% of sessions have an AI reply matching`, for plain text, found case-insensitively anywhere in the reply (slashes are not special).")
  @Then("at most {percent} of sessions have an AI reply containing {string}")
  public void shareWithReplyContaining(double limit, String text) {
    TriggerPhrase needle = TriggerPhrase.text(text);
    Gatekeeper.enforce(sessions, "at most " + Percent.written(limit) + " of sessions have an AI reply containing '"
        + text + "'", () -> ShareGates.aiReplyMatching(RateClaim.atMost(limit), needle));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then no session has more than 12 messages",
      semantics = "No session has more messages than the number, counting every message whoever wrote it (customer, AI, human agent, and messages whose writer or text is unknown).")
  @Then("no session has more than {int} messages")
  public void maxMessages(int max) {
    if (max < 0) throw new ConfigurationException("the most messages must be 0 or more but was " + max);
    Gatekeeper.enforce(sessions, "no session has more than " + max + " messages",
        () -> LengthGates.maxMessages(max));
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then no session lasts longer than 30 minutes",
      semantics = "No session lasts longer than the duration, from the `created_at` of its first message to that of its last (a session with fewer than two messages lasts 0). A message without `created_at` leaves a session's length unknown: the gate cannot pass while any such session is found (data unavailable), unless its dated messages alone already span more than the duration (an offender all the same).")
  @Then("no session lasts longer than {duration}")
  public void maxDuration(Duration limit) {
    Gatekeeper.enforce(sessions, "no session lasts longer than " + Durations.format(limit),
        () -> LengthGates.maxDuration(limit));
  }
}
