package io.konvoqa.report;

import io.konvoqa.gate.Verdict;
import java.util.List;

/**
 * How one scenario ended, with the verdicts of its gates.
 *
 * @param failedStep the step that failed without a verdict (an undefined step, a malformed
 *     argument), or null
 * @param error what that step said, or null
 */
public record ScenarioResult(
    String name, String uri, List<String> tags, List<Verdict> verdicts, Status status,
    String failedStep, String error) {

  /** Cucumber's view of the scenario. */
  public enum Status { PASSED, FAILED, SKIPPED }

  public ScenarioResult {
    tags = List.copyOf(tags);
    verdicts = List.copyOf(verdicts);
  }
}
