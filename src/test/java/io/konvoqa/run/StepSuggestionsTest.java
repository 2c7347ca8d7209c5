package io.konvoqa.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.konvoqa.steps.ParameterTypes;
import io.konvoqa.steps.StepCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class StepSuggestionsTest {
  /** Every registered step phrase, as Cucumber reports them to the plugin. */
  static final List<String> PATTERNS = StepCatalog.entries().stream().map(StepCatalog.Entry::phrase).toList();

  static final String HANDOVER = "at most {percent} of sessions are handed over to a human agent";
  static final String FIRST_REPLY = "the AI answers the first customer message within {duration} in at least {percent} of sessions";
  static final String UNRESOLVED = "the unresolved rate is at most {percent}";
  static final String CUSTOMER_SHARE = "at most {percent} of sessions have more than {int} customer messages";
  static final String REPLY_MATCHING = "at most {percent} of sessions have an AI reply matching {string}";
  static final String REPLY_CONTAINING = "at most {percent} of sessions have an AI reply containing {string}";
  static final String VOLUME = "at least {int} sessions were updated in the last {duration}";
  static final String ANY_MESSAGE = "only sessions where a customer message contains {string}";
  static final String MESSAGES = "no session has more than {int} messages";
  static final String LASTS = "no session lasts longer than {duration}";
  static final String HANDOVER_AT_LEAST = "at least {percent} of sessions are handed over to a human agent";
  static final String HANDOVER_PER_CHANNEL = "the handover rate on each channel is at most {percent}";
  static final String HANDOVER_RISE = "the handover rate has not risen by more than {percent} points over the baseline";
  static final String MEDIAN = "the median AI reply time is at most {duration}";
  static final String MEDIAN_PER_CHANNEL = "the median AI reply time on each channel is at most {duration}";
  static final String WITHIN = "{percent} of AI replies are sent within {duration}";
  static final String WITHIN_PER_CHANNEL = "{percent} of AI replies on each channel are sent within {duration}";
  static final String LANGUAGE = "the AI replies in the customer's language in at least {percent} of sessions";
  static final String SAMPLE = "a random sample of {int} sessions";
  static final String RUBRIC = "at least {percent} of sessions pass the rubric {string}";
  static final String FAIL_RATE = "the fail rate on the rubric {string} is at most {percent}";
  static final String EVERY_PASSES = "every session passes the rubric {string}";
  static final String AT_MOST_FAIL = "at most {percent} of sessions fail the rubric {string}";
  static final String EVERY_MEETS = "every session is judged to meet:";

  /** A first draft as a QA engineer writes it, and the step it must lead to. */
  record Draft(String text, String step) {}

  static final List<Draft> DRAFTS = List.of(
      new Draft("the handover rate is at most 10%", HANDOVER),
      new Draft("95% of first AI replies are sent within 30 seconds", FIRST_REPLY),
      new Draft("the AI replies within 30 seconds", WITHIN),
      new Draft("the AI never says any of:", "no AI reply contains any of these phrases:"),
      new Draft("the unresolved rate should be at most 15%", UNRESOLVED),
      new Draft("the unresolved rate is at most 15 %", UNRESOLVED),
      new Draft("the unresolved rate is at most 15%", UNRESOLVED),
      new Draft("no more than 10% of sessions are escalated to a human", HANDOVER),
      new Draft("at most 5% of conversations are handed over to an agent", HANDOVER),
      new Draft("the unresolved rate per channel is at most 20%", "the unresolved rate on each channel is at most {percent}"),
      new Draft("the unresolved rate for every sub_intent_type is at most 20%",
          "the unresolved rate for each sub_intent_type is at most {percent}"),
      new Draft("the unresolved rate is below 15%", UNRESOLVED),
      new Draft("no AI reply says \"as an AI language model\"", "no AI reply contains {string}"),
      new Draft("the AI never mentions \"competitor\"", "no AI reply contains {string}"),
      new Draft("no AI reply matches the regex \"/refund now/\"", "no AI reply matches {string}"),
      new Draft("every customer message gets an AI reply", "every session with a customer message has an AI reply"),
      new Draft("the AI never sends the same reply twice", "no AI reply is sent twice in a row in the same session"),
      new Draft("no session has more than 8 customer messages", "no session has more than {int} customer messages"),
      new Draft("no conversation has more than 8 customer messages", "no session has more than {int} customer messages"),
      new Draft("no session should have more than 20 customer messages", "no session has more than {int} customer messages"),
      new Draft("the sessions from the last 7 days", "the sessions updated in the last {duration}"),
      new Draft("sessions on channel \"whatsapp\" only", "only sessions on channel {string}"),
      new Draft("only closed sessions", "only completed sessions"),
      new Draft("only sessions with skill \"billing\"", "only sessions with sub_intent_type {string}"),
      new Draft("only sessions where the first customer message contains \"refund\"",
          "only sessions whose first customer message contains {string}"),
      new Draft("at least 100 sessions", "at least {int} sessions are needed"),
      new Draft("sessions whose first message mentions \"refund\" are routed to \"billing\"",
          "sessions whose first customer message contains {string} have sub_intent_type {string}"),
      new Draft("at most 5% of sessions have skill \"other\"", "at most {percent} of sessions have sub_intent_type {string}"),
      new Draft("the unresolved rate has not increased by more than 2% over the baseline",
          "the unresolved rate has not risen by more than {percent} points over the baseline"),
      new Draft("the skill distribution has not drifted more than 10% from the baseline",
          "the sub_intent_type distribution has not drifted more than {percent} from the baseline"),
      new Draft("the blessed baseline snapshot", "the blessed baseline"),
      new Draft("the unresolved rate should not be significantly above 15%", "the unresolved rate is not significantly above {percent}"),
      new Draft("the AI should answer the first customer message within 30 seconds in at least 95% of sessions", FIRST_REPLY),
      new Draft("routing per trigger phrase has not dropped below the baseline",
          "routing accuracy per trigger phrase has not dropped below the baseline"),
      new Draft("the unresolved rate is at most 15% at 95% confidence", "the unresolved rate is at most {percent} with {percent} confidence"),
      new Draft("the trigger phrases are:", "the trigger phrases:"),
      new Draft("trigger phrases are routed to these skills:", "trigger phrases route to these sub_intent_types:"),
      new Draft("at most 2% of sessions have more than 8 customer messages", CUSTOMER_SHARE),
      new Draft("no more than 2% of sessions have more than 8 customer messages", CUSTOMER_SHARE),
      new Draft("at most 2% of conversations have more than 8 customer messages", CUSTOMER_SHARE),
      new Draft("at most 2% of sessions have more than 8 customer messages with 95% confidence",
          CUSTOMER_SHARE + " with {percent} confidence"),
      new Draft("at most 1% of sessions have an AI reply matching \"/sorry|apolog/\"", REPLY_MATCHING),
      new Draft("at most 1% of sessions have an AI reply that matches \"/sorry|apolog/\"", REPLY_MATCHING),
      new Draft("at most 1% of sessions have an AI reply containing \"sorry\"", REPLY_CONTAINING),
      new Draft("at most 1% of sessions have an AI reply that says \"sorry\"", REPLY_CONTAINING),
      new Draft("at least 500 sessions were updated in the last 24 hours", VOLUME),
      new Draft("at least 500 sessions came in the last 24 hours", VOLUME),
      new Draft("at least 500 sessions in the last 24 hours", VOLUME),
      new Draft("only sessions where a customer message contains \"/third time|dritte mal/\"", ANY_MESSAGE),
      new Draft("only sessions where any customer message contains \"again\"", ANY_MESSAGE),
      new Draft("only sessions where a customer message mentions \"again\"", ANY_MESSAGE),
      new Draft("no session has more than 20 messages", MESSAGES),
      new Draft("no conversation has more than 20 messages", MESSAGES),
      new Draft("no session has more than 20 messages in total", MESSAGES),
      new Draft("no session lasts longer than 30 minutes", LASTS),
      new Draft("no session should last longer than 30 minutes", LASTS),
      new Draft("no conversation lasts more than 30 minutes", LASTS),
      new Draft("at least 90% of sessions are handed over to a human agent", HANDOVER_AT_LEAST),
      new Draft("at least 90% of sessions are escalated to a human", HANDOVER_AT_LEAST),
      new Draft("at least 90% of sessions asking for a human are handed over", HANDOVER_AT_LEAST),
      new Draft("the handover rate on each channel is at most 10%", HANDOVER_PER_CHANNEL),
      new Draft("the handover rate per channel is at most 10%", HANDOVER_PER_CHANNEL),
      new Draft("the handover rate on each channel should be at most 10%", HANDOVER_PER_CHANNEL),
      new Draft("the handover rate has not risen by more than 2% points over the baseline", HANDOVER_RISE),
      new Draft("the handover rate has not increased by more than 2% over the baseline", HANDOVER_RISE),
      new Draft("the median AI reply time is at most 5 seconds", MEDIAN),
      new Draft("the median response time is at most 5 seconds", MEDIAN),
      new Draft("the median AI reply time should be at most 5 seconds", MEDIAN),
      new Draft("the median AI reply time per channel is at most 5 seconds", MEDIAN_PER_CHANNEL),
      new Draft("95% of AI replies are sent within 30 seconds", WITHIN),
      new Draft("at least 95% of AI replies are sent within 30 seconds", WITHIN),
      new Draft("95% of AI responses are sent within 30 seconds", WITHIN),
      new Draft("95% of AI replies on each channel are sent within 30 seconds", WITHIN_PER_CHANNEL),
      new Draft("95% of AI replies per channel are sent within 30 seconds", WITHIN_PER_CHANNEL),
      new Draft("the AI replies in the customer's language in at least 98% of sessions", LANGUAGE),
      new Draft("the AI answers in the customer's language in at least 98% of sessions", LANGUAGE),
      new Draft("the AI should reply in the customer's language in at least 98% of sessions", LANGUAGE),
      new Draft("the AI replies in the same language as the customer", LANGUAGE),
      new Draft("at least 98% of AI replies are in the customer's language", LANGUAGE),
      new Draft("a random sample of 200 sessions", SAMPLE),
      new Draft("a sample of 200 sessions", SAMPLE),
      new Draft("200 random sessions", SAMPLE),
      new Draft("at least 90% of sessions pass the rubric \"resolution\"", RUBRIC),
      new Draft("90% of sessions pass the rubric \"resolution\"", RUBRIC),
      new Draft("at least 90% of conversations pass the rubric \"resolution\"", RUBRIC),
      new Draft("at least 90% of sessions should pass the rubric \"resolution\"", RUBRIC),
      new Draft("at least 90% of sessions are judged to meet:", "at least {percent} of sessions are judged to meet:"),
      new Draft("at least 90% of sessions meet:", "at least {percent} of sessions are judged to meet:"),
      new Draft("no session fails the rubric \"no-legal-advice\"", "no session fails the rubric {string}"),
      new Draft("no conversation fails the rubric \"no-legal-advice\"", "no session fails the rubric {string}"),
      new Draft("no session should fail the rubric \"no-legal-advice\"", "no session fails the rubric {string}"),
      new Draft("the fail rate on the rubric \"resolution\" is at most 10%", FAIL_RATE),
      new Draft("the failure rate on the rubric \"resolution\" is at most 10%", FAIL_RATE),
      new Draft("the fail rate for the rubric \"resolution\" is at most 10%", FAIL_RATE),
      new Draft("the fail rate on the rubric \"resolution\" is not significantly above 10%",
          "the fail rate on the rubric {string} is not significantly above {percent}"),
      new Draft("the fail rate on the rubric \"resolution\" is at most 10% at 95% confidence",
          "the fail rate on the rubric {string} is at most {percent} with {percent} confidence"),
      new Draft("every session passes the rubric \"no-legal-advice\"", EVERY_PASSES),
      new Draft("every session should pass the rubric \"no-legal-advice\"", EVERY_PASSES),
      new Draft("all sessions pass the rubric \"no-legal-advice\"", EVERY_PASSES),
      new Draft("every conversation passes the rubric \"no-legal-advice\"", EVERY_PASSES),
      new Draft("at most 5% of sessions fail the rubric \"resolution\"", AT_MOST_FAIL),
      new Draft("no more than 5% of sessions fail the rubric \"resolution\"", AT_MOST_FAIL),
      new Draft("at most 5% of conversations fail the rubric \"resolution\"", AT_MOST_FAIL),
      new Draft("every session is judged to meet:", EVERY_MEETS),
      new Draft("every session meets:", EVERY_MEETS),
      new Draft("all sessions are judged to meet:", EVERY_MEETS));


  @Test void aClaimAboutMeaningLeadsToTheJudgedSteps() {
    for (String draft : List.of("the AI is polite", "the AI answers what the customer asked")) {
      String criterion = Character.toUpperCase(draft.charAt(0)) + draft.substring(1);
      assertThat(accepted(draft)).as(draft).isEmpty();
      assertThat(StepSuggestions.advice(draft, "Then", PATTERNS)).as(draft).isEqualTo("; no keyword or metadata gate"
          + " can see that, but a judge can grade it: write 'Then at least 90% of sessions are judged to meet:' with the"
          + " criterion in a docstring (\"\"\" " + criterion + ". \"\"\"), or put it in rubrics/NAME.md and write"
          + " 'Then at least 90% of sessions pass the rubric \"NAME\"' (docs/judge.md)");
    }
    assertThat(PATTERNS).contains("at least {percent} of sessions are judged to meet:",
        "at least {percent} of sessions pass the rubric {string}");
    // a draft whose closest step is a judged one names it; one about metadata keeps its closest steps
    assertThat(StepSuggestions.advice("every session should be polite and pass the rubric \"tone\"", "Then", PATTERNS))
        .startsWith("; the closest existing step");
    assertThat(StepSuggestions.advice("the handover rate is at most 10%", "Then", PATTERNS))
        .isEqualTo("; the closest existing steps are '" + HANDOVER + "' and 'the handover rate on each channel is at most {percent}'");
    assertThat(StepSuggestions.advice("the unresolved rate should be at most 15%", "Then", PATTERNS))
        .isEqualTo("; write 'Then the unresolved rate is at most 15%'");
  }

  @Test void everyFirstDraftLeadsToItsStep() {
    assertThat(DRAFTS).hasSizeGreaterThanOrEqualTo(30);
    SoftAssertions softly = new SoftAssertions();
    for (Draft draft : DRAFTS) {
      softly.assertThat(PATTERNS).as("a registered step").contains(draft.step());
      softly.assertThat(leadsTo(draft.text())).as(draft.text()).isEqualTo(draft.step());
    }
    softly.assertAll();
  }

  @Test void theHandoverRateSuggestsTheHandoverStepNotTheUnresolvedRate() {
    assertThat(StepSuggestions.closest("the handover rate is at most 10%", PATTERNS, 2))
        .first().isEqualTo(HANDOVER);
    assertThat(StepSuggestions.closest("the handover rate is at most 10%", PATTERNS, 2)).doesNotContain(UNRESOLVED);
  }

  @Test void meaningWordsOfOneMeaningCountAsOne() {
    assertThat(StepSuggestions.meanings("sessions handed over to a human agent"))
        .containsExactlyInAnyOrder("session", "handover");
    assertThat(StepSuggestions.meanings("the AI replies or answers:")).containsExactlyInAnyOrder("reply", "or", ":");
  }

  @Test void shouldIsRewrittenOnlyToAnExistingStep() {
    assertThat(StepSuggestions.rewrite("the unresolved rate should be at most 15%", PATTERNS))
        .contains("the unresolved rate is at most 15%");
    assertThat(StepSuggestions.rewrite("no session should have more than 20 customer messages", PATTERNS))
        .contains("no session has more than 20 customer messages");
    assertThat(StepSuggestions.rewrite("the handover rate should be at most 10%", PATTERNS)).isEmpty();
    assertThat(StepSuggestions.rewrite("the unresolved rate is at most 15%", PATTERNS)).isEmpty();
  }

  @Test void aPercentWithASpaceGetsTheDocumentedMessage() {
    assertThat(accepted("the unresolved rate is at most 15 %")).contains(UNRESOLVED);
    assertThatThrownBy(() -> new ParameterTypes().percent("15 %"))
        .hasMessage("'15 %' is not a percentage: write it like 15% or 12.5%");
  }

  @Test void theSameTextAlwaysGetsTheSameSuggestions() {
    for (Draft draft : DRAFTS) {
      assertThat(StepSuggestions.closest(draft.text(), PATTERNS, 2))
          .isEqualTo(StepSuggestions.closest(draft.text(), List.copyOf(PATTERNS), 2));
    }
  }

  /** The step a draft leads to: the one it matches, else its "should" rewrite, else the first suggestion. */
  static String leadsTo(String text) {
    Optional<String> accepted = accepted(text);
    if (accepted.isPresent()) return accepted.get();
    Optional<String> rewritten = StepSuggestions.rewrite(text, PATTERNS);
    if (rewritten.isPresent()) return accepted(rewritten.get()).orElseThrow();
    List<String> closest = StepSuggestions.closest(text, PATTERNS, 2);
    return closest.isEmpty() ? "(no suggestion)" : closest.get(0);
  }

  static Optional<String> accepted(String text) {
    ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
    registry.defineParameterType(new ParameterType<>("percent", regex("percent"), String.class, (String s) -> s));
    registry.defineParameterType(new ParameterType<>("duration", regex("duration"), String.class, (String s) -> s));
    return PATTERNS.stream().filter(p -> new ExpressionFactory(registry).createExpression(p).match(text) != null).findFirst();
  }

  private static String regex(String method) {
    try {
      return ParameterTypes.class.getMethod(method, String.class)
          .getAnnotation(io.cucumber.java.ParameterType.class).value();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }
}
