package io.konvoqa.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Durations;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.ReplyGates;
import io.konvoqa.gate.TriggerPhrase;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the AI says and how it behaves: forbidden phrases, required phrases, loops, speed. */
public final class ReplySteps {
  private final ScenarioSessions sessions;

  public ReplySteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Then("no AI reply contains {string}")
  public void noReplyContains(String text) {
    if (text.isBlank()) throw new ConfigurationException("the forbidden text is empty: write the words the AI must never say");
    Pattern pattern = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    Gatekeeper.enforce(sessions, "no AI reply contains '" + text + "'",
        (sample, gate) -> ReplyGates.noAiReply(sample, pattern, "contains '" + text + "'", gate));
  }

  @Then("no AI reply matches {string}")
  public void noReplyMatches(String regex) {
    String expression = regex.length() >= 2 && regex.startsWith("/") && regex.endsWith("/")
        ? regex.substring(1, regex.length() - 1) : regex;
    Pattern pattern = TriggerPhrase.regex(expression, regex);
    Gatekeeper.enforce(sessions, "no AI reply matches '" + regex + "'",
        (sample, gate) -> ReplyGates.noAiReply(sample, pattern, "matches /" + expression + "/", gate));
  }

  @Then("no AI reply contains any of these phrases:")
  public void noReplyContainsAny(DataTable phrases) {
    List<String> list = phrases.asList().stream().filter(Objects::nonNull).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    if (list.isEmpty()) throw new ConfigurationException("the list of forbidden phrases is empty");
    Pattern pattern = Pattern.compile(list.stream().map(Pattern::quote).collect(Collectors.joining("|")),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    Gatekeeper.enforce(sessions, "no AI reply contains any of " + list,
        (sample, gate) -> ReplyGates.noAiReply(sample, pattern, "contains a forbidden phrase", gate));
  }

  @Then("at least {percent} of sessions with sub_intent_type {string} have an AI reply containing {string}")
  public void replyContaining(double atLeast, String subIntentType, String text) {
    Gatekeeper.enforce(sessions, "at least " + Percent.format(atLeast) + " of sessions with sub_intent_type "
        + subIntentType + " have an AI reply containing '" + text + "'",
        (sample, gate) -> ReplyGates.aiReplyContaining(sample, subIntentType, text, atLeast, gate));
  }

  @Then("every session with a customer message has an AI reply")
  public void everyAnswered() {
    Gatekeeper.enforce(sessions, "every session with a customer message has an AI reply",
        ReplyGates::everyCustomerGetsAiReply);
  }

  @Then("no AI reply is sent twice in a row in the same session")
  public void noLoops() {
    Gatekeeper.enforce(sessions, "no AI reply is sent twice in a row in the same session",
        ReplyGates::noRepeatedAiReply);
  }

  @Then("the AI answers the first customer message within {duration} in at least {percent} of sessions")
  public void firstReplyWithin(Duration limit, double atLeast) {
    Gatekeeper.enforce(sessions, "the AI answers the first customer message within "
        + Durations.format(limit) + " in at least " + Percent.format(atLeast) + " of sessions",
        (sample, gate) -> ReplyGates.firstReplyWithin(sample, limit, atLeast, gate));
  }

  @Then("no session has more than {int} customer messages")
  public void maxCustomerMessages(int max) {
    if (max < 0) throw new ConfigurationException("the most customer messages must be 0 or more but was " + max);
    Gatekeeper.enforce(sessions, "no session has more than " + max + " customer messages",
        (sample, gate) -> ReplyGates.maxCustomerMessages(sample, max, gate));
  }
}
