package io.konvoqa.run;

import io.konvoqa.gate.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened in this run, scenario by scenario: the verdicts each gate produced and how each
 * scenario ended. Fed by {@link GateRunPlugin} and by the steps; read for the summary.
 */
public final class RunLog {
  private static final List<ScenarioResult> finished = new ArrayList<>();
  private static Current current;

  private RunLog() {}

  private static final class Current {
    final String name;
    final String uri;
    final List<String> tags;
    final List<Verdict> verdicts = new ArrayList<>();
    String step;

    Current(String name, String uri, List<String> tags) {
      this.name = name;
      this.uri = uri;
      this.tags = tags;
    }
  }

  static synchronized void reset() {
    finished.clear();
    current = null;
  }

  static synchronized void scenarioStarted(String name, String uri, List<String> tags) {
    current = new Current(name, uri, List.copyOf(tags));
  }

  static synchronized void stepStarted(String text) {
    if (current != null) current.step = text;
  }

  /** The text of the step running now ("the unresolved rate is at most 15%"), or null. */
  public static synchronized String currentStep() {
    return current == null ? null : current.step;
  }

  static synchronized int currentVerdicts() {
    return current == null ? 0 : current.verdicts.size();
  }

  public static synchronized void verdict(Verdict verdict) {
    if (current != null) current.verdicts.add(verdict);
  }

  static synchronized void scenarioFinished(ScenarioResult.Status status, String failedStep, String error) {
    if (current == null) return;
    finished.add(new ScenarioResult(current.name, current.uri, current.tags, current.verdicts,
        status, failedStep, error));
    current = null;
  }

  public static synchronized List<ScenarioResult> results() {
    return List.copyOf(finished);
  }
}
