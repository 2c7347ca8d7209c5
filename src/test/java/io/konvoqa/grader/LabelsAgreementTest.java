package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Grade;
import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo labels are the demo judge's truth: without its seeded errors it agrees with every one. */
class LabelsAgreementTest {
  @TempDir Path cache;

  @BeforeAll static void start() {
    DemoJudgeTest.start();
  }

  @AfterAll static void stop() {
    DemoJudgeTest.stop();
  }

  @Test void theDemoJudgeWithoutErrorsAgreesWithEveryLabel() {
    for (String name : List.of("resolution", "return-policy")) {
      Rubric rubric = DemoJudgeTest.rubric(name);
      List<Session> sessions = rubric.labels().stream().map(Rubric.Labelled::session).toList();
      List<Grade> grades = DemoJudgeTest.grader(cache, 1000).grade(rubric, sessions);
      for (int i = 0; i < grades.size(); i++) {
        assertThat(grades.get(i).kind()).as(name + " label " + (i + 1) + ": " + grades.get(i).reason())
            .isEqualTo(rubric.labels().get(i).humanPass() ? Grade.Kind.PASS : Grade.Kind.FAIL);
      }
    }
  }
}
