package io.konvoqa.run;

import io.konvoqa.config.Settings;
import java.nio.file.Path;

/**
 * Where this run writes, known even when the settings themselves are malformed or the run could
 * not open: a run started by {@link GateRunner} writes where its settings say, never where the
 * environment happens to point.
 */
final class GateRunSettings {
  private static Path given;

  private GateRunSettings() {}

  /** The reports directory of the run {@link GateRunner} is running now; null when none is. */
  static synchronized void given(Path reportsDir) {
    given = reportsDir;
  }

  static synchronized Path reportsDir() {
    if (given != null) return given;
    GateRun run = GateRun.peek();
    if (run != null) return run.settings().reportsDir();
    try {
      return Settings.fromEnvironment().reportsDir();
    } catch (IllegalArgumentException e) {
      return Path.of("reports");
    }
  }
}
