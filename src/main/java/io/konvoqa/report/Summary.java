package io.konvoqa.report;

import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-screen summary that ends a gate run: a line per gate (passed or not, its main figure),
 * then a line counting them and naming the report. Its exit code and its lines always agree.
 */
public final class Summary {
  /** 0: every gate passed; 1: a gate was breached; 2: a gate could not judge, or none ran. */
  public static final int PASSED = 0, BREACHED = 1, NOT_JUDGED = 2;
  private static final int WIDTH = 160;

  private final List<Line> lines;
  private final int offendingSessions;
  private final String judgeLine;

  /** One gate, or one scenario that failed before any gate could judge. */
  public record Line(String scenario, String gate, Outcome outcome, String detail) {
    /** "scenario: gate", or the scenario alone when the gate only introduces a table. */
    public String title() {
      return scenario + (gate.endsWith(":") || gate.equals("(scenario)") ? "" : ": " + gate);
    }

    /** The figure or reason as the summary shows it: one line, at most three rows' worth. */
    public String shortDetail() {
      return String.join(" ", wrap(oneLine(detail), WIDTH - INDENT.length(), 3));
    }
  }

  private Summary(List<Line> lines, int offendingSessions, String judgeLine) {
    this.lines = List.copyOf(lines);
    this.offendingSessions = offendingSessions;
    this.judgeLine = judgeLine;
  }

  public String judgeLine() {
    return judgeLine;
  }

  public static Summary of(List<ScenarioResult> results) {
    List<Line> lines = new ArrayList<>();
    for (ScenarioResult r : results) {
      for (Verdict v : r.verdicts()) {
        lines.add(new Line(r.name(), v.gate(), v.outcome(), v.passed() ? v.figure() : v.reason()));
      }
      if (r.failedStep() != null) {
        lines.add(new Line(r.name(), r.failedStep(), Outcome.CONFIGURATION_ERROR, r.error()));
      } else if (r.status() == ScenarioResult.Status.FAILED && r.verdicts().stream().allMatch(Verdict::passed)) {
        lines.add(new Line(r.name(), "(scenario)", Outcome.CONFIGURATION_ERROR, "failed outside any gate"));
      }
    }
    return new Summary(lines, offendingSessions(results), judgeLine(results));
  }

  /**
   * The run's judge totals, or null when no gate was graded: each judged verdict carries the
   * grader's totals as they were when it finished, so the largest are the run's.
   */
  static String judgeLine(List<ScenarioResult> results) {
    io.konvoqa.gate.GraderFacts last = null;
    for (ScenarioResult r : results) {
      for (Verdict v : r.verdicts()) {
        for (io.konvoqa.gate.Evidence e : v.evidence()) {
          if (e instanceof io.konvoqa.gate.Judgment j && (last == null
              || j.grader().calls() + j.grader().cacheHits() + j.grader().errors()
                  >= last.calls() + last.cacheHits() + last.errors())) {
            last = j.grader();
          }
        }
      }
    }
    if (last == null) return null;
    return String.format(Locale.ROOT, "Judge: %s%s at %s, prompt %s: %,d calls, %,d cache hits, %,d tokens, %,d judge errors%s",
        last.demo() ? "DEMO JUDGE " : "", last.model(), last.endpointHost(), last.promptVersion(), last.calls(),
        last.cacheHits(), last.tokens(), last.errors(),
        last.sendsPersonalData() ? "; transcripts sent UNMASKED (KONVO_JUDGE_SEND_PERSONAL_DATA=true)" : "");
  }

  /** Sessions named as offenders by a gate that did not pass: the rows of the conversations page. */
  private static int offendingSessions(List<ScenarioResult> results) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (ScenarioResult r : results) {
      for (Verdict v : r.verdicts()) {
        if (!v.passed()) v.offenders().forEach(o -> ids.add(o.sessionId()));
      }
    }
    return ids.size();
  }

  public int offendingSessions() {
    return offendingSessions;
  }

  public List<Line> lines() {
    return lines;
  }

  public int exitCode() {
    if (lines.isEmpty()) return NOT_JUDGED;
    if (lines.stream().anyMatch(l -> l.outcome() == Outcome.BREACHED)) return BREACHED;
    if (lines.stream().anyMatch(l -> l.outcome().couldNotJudge())) return NOT_JUDGED;
    return PASSED;
  }

  public String render(String header, String reportPath) {
    return render(header, reportPath, null);
  }

  /** With a line naming the conversations page when a failing gate named offending sessions. */
  public String render(String header, String reportPath, String conversationsPath) {
    StringBuilder text = new StringBuilder();
    text.append("konvo-qa gates").append(header == null ? "" : ": " + header).append('\n');
    for (Line line : lines) {
      String tag = switch (line.outcome()) {
        case PASSED -> "PASSED    ";
        case BREACHED -> "BREACHED  ";
        case CONFIGURATION_ERROR -> "CONFIG    ";
        default -> "NOT JUDGED";
      };
      text.append(cut("  " + tag + "  " + line.title())).append('\n');
      for (String part : wrap(oneLine(line.detail()), WIDTH - INDENT.length(), 3)) {
        text.append(INDENT).append(part).append('\n');
      }
    }
    if (lines.isEmpty()) text.append("  no gate ran: check the features directory and the tag filter\n");
    if (judgeLine != null) text.append(judgeLine).append('\n');
    text.append(countLine()).append(" Report: ").append(reportPath).append('\n');
    if (conversationsPath != null && offendingSessions > 0) {
      text.append(String.format(Locale.ROOT, "Conversations (%,d offending session%s): %s%n", offendingSessions,
          offendingSessions == 1 ? "" : "s", conversationsPath));
    }
    return text.toString();
  }

  /** "PASSED: 17 gates, 17 passed, 0 breached, 0 could not judge." */
  String countLine() {
    long passed = lines.stream().filter(l -> l.outcome() == Outcome.PASSED).count();
    long breached = lines.stream().filter(l -> l.outcome() == Outcome.BREACHED).count();
    long notJudged = lines.size() - passed - breached;
    String verdict = switch (exitCode()) {
      case PASSED -> "PASSED";
      case BREACHED -> "FAILED (a gate was breached)";
      default -> "FAILED (could not judge)";
    };
    return String.format(Locale.ROOT, "%s: %d gates, %d passed, %d breached, %d could not judge.",
        verdict, lines.size(), passed, breached, notJudged);
  }

  private static final String INDENT = "              ";

  /** Words in lines of at most {@code width}; the last of {@code maxLines} ends in "..." if cut. */
  static java.util.List<String> wrap(String text, int width, int maxLines) {
    java.util.List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > width) {
        lines.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) current.append(' ');
      current.append(word);
    }
    if (current.length() > 0 || lines.isEmpty()) lines.add(current.toString());
    if (lines.size() > maxLines) {
      lines = new ArrayList<>(lines.subList(0, maxLines));
      String last = lines.get(maxLines - 1);
      lines.set(maxLines - 1, (last.length() > width - 3 ? last.substring(0, width - 3) : last) + "...");
    }
    return lines.stream().map(Summary::cut).toList();
  }

  private static String cut(String row) {
    return io.konvoqa.gate.VerdictAssert.shortened(row, WIDTH);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }
}
