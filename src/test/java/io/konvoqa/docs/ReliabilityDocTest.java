package io.konvoqa.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/reliability.md names, for each fault, a test that shows what a run does: each must exist. */
class ReliabilityDocTest {
  private static final Pattern TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)#([a-z][A-Za-z0-9]*)`");

  @Test void everyFaultNamesATestThatExists() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("docs/reliability.md")).stream()
        .filter(line -> line.startsWith("| ") && !line.startsWith("| fault") && !line.startsWith("| ---"))
        .toList();
    Map<String, Path> testFiles;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      testFiles = files.filter(p -> p.toString().endsWith("Test.java"))
          .collect(Collectors.toMap(p -> p.getFileName().toString().replace(".java", ""), p -> p, (a, b) -> a));
    }

    List<String> missing = new ArrayList<>();
    for (String row : rows) {
      Matcher test = TEST.matcher(row);
      if (!test.find()) {
        missing.add("no test named in: " + row);
        continue;
      }
      Path file = testFiles.get(test.group(1));
      if (file == null || !Pattern.compile("void " + test.group(2) + "\\(").matcher(Files.readString(file)).find()) {
        missing.add(test.group(1) + "#" + test.group(2));
      }
    }

    assertThat(rows).hasSizeGreaterThanOrEqualTo(11);
    assertThat(missing).as("tests docs/reliability.md names that do not exist").isEmpty();
    assertThat(String.join("\n", rows)).contains("429 with `Retry-After`", "a burst of 5xx", "persistent 5xx",
        "timeout", "connection reset", "malformed page", "truncated page", "duplicates across pages",
        "a `count` larger than", "a huge `count`", "churn");
  }
}
