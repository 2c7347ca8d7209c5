package io.konvoqa.snapshot;

import io.konvoqa.config.CommandLine;
import io.konvoqa.config.Settings;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code konvo-qa.jar bless FILE}: makes a snapshot the baseline that baseline gates compare with
 * ({@code KONVO_BASELINE}), atomically, and prints what changed against the previous one. Only a
 * snapshot that reads cleanly and holds at least the minimum sample ({@code KONVO_MIN_SAMPLE}) is
 * blessed, unless {@code --force} says otherwise: a baseline gate cannot judge against a smaller one.
 */
public final class Bless {
  private Bless() {}

  public static final String USAGE = """
      usage: java -jar konvo-qa.jar bless FILE [--force]
        copy the snapshot FILE to the baseline (KONVO_BASELINE, default snapshots/baseline.json.gz)
        and print what changed against the previous baseline; a snapshot with fewer sessions than
        the minimum sample (KONVO_MIN_SAMPLE) is refused unless --force
      """;

  /** Blesses as the arguments say; returns 0, or 2 with the reason on {@code err}. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      return run(args, Settings.fromEnvironment(), out, err);
    } catch (IllegalArgumentException e) {
      err.println("konvo-qa: " + e.getMessage());
      return 2;
    }
  }

  static int run(List<String> args, Settings settings, PrintStream out, PrintStream err) {
    Path file;
    boolean force;
    try {
      CommandLine options = new CommandLine(args);
      force = options.flag("--force");
      file = Path.of(options.positional("snapshot FILE"));
      options.done();
    } catch (CommandLine.UsageException e) {
      err.println("konvo-qa bless: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    Path baseline = settings.baseline();
    if (!Files.exists(file)) {
      err.println("konvo-qa bless: no snapshot at " + file + ": record one with 'java -jar konvo-qa.jar"
          + " record --last 7d --out " + file + "' (or 'record --demo --last 7d --out " + file + "' for the demo"
          + " workspace); the baseline " + baseline + " is unchanged");
      return 2;
    }
    try {
      Dataset next = DatasetFile.read(file);
      int sessions = next.sessions().size(), minimum = settings.minimumSample();
      if (sessions < minimum && !force) {
        err.printf(Locale.ROOT, "konvo-qa bless: %s was not blessed, the baseline %s is unchanged: it holds"
            + " %s, fewer than the minimum sample of %,d (KONVO_MIN_SAMPLE), so a baseline gate could not"
            + " judge against it; record a longer window (e.g. 'java -jar konvo-qa.jar record --last 30d"
            + " --out %s') and bless that, or add --force to bless it anyway%n",
            file, baseline, sessions == 0 ? "no sessions" : String.format(Locale.ROOT, "only %,d sessions", sessions),
            minimum, file);
        return 2;
      }
      if (Files.exists(baseline) && Files.isSameFile(file, baseline)) {
        out.println("konvo-qa: " + file + " is already the baseline (KONVO_BASELINE): nothing to do");
        return 0;
      }
      Dataset previous = previous(baseline, err);
      install(file, baseline, next);
      if (sessions < minimum) {
        err.printf(Locale.ROOT, "konvo-qa bless: WARNING: --force: blessed %s with %s, fewer than the"
            + " minimum sample of %,d (KONVO_MIN_SAMPLE): baseline gates against it cannot judge"
            + " until a bigger snapshot is blessed%n",
            file, sessions == 0 ? "no sessions" : String.format(Locale.ROOT, "only %,d sessions", sessions), minimum);
      }
      out.printf(Locale.ROOT, "konvo-qa: blessed %s as the baseline %s (%,d sessions, recorded at %s)%n",
          file, baseline, next.sessions().size(), next.recordedAt());
      if (previous == null) {
        out.println("  no previous baseline to compare with");
      } else {
        out.println("  changes against the previous baseline:");
        Changes.between(previous, next).forEach(out::println);
      }
      return 0;
    } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
      err.println("konvo-qa bless: " + file + " was not blessed, the baseline " + baseline
          + " is unchanged: " + e.getMessage());
      return 2;
    }
  }

  private static Dataset previous(Path baseline, PrintStream err) {
    if (!Files.exists(baseline)) return null;
    try {
      return DatasetFile.read(baseline);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("konvo-qa: the previous baseline could not be read, so there is nothing to compare"
          + " with; it is replaced: " + e.getMessage());
      return null;
    }
  }

  /** A byte copy when the compression matches the baseline's name, else written anew; atomic either way. */
  private static void install(Path file, Path baseline, Dataset dataset) throws IOException {
    if (gzipped(file) != baseline.toString().endsWith(".gz")) {
      DatasetFile.write(dataset, baseline);
      return;
    }
    Path dir = baseline.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + baseline.getFileName(), ".partial");
    try {
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      try {
        Files.move(tmp, baseline, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, baseline, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static boolean gzipped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }
}
