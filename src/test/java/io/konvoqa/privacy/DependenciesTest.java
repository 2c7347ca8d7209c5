package io.konvoqa.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Masking stands on the verdicts and sessions alone, so every writer (report, snapshot, run) can use it. */
class DependenciesTest {
  private static final Pattern PROJECT_IMPORT = Pattern.compile("^import (?:static )?io\\.konvoqa\\.(\\w+)\\.", Pattern.MULTILINE);

  @Test void privacyUsesOnlyGateAndSession() throws IOException {
    List<String> used;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/io/konvoqa/privacy"))) {
      used = files.flatMap(f -> {
        try {
          Matcher m = PROJECT_IMPORT.matcher(Files.readString(f));
          return m.results().map(r -> f.getFileName() + " imports " + r.group(1));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).filter(s -> !s.endsWith(" gate") && !s.endsWith(" session")).toList();
    }
    assertThat(used).isEmpty();
  }
}
