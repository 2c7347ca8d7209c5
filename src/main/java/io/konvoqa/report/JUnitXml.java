package io.konvoqa.report;

import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.gate.VerdictAssert;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The gates as JUnit XML, for the test-report views of CI (GitLab's merge-request widget, GitHub
 * reporters): one test case per line of the {@link Summary}, so that both count the same. A breach
 * is a failure, a gate that could not judge (or a scenario that ended without a verdict) an error;
 * each message is the summary's text for it. Every text is escaped, and characters XML 1.0
 * forbids are dropped: the texts quote the AI's and customers' messages.
 */
final class JUnitXml {
  private static final int OFFENDERS = 5;

  private JUnitXml() {}

  static String of(List<ScenarioResult> scenarios) {
    StringBuilder cases = new StringBuilder();
    int tests = 0, failures = 0, errors = 0;
    for (ScenarioResult scenario : scenarios) {
      List<Summary.Line> lines = Summary.of(List.of(scenario)).lines();
      for (int i = 0; i < lines.size(); i++) {
        Summary.Line line = lines.get(i);
        // Summary.of lists a scenario's verdicts in order, then the step that failed without one.
        Verdict verdict = i < scenario.verdicts().size() ? scenario.verdicts().get(i) : null;
        tests++;
        if (line.outcome() == Outcome.BREACHED) failures++;
        else if (line.outcome() != Outcome.PASSED) errors++;
        testCase(cases, feature(scenario.uri()), line, body(line, verdict, scenario));
      }
    }
    if (tests == 0) {
      tests = errors = 1;
      cases.append("    <testcase classname=\"konvo-qa\" name=\"no gate ran\" time=\"0\">\n")
          .append("      <error message=\"no gate ran: check the features directory and the tag filter\"")
          .append(" type=\"could not judge\"/>\n    </testcase>\n");
    }
    String counts = String.format(Locale.ROOT,
        "tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"0\"", tests, failures, errors);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"konvo-qa gates\" " + counts + ">\n"
        + "  <testsuite name=\"konvo-qa gates\" " + counts + ">\n"
        + cases
        + "  </testsuite>\n</testsuites>\n";
  }

  private static void testCase(StringBuilder out, String feature, Summary.Line line, String body) {
    out.append("    <testcase classname=\"").append(attribute(feature))
        .append("\" name=\"").append(attribute(line.title())).append("\" time=\"0\">\n");
    if (line.outcome() == Outcome.PASSED) {
      out.append("      <system-out>").append(text(line.shortDetail())).append("</system-out>\n");
    } else {
      String element = line.outcome() == Outcome.BREACHED ? "failure" : "error";
      out.append("      <").append(element)
          .append(" message=\"").append(attribute(line.shortDetail()))
          .append("\" type=\"").append(attribute(line.outcome().label())).append("\">")
          .append(text(body)).append("</").append(element).append(">\n");
    }
    out.append("    </testcase>\n");
  }

  /** The longer text: the verdict's failure message and its first offenders, or the failed step. */
  private static String body(Summary.Line line, Verdict verdict, ScenarioResult scenario) {
    if (verdict == null) {
      return scenario.failedStep() == null ? line.detail()
          : "Step: " + scenario.failedStep() + "\n" + (scenario.error() == null ? "" : scenario.error());
    }
    StringBuilder text = new StringBuilder();
    text.append(VerdictAssert.heading(verdict.outcome())).append(' ').append(verdict.gate())
        .append("\n  ").append(verdict.reason());
    List<Offender> offenders = verdict.offenders();
    if (!offenders.isEmpty()) {
      text.append(String.format(Locale.ROOT, "\n  %,d offending session(s), all of them in the report%s:",
          offenders.size(), offenders.size() > OFFENDERS ? "; the first " + OFFENDERS : ""));
    }
    for (Offender o : offenders.subList(0, Math.min(OFFENDERS, offenders.size()))) {
      text.append("\n    ").append(o.sessionId()).append(": ")
          .append(VerdictAssert.shortened(o.reason() == null ? "" : o.reason(), 300));
    }
    return text.toString();
  }

  /** The feature file, relative to the working directory when under it. */
  static String feature(String uri) {
    if (uri == null) return "";
    try {
      URI parsed = URI.create(uri);
      if ("file".equals(parsed.getScheme())) {
        Path file = Path.of(parsed);
        Path here = Path.of("").toAbsolutePath();
        return (file.startsWith(here) ? here.relativize(file) : file).toString().replace('\\', '/');
      }
    } catch (RuntimeException e) {
      // not a URI we can read as a path: show it as it is
    }
    return uri.startsWith("classpath:") ? uri.substring("classpath:".length()) : uri;
  }

  static String attribute(String value) {
    return escape(value, true);
  }

  static String text(String value) {
    return escape(value, false);
  }

  private static String escape(String value, boolean attribute) {
    if (value == null) return "";
    StringBuilder out = new StringBuilder(value.length() + 16);
    value.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (allowed(c)) out.appendCodePoint(c);
        }
      }
    });
    return out.toString();
  }

  /** XML 1.0's Char production; lone surrogates come out of codePoints() as themselves and fail it. */
  private static boolean allowed(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
