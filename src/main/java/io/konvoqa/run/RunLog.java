package io.konvoqa.run;

import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened in one run, scenario by scenario: the verdicts each gate produced and how each
 * scenario ended. Fed by {@link GateRunPlugin} and by the steps; read for the summary.
 */
public final class RunLog {
  private final List<ScenarioResult> finished = new ArrayList<>();
  private Current current;

  private static final class Current {
    final String name;
    final String uri;
    final List<String> tags;
    final int line;
    final List<Verdict> verdicts = new ArrayList<>();
    String step;
    int stepLine;
    int verdictsBeforeStep;
    String failedStep;
    String error;

    Current(String name, String uri, List<String> tags, int line) {
      this.name = name;
      this.uri = uri;
      this.tags = tags;
      this.line = line;
    }
  }

  synchronized void scenarioStarted(String name, String uri, List<String> tags) {
    scenarioStarted(name, uri, tags, 0);
  }

  /** @param line the scenario's line in its feature (an outline's example row for each of its rows) */
  synchronized void scenarioStarted(String name, String uri, List<String> tags, int line) {
    current = new Current(name, uri, List.copyOf(tags), line);
  }

  synchronized void stepStarted(String text) {
    stepStarted(text, 0);
  }

  synchronized void stepStarted(String text, int line) {
    if (current == null) return;
    current.step = text;
    current.stepLine = line;
    current.verdictsBeforeStep = current.verdicts.size();
  }

  /**
   * Where the step running now stands: its feature, its scenario's line and its own, the same in
   * a run that plans the gates and in the run that judges them; null outside a step.
   */
  public synchronized String currentStepKey() {
    if (current == null || current.step == null) return null;
    return current.uri + ":" + current.line + ":" + current.stepLine;
  }

  /** The text of the step running now ("the unresolved rate is at most 15%"), or null. */
  public synchronized String currentStep() {
    return current == null ? null : current.step;
  }

  /** The name of the scenario running now, or null. */
  public synchronized String currentScenario() {
    return current == null ? null : current.name;
  }

  /**
   * True when the step that just ended failed on its own, not through a gate's verdict, and is
   * the scenario's first such step: the one the summary names.
   */
  synchronized boolean firstFailureOutsideAGate() {
    return current != null && current.failedStep == null && current.verdicts.size() == current.verdictsBeforeStep;
  }

  synchronized void stepFailed(String step, String error) {
    if (current == null) return;
    current.failedStep = step;
    current.error = error;
  }

  public synchronized void verdict(Verdict verdict) {
    if (current != null) current.verdicts.add(verdict);
  }

  synchronized void scenarioFinished(ScenarioResult.Status status) {
    if (current == null) return;
    finished.add(new ScenarioResult(current.name, current.uri, current.tags, current.verdicts,
        status, current.failedStep, current.error));
    current = null;
  }

  public synchronized List<ScenarioResult> results() {
    return List.copyOf(finished);
  }
}
