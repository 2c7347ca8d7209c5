package io.konvoqa.run;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import io.konvoqa.report.ConversationsPage;
import io.konvoqa.report.RunReport;
import io.konvoqa.report.ScenarioResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Cucumber plugin of a gate run: it clears the last run's results, follows scenarios and
 * steps for the summary, suggests the closest step for an undefined one, and at the end writes
 * the summary and the report's environment.
 *
 * <p>Under the JUnit Platform it also opens the run, from the environment, when the run starts,
 * and closes it when the run ends; under {@link GateRunner} the runner has opened it already.
 */
public final class GateRunPlugin implements ConcurrentEventListener {
  private final List<String> stepPatterns = new ArrayList<>();
  private final Map<URI, String> features = new ConcurrentHashMap<>();
  private RunContext context;
  private boolean opened;

  @Override public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestRunStarted.class, e -> started());
    publisher.registerHandlerFor(StepDefinedEvent.class,
        e -> stepPatterns.add(e.getStepDefinition().getPattern()));
    publisher.registerHandlerFor(TestSourceParsed.class, this::sourceParsed);
    publisher.registerHandlerFor(TestCaseStarted.class, this::caseStarted);
    publisher.registerHandlerFor(TestStepStarted.class, this::stepStarted);
    publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
    publisher.registerHandlerFor(TestCaseFinished.class, this::caseFinished);
    publisher.registerHandlerFor(TestRunFinished.class, e -> finished());
  }

  private void started() {
    context = RunContext.activeOrNull();
    if (context == null) {
      context = RunContext.fromEnvironment();
      RunContext.activate(context);
      opened = true;
      if (context.opened() && context.settings().onePass()) {
        Planner.plan(context, features(), System.getProperty("cucumber.filter.tags"), context.console());
      }
    }
    RunReport.prepare(context.reportsDir());
  }

  private void sourceParsed(TestSourceParsed event) {
    event.getNodes().forEach(node -> node.getName().ifPresent(name -> features.put(event.getUri(), name)));
  }

  private void caseStarted(TestCaseStarted event) {
    context.trends().scenarioStarted(features.getOrDefault(event.getTestCase().getUri(),
        event.getTestCase().getUri().toString()), event.getTestCase().getName());
    context.log().scenarioStarted(event.getTestCase().getName(), event.getTestCase().getUri().toString(),
        event.getTestCase().getTags(), event.getTestCase().getLocation().getLine());
  }

  private void stepStarted(TestStepStarted event) {
    if (event.getTestStep() instanceof PickleStepTestStep step) context.log().stepStarted(step.getStep().getText(), step.getStep().getLine());
  }

  private void stepFinished(TestStepFinished event) {
    if (!(event.getTestStep() instanceof PickleStepTestStep step)) return;
    Result result = event.getResult();
    if (result.getStatus() == Status.PASSED || result.getStatus() == Status.SKIPPED) return;
    if (!context.log().firstFailureOutsideAGate()) return; // a gate's own verdict, or not the first
    String error = switch (result.getStatus()) {
      case UNDEFINED -> "undefined step: no gate reads '" + step.getStep().getText() + "'"
          + StepSuggestions.advice(step.getStep().getText(), step.getStep().getKeyword().trim(), stepPatterns)
          + " (docs/steps.md lists every step)";
      case AMBIGUOUS -> "ambiguous step: more than one step matches '" + step.getStep().getText() + "'";
      case PENDING -> "pending step: '" + step.getStep().getText() + "' is not implemented";
      default -> message(result.getError());
    };
    context.log().stepFailed(step.getStep().getKeyword() + step.getStep().getText(), error);
    if (result.getStatus() == Status.UNDEFINED) System.err.println("konvo-qa: " + error);
  }

  private void caseFinished(TestCaseFinished event) {
    Status status = event.getResult().getStatus();
    ScenarioResult.Status mapped = status == Status.PASSED ? ScenarioResult.Status.PASSED
        : status == Status.SKIPPED ? ScenarioResult.Status.SKIPPED : ScenarioResult.Status.FAILED;
    context.log().scenarioFinished(mapped);
  }

  private void finished() {
    try {
      context.trends().write();
      ConversationsPage.write(context.reportsDir(), context.conversations());
      RunReport.finish(context.reportsDir(), context.log().results(), context.facts(), context.stepSummary());
    } finally {
      if (opened) {
        RunContext.deactivate(context);
        context.close();
      }
    }
  }

  /**
   * The features the JUnit Platform run judges, for the plan: {@code -Dcucumber.features}, else
   * the suite's {@code features} directory. Were the run to select others, their gates would
   * not be planned and each would be judged alone, with the same verdicts.
   */
  private static List<String> features() {
    String given = System.getProperty("cucumber.features");
    if (given != null && !given.isBlank()) {
      return java.util.Arrays.stream(given.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
    }
    return java.nio.file.Files.isDirectory(java.nio.file.Path.of("features")) ? List.of("features") : List.of();
  }

  /** The root cause's own words, without a stack trace. */
  static String message(Throwable error) {
    if (error == null) return "the step failed";
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    if (root != error && error.getMessage() != null && error.getMessage().contains("Could not convert arguments")) {
      return "a step argument is malformed: " + text;
    }
    return text;
  }
}
