package io.konvoqa.run;

import io.konvoqa.config.Settings;
import java.nio.file.Path;

/** Where this run writes, known even when the settings themselves are malformed. */
final class GateRunSettings {
  private GateRunSettings() {}

  static Path reportsDir() {
    GateRun run = GateRun.peek();
    if (run != null) return run.settings().reportsDir();
    try {
      return Settings.fromEnvironment().reportsDir();
    } catch (IllegalArgumentException e) {
      return Path.of("reports");
    }
  }
}
