package io.konvoqa.steps;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of docs/steps.md, copied from the markdown as a reader would copy it, runs as a
 * real step of a real feature file against sessions made so that it must find something: each
 * gate example is breached with offenders, each choosing step leaves the sessions it should.
 * An example that matches nothing (a regex printed with Java's escapes) fails here.
 */
class StepExamplesTest {
  @TempDir static Path dir;
  static Map<String, List<String>> examples;
  static Map<String, ScenarioResult> results;

  private static final String WINDOW = "Given the sessions updated in the last 7 days";
  private static final String BASELINE_WINDOW = "Given the baseline window from \"2026-11-13\" to \"2026-11-19\"";
  private static final String PROBE = "Then the unresolved rate is at most 15%";
  private static final String RISE = "Then the unresolved rate has not risen by more than 2% points over the baseline";

  /** What each documented step needs around it, and what it must find. */
  private record Spec(List<String> before, List<String> after, Consumer<Verdict> check) {}

  static Map<String, Spec> specs() {
    Map<String, Spec> specs = new LinkedHashMap<>();
    Consumer<Verdict> offends = v -> {
      assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.BREACHED);
      assertThat(v.offenders()).isNotEmpty();
    };
    for (String then : List.of("at most {percent} of sessions are handed over to a human agent",
        "at most {percent} of sessions have sub_intent_type {string}", "the unresolved rate is at most {percent}",
        "the unresolved rate is at most {percent} with {percent} confidence",
        "the unresolved rate is not significantly above {percent}", "the unresolved rate on each channel is at most {percent}",
        "the unresolved rate on each channel is not significantly above {percent}",
        "the unresolved rate for each sub_intent_type is at most {percent}",
        "the unresolved rate for each sub_intent_type is not significantly above {percent}",
        "trigger phrases route to these sub_intent_types:",
        "sessions whose first customer message contains {string} have sub_intent_type {string}",
        "sessions whose first customer message contains {string} have sub_intent_type {string} in at least {percent} of cases",
        "every session with a customer message has an AI reply",
        "the AI answers the first customer message within {duration} in at least {percent} of sessions",
        "no session has more than {int} customer messages", "no AI reply is sent twice in a row in the same session",
        "no AI reply contains {string}", "no AI reply contains any of these phrases:", "no AI reply matches {string}",
        "at least {percent} of sessions with sub_intent_type {string} have an AI reply containing {string}",
        "at most {percent} of sessions have an AI reply matching {string}",
        "at most {percent} of sessions have an AI reply containing {string}",
        "no session has more than {int} messages", "no session lasts longer than {duration}",
        "at least {percent} of sessions are handed over to a human agent",
        "the handover rate on each channel is at most {percent}",
        "the median AI reply time on each channel is at most {duration}",
        "{percent} of AI replies are sent within {duration}",
        "{percent} of AI replies on each channel are sent within {duration}")) {
      specs.put("Then " + then, new Spec(List.of(WINDOW), List.of(), offends));
    }
    specs.put("Then the median AI reply time is at most {duration}",
        new Spec(List.of(WINDOW, "Given only sessions on channel \"email\""), List.of(), offends));
    specs.put("Then the AI replies in the customer's language in at least {percent} of sessions",
        new Spec(List.of(WINDOW, "Given only sessions on channel \"instagram\""), List.of(), offends));
    for (String then : List.of("the unresolved rate has not risen by more than {percent} points over the baseline",
        "the handover rate has not risen by more than {percent} points over the baseline",
        "the sub_intent_type distribution has not drifted more than {percent} from the baseline",
        "the sub_intent_type distribution has not drifted more than {percent} from the baseline, noise included")) {
      specs.put("Then " + then, new Spec(List.of(WINDOW, BASELINE_WINDOW), List.of(), offends));
    }
    specs.put("Then routing accuracy per trigger phrase has not dropped below the baseline", new Spec(List.of(WINDOW,
        BASELINE_WINDOW, "Given the trigger phrases:", "  | trigger phrase    | sub_intent_type |",
        "  | where is my order | ORDER_STATUS    |"), List.of(), offends));
    for (String then : List.of("at most {percent} of sessions have more than {int} customer messages",
        "at most {percent} of sessions have more than {int} customer messages with {percent} confidence")) {
      // 1 of 250 sessions is chatty: a share only the sessions that ask again make too big
      specs.put("Then " + then, new Spec(List.of(WINDOW, "Given only sessions where a customer message contains \"another thing\""),
          List.of(), offends));
    }
    specs.put("Then at least {int} sessions were updated in the last {duration}", new Spec(List.of(WINDOW), List.of(), v -> {
      assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
      assertThat(v.reason()).isEqualTo("only 211 sessions were updated in the last day, fewer than 500");
    }));
    specs.put("Given only sessions where a customer message contains {string}",
        funnel("40 where a customer message matches /refund|rückerstattung/"));
    specs.put("Given the sessions updated between {string} and {string}", new Spec(List.of(), List.of(PROBE), offends));
    specs.put("Given the sessions updated in the last {duration}", new Spec(List.of(), List.of(PROBE), offends));
    specs.put("Given only completed sessions", funnel("240 completed"));
    specs.put("Given only sessions whose first customer message contains {string}", funnel("40 whose first customer message contains 'refund'"));
    specs.put("Given only sessions older than {duration}", funnel("50 older than 1 day"));
    specs.put("Given only sessions on channel {string}", funnel("140 on channel whatsapp or email"));
    specs.put("Given only sessions with sub_intent_type {string}", funnel("20 with sub_intent_type REFUND"));
    specs.put("Given at least {int} sessions are needed", new Spec(List.of(WINDOW, "Given only sessions on channel \"email\""),
        List.of("Then the unresolved rate is at most 100%"), v -> {
          assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
          assertThat(v.reason()).startsWith("only 40 completed sessions, fewer than the minimum sample of 100");
        }));
    specs.put("Given the blessed baseline", new Spec(List.of(WINDOW), List.of(RISE), v -> {
      offends.accept(v);
      assertThat(figure(v, "baseline")).startsWith("snapshot " + dir.resolve("blessed.json.gz"));
    }));
    specs.put("Given the baseline snapshot {string}", new Spec(List.of(WINDOW), List.of(RISE), v -> {
      assertThat(v.outcome()).isEqualTo(Outcome.CONFIGURATION_ERROR);
      assertThat(v.reason()).startsWith("no baseline snapshot at " + Path.of("snapshots/2026-w47.json.gz").toAbsolutePath());
    }));
    specs.put("Given the baseline window from {string} to {string}", new Spec(List.of(WINDOW), List.of(RISE), v -> {
      offends.accept(v);
      assertThat(figure(v, "baseline")).startsWith("window 2026-11-13T00:00:00.000Z .. 2026-11-19T23:59:59.999Z");
    }));
    // no judge is configured yet (RunContext.grader()): every judged example cannot judge, and says why
    Consumer<Verdict> noJudge = v -> {
      assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.CONFIGURATION_ERROR);
      assertThat(v.reason()).startsWith("no judge configured: set KONVO_JUDGE_URL: cannot judge ");
    };
    for (String then : List.of("at least {percent} of sessions pass the rubric {string}",
        "at least {percent} of sessions are judged to meet:", "no session fails the rubric {string}",
        "the fail rate on the rubric {string} is at most {percent}",
        "the fail rate on the rubric {string} is at most {percent} with {percent} confidence",
        "the fail rate on the rubric {string} is not significantly above {percent}",
        "every session passes the rubric {string}", "every session is judged to meet:",
        "at most {percent} of sessions fail the rubric {string}")) {
      specs.put("Then " + then, new Spec(List.of(WINDOW), List.of(), noJudge));
    }
    specs.put("Given a random sample of {int} sessions", new Spec(List.of(WINDOW),
        List.of("Then at least 90% of sessions pass the rubric \"resolution\""), noJudge));
    specs.put("Given the trigger phrases:", new Spec(List.of(WINDOW, BASELINE_WINDOW),
        List.of("Then routing accuracy per trigger phrase has not dropped below the baseline"), offends));
    return specs;
  }

  private static Spec funnel(String step) {
    return new Spec(List.of(WINDOW), List.of(PROBE), v -> assertThat(figure(v, "sessions")).contains(", " + step));
  }

  @BeforeAll static void runEveryExample() throws IOException {
    examples = examples(Files.readString(Path.of("docs/steps.md"), StandardCharsets.UTF_8));
    Path rubrics = Files.createDirectories(dir.resolve("rubrics"));
    for (String rubric : List.of("resolution", "no-legal-advice")) {
      Files.writeString(rubrics.resolve(rubric + ".md"), "The criterion of " + rubric + ".\n", StandardCharsets.UTF_8);
    }
    System.setProperty("konvo.rubrics", rubrics.toString());
    try {
      runThem();
    } finally {
      System.clearProperty("konvo.rubrics");
    }
  }

  private static void runThem() {
    Path blessed = dir.resolve("blessed.json.gz");
    DatasetFile.write(Dataset.of(TestSessions.NOW.minus(Duration.ofDays(7)), baselineWeek()), blessed);
    StringBuilder feature = new StringBuilder("Feature: every example of docs/steps.md\n");
    examples.forEach((phrase, lines) -> {
      Spec spec = specs().get(phrase);
      if (spec == null) return;
      feature.append("\n  Scenario: ").append(phrase).append('\n');
      for (List<String> part : List.of(spec.before(), lines, spec.after())) {
        for (String line : part) feature.append("    ").append(line).append('\n');
      }
    });
    List<Session> sessions = new ArrayList<>(thisWeek());
    sessions.addAll(baselineWeek());
    results = new GateRunFixture(dir).set("KONVO_RUBRICS", dir.resolve("rubrics").toString()).sessions(sessions).set("KONVO_BASELINE", blessed.toString())
        .run(feature.toString()).stream().collect(Collectors.toMap(ScenarioResult::name, r -> r));
  }

  @Test void everyDocumentedStepHasAnExampleThisTestRuns() {
    assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(specs().keySet());
  }

  @Test void everyExampleMatchesWhatItMust() {
    assertThat(examples.keySet()).allSatisfy(phrase -> {
      ScenarioResult r = results.get(phrase);
      assertThat(r).as("no result for " + phrase).isNotNull();
      assertThat(r.verdicts()).as(phrase + ": " + r.error()).isNotEmpty();
      Verdict last = r.verdicts().get(r.verdicts().size() - 1);
      assertThat(last).as(phrase).satisfies(specs().get(phrase).check());
    });
  }

  @Test void theRegexExampleIsWrittenWithOneBackslash() {
    assertThat(examples.get("Then no AI reply matches {string}"))
        .containsExactly("Then no AI reply matches \"/\\bguarantee(d|s)?\\b/\"");
  }

  /** Each "### `Keyword phrase`" heading and the lines of the gherkin block under it. */
  static Map<String, List<String>> examples(String markdown) {
    Map<String, List<String>> examples = new LinkedHashMap<>();
    String phrase = null;
    List<String> block = null;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("### `") && line.endsWith("`")) phrase = line.substring(5, line.length() - 1);
      else if (line.equals("```gherkin") && phrase != null) block = new ArrayList<>();
      else if (line.equals("```") && block != null) {
        examples.put(phrase, block);
        block = null;
        phrase = null;
      } else if (block != null) block.add(line);
    }
    return examples;
  }

  private static String figure(Verdict v, String name) {
    return v.figures().stream().filter(f -> f.name().equals(name)).map(Figure::value).findFirst()
        .orElseThrow(() -> new AssertionError("no figure '" + name + "' in " + v.figures()));
  }

  /** 250 sessions, each group made to break one gate; 50 of them two days old, 10 still open. */
  static List<Session> thisWeek() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      var s = session("order-" + i).channel("whatsapp").subIntentType(i < 20 ? "CONCIERGE" : "ORDER_STATUS")
          .customer("Hi, where is my order?").ai("It ships today.");
      if (i % 5 < 2) s.unresolved();
      if (i >= 50) s.createdAgo(Duration.ofDays(2));
      if (i >= 90) s.open();
      sessions.add(s.build());
    }
    for (int i = 0; i < 40; i++) {
      sessions.add(session("refund-" + i).channel("email").subIntentType(i < 20 ? "REFUND" : "CONCIERGE").unresolved()
          .customer("I want a refund").ai("Let me check.", Duration.ofMinutes(2)).agent("Hi, Sam here.").build());
    }
    for (int i = 0; i < 30; i++) {
      sessions.add(session("ruecksendung-" + i).channel("webchat").subIntentType(i < 15 ? "RETURN_REQUEST" : "CONCIERGE")
          .customer("Rücksendung bitte").ai("Gerne.").build());
      sessions.add(session("return-" + i).channel("webchat").subIntentType("RETURN_REQUEST")
          .customer("I want to return my shoes").ai("Please send them back.").build());
    }
    for (int i = 0; i < 44; i++) {
      sessions.add(session("storno-" + i).channel("webchat").subIntentType("CONCIERGE").customer("Bitte stornieren").ai("Okay.").build());
    }
    sessions.add(session("llm").customer("who are you?").ai("As an AI language model I cannot say.").build());
    sessions.add(session("promise").customer("will it fit?").ai("We guarantee it fits.").build());
    sessions.add(session("competitor").customer("cheaper?").ai("Try otto.de for that.").build());
    sessions.add(session("unanswered").customer("hello?").build());
    sessions.add(session("loop").customer("hi").ai("Please wait.").customer("?").ai("please  wait.").build());
    for (int i = 0; i < 10; i++) { // open, recent, on instagram: no other example counts them
      sessions.add(session("sprache-" + i).channel("instagram").open().createdAgo(Duration.ofHours(2))
          .customer("Hallo, ich möchte meine Bestellung stornieren, bitte nicht verschicken.")
          .ai(i < 3 ? "Sure, I have cancelled your order and you will not be charged." : "Erledigt, die Bestellung ist storniert.").build());
    }
    var chatty = session("chatty").ai("Hello!");
    for (int i = 0; i < 13; i++) chatty.customer("and another thing " + i);
    sessions.add(chatty.build());
    sessions.add(session("marathon").open().customer("hello").ai("Hi!").message("RECIPIENT", "still there?",
        Duration.ofMinutes(45)).build());
    return sessions;
  }

  /** The week before: 200 sessions, routed right, 1% unresolved. */
  static List<Session> baselineWeek() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      var order = session("before-order-" + i).subIntentType("ORDER_STATUS").createdAgo(Duration.ofDays(10))
          .customer("Hi, where is my order?").ai("It ships today.");
      if (i < 2) order.unresolved();
      sessions.add(order.build());
      sessions.add(session("before-refund-" + i).subIntentType("REFUND").createdAgo(Duration.ofDays(10))
          .customer("I want a refund").ai("Done.").build());
    }
    return sessions;
  }
}
