package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StepCatalogTest {
  @Test void docsStepsMdIsUpToDate() throws IOException {
    String committed = Files.readString(Path.of("docs/steps.md"), StandardCharsets.UTF_8);
    assertThat(committed)
        .as("docs/steps.md is stale: regenerate it with"
            + " 'mvn -q package -DskipTests && java -jar target/konvo-qa.jar steps > docs/steps.md'")
        .isEqualTo(StepCatalog.markdown());
  }

  @Test void everyStepClassIsInTheCatalog() throws IOException {
    try (var files = Files.list(Path.of("src/main/java/io/konvoqa/steps"))) {
      long stepClasses = files.filter(f -> {
        try {
          Class<?> type = Class.forName("io.konvoqa.steps." + f.getFileName().toString().replace(".java", ""));
          return Arrays.stream(type.getDeclaredMethods()).anyMatch(StepCatalogTest::isStep);
        } catch (ClassNotFoundException e) {
          return false;
        }
      }).count();
      assertThat(StepCatalog.STEP_CLASSES).hasSize((int) stepClasses);
    }
  }

  @Test void everyExampleIsWrittenWithItsOwnKeyword() {
    assertThat(StepCatalog.entries()).allSatisfy(e ->
        assertThat(e.doc().example()).startsWith(e.keyword() + " "));
  }

  private static boolean isStep(Method m) {
    return m.isAnnotationPresent(Given.class) || m.isAnnotationPresent(Then.class);
  }
}
