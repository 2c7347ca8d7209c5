package io.konvoqa.cli;

import io.konvoqa.config.CommandLine;
import io.konvoqa.config.Settings;
import io.konvoqa.report.RunReport;
import io.konvoqa.report.Summary;
import io.konvoqa.run.GateRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@code java -jar konvo-qa.jar COMMAND}: {@code run} the gates, {@code serve} the simulator, print
 * the {@code summary}. Exit codes: 0 all gates passed, 1 a gate was breached, 2 could not judge
 * (data, sample, configuration) or a usage error.
 */
public final class Main {
  private Main() {}

  static final String USAGE = """
      usage: java -jar konvo-qa.jar COMMAND [OPTIONS]

        run     [--features DIR] [--tags EXPR] [--no-report] [--verbose] [--full]
                run the gates; exit 0 all passed, 1 a gate was breached (even if others
                could not judge), 2 none breached but a gate could not judge, or none ran;
                --verbose adds Cucumber's own summary (stack traces, Java snippets);
                the HTML report is written with the Allure this jar carries, unpacked on
                first use into ~/.konvo-qa (KONVO_ALLURE_CACHE), or ALLURE_HOME
        serve   [--port N] [--data FILE] [--api-key KEY] [--latency MS] [--sessions N]
                [--now INSTANT] [--changed PERCENT [--changed-at INSTANT]]
                [--paging from-one|from-zero|from-one-page-zero-repeats|ignored]
                serve GET /ai-sessions from a dataset (default: the demo workspace)
        summary [--reports DIR]
                print the last run's one-screen summary; exit with its exit code
        record  --last 7d | --from DATE [--to DATE]  --out FILE[.gz] [--keep-personal-data] [--demo]
                record a window of the live API (or with --demo the demo workspace) into a
                snapshot (personal data masked); a window without sessions is an error
        bless   SNAPSHOT [--force]
                make a snapshot the baseline (KONVO_BASELINE) and print what changed; one with
                fewer sessions than the minimum sample is refused unless --force
        bench   [--sessions 10000,100000] [--concurrency 1,4,8,16] [--latency-ms 50]
                measure fetch speed, memory and judging cost (run with java -Xmx1g)
        bench   --masking
                measure masking phone numbers and e-mails in one 10 MB message
        bench   --language
                measure the language gate's time per session over the demo workspace
        bench   --grader
                measure grading 1,000 sessions with the judge client against the demo judge
        steps   print every step phrase with an example and its semantics (docs/steps.md)

      Settings come from KONVO_* environment variables or -Dkonvo.* properties (see README.md).
      """;

  public static void main(String[] args) {
    int code = execute(args, System.out, System.err);
    if (code >= 0) System.exit(code);
  }

  /** Runs a command as the jar does: a usage or configuration error is a line on {@code err}, exit 2. */
  static int execute(String[] args, PrintStream out, PrintStream err) {
    try {
      return run(args, out, err);
    } catch (CommandLine.UsageException e) {
      err.println("konvo-qa: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("konvo-qa: " + e.getMessage());
      return 2;
    }
  }

  /** Runs a command; returns its exit code, or -1 for a server that keeps running. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) throw new CommandLine.UsageException("no command given");
    CommandLine rest = new CommandLine(Arrays.asList(args).subList(1, args.length));
    return switch (args[0]) {
      case "run" -> runGates(rest, out, err);
      case "serve" -> Serve.start(rest, out);
      case "summary" -> summary(rest, out);
      case "record" -> io.konvoqa.snapshot.Record.run(Arrays.asList(args).subList(1, args.length), out, err);
      case "bless" -> io.konvoqa.snapshot.Bless.run(Arrays.asList(args).subList(1, args.length), out, err);
      case "bench" -> io.konvoqa.bench.Bench.run(Arrays.copyOfRange(args, 1, args.length), out);
      case "steps" -> {
        rest.done();
        out.print(io.konvoqa.steps.StepCatalog.markdown());
        yield 0;
      }
      case "help", "--help", "-h" -> {
        out.print(USAGE);
        yield 0;
      }
      default -> throw new CommandLine.UsageException("unknown command '" + args[0] + "'");
    };
  }

  private static int runGates(CommandLine args, PrintStream out, PrintStream err) {
    Path features = Path.of(args.value("--features", "features"));
    String tags = args.value("--tags", null);
    boolean report = !args.flag("--no-report");
    boolean verbose = args.flag("--verbose");
    boolean full = args.flag("--full");
    args.done();
    Settings settings = Settings.fromEnvironment();
    if (full) settings = settings.withStore(settings.store().withFull());
    Summary summary = GateRunner.run(settings, new GateRunner.Options(features, tags, report, verbose),
        Clock.systemUTC(), err);
    printSummary(settings.reportsDir(), out);
    return summary.exitCode();
  }

  private static int summary(CommandLine args, PrintStream out) {
    Path reports = Path.of(args.value("--reports", Settings.fromEnvironment().reportsDir().toString()));
    args.done();
    return printSummary(reports, out);
  }

  /** Prints the summary file and returns its exit code; a missing summary is exit 2. */
  static int printSummary(Path reports, PrintStream out) {
    Path file = RunReport.summaryFile(reports);
    try {
      out.println();
      out.print(RunReport.settledSummary(reports, Files.readString(file)));
      out.flush();
      return Integer.parseInt(Files.readString(RunReport.exitCodeFile(reports)).trim());
    } catch (IOException | NumberFormatException e) {
      out.println("konvo-qa: no gate summary at " + file + ": the gate run did not finish"
          + " (see the errors above)");
      return 2;
    }
  }

  /** True when the last run's summary lists no gate (or there is no summary at all). */
  static boolean nothingRan(Path reports) {
    try {
      return !Files.readString(RunReport.summaryFile(reports)).contains(" gates, ")
          || Files.readString(RunReport.summaryFile(reports)).contains(": 0 gates,");
    } catch (IOException e) {
      return true;
    }
  }
}
