package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricsTest {
  static final java.util.Map<String, Role> ROLES = Role.parseMapping(null);
  @TempDir Path dir;

  @Test void theDemoRubricsLoadWithTheirFrontMatterAndFortyLabelsEach() {
    Rubric resolution = Rubrics.load(Path.of("rubrics"), "resolution", ROLES);
    assertThat(resolution.minAgreement()).isEqualTo(0.85);
    assertThat(resolution.correctForJudgeError()).isFalse();
    assertThat(resolution.text()).startsWith("# Resolution").doesNotContain("min_agreement");
    assertThat(resolution.labels()).hasSize(40);
    assertThat(resolution.labels()).filteredOn(l -> !l.humanPass()).hasSize(16);
    Rubric returns = Rubrics.load(Path.of("rubrics"), "return-policy", ROLES);
    assertThat(returns.labels()).hasSize(40).filteredOn(l -> !l.humanPass()).hasSize(18);
    assertThat(returns.labels().get(0).session().messages().get(0).initiatorOrigin()).isEqualTo("RECIPIENT");
  }

  @Test void aMissingRubricNamesThePathAndTheSetting() throws Exception {
    Files.writeString(dir.resolve("tone.md"), "Be polite.");
    assertThatThrownBy(() -> Rubrics.load(dir, "politeness", ROLES))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("no rubric \"politeness\": " + dir.resolve("politeness.md") + " does not exist (rubrics are"
            + " read from KONVO_RUBRICS=" + dir + "); write it, or set KONVO_RUBRICS to the directory that has it"
            + " (rubrics there: tone)");
  }

  @Test void badFrontMatterNamesTheKeyAndTheLine() throws Exception {
    Files.writeString(dir.resolve("r.md"), "---\nmin_agreement: 0.9\nmin_agrement: 0.8\n---\nText");
    assertThatThrownBy(() -> Rubrics.load(dir, "r", ROLES)).hasMessage(dir.resolve("r.md")
        + " line 3: unknown front matter key 'min_agrement'; the keys are min_agreement and correct_for_judge_error");
    Files.writeString(dir.resolve("r.md"), "---\nmin_agreement: lots\n---\nText");
    assertThatThrownBy(() -> Rubrics.load(dir, "r", ROLES)).hasMessage(dir.resolve("r.md")
        + " line 2: min_agreement must be a share 0..1 (0.85) or a percentage (85%) but was 'lots'");
    Files.writeString(dir.resolve("r.md"), "---\ncorrect_for_judge_error: true\nmin_agreement: 85%\n");
    assertThatThrownBy(() -> Rubrics.load(dir, "r", ROLES)).hasMessageContaining("line 1: the front matter opened with --- is never closed");
    Files.writeString(dir.resolve("r.md"), "---\ncorrect_for_judge_error: true\nmin_agreement: 85%\n---\n The criterion.\n");
    Rubric r = Rubrics.load(dir, "r", ROLES);
    assertThat(r.minAgreement()).isEqualTo(0.85);
    assertThat(r.correctForJudgeError()).isTrue();
    assertThat(r.text()).isEqualTo("The criterion.");
  }

  @Test void badLabelsNameTheLine() throws Exception {
    Files.writeString(dir.resolve("r.md"), "Text");
    Files.writeString(dir.resolve("r.labels.jsonl"), "{\"human\":\"pass\",\"messages\":[{\"role\":\"customer\",\"text\":\"hi\"}]}\n\n"
        + "{\"human\":\"yes\",\"messages\":[{\"role\":\"ai\",\"text\":\"hi\"}]}\n");
    assertThatThrownBy(() -> Rubrics.load(dir, "r", ROLES)).hasMessage(dir.resolve("r.labels.jsonl")
        + " line 3: \"human\" must be \"pass\" or \"fail\" but was 'yes'");
    Files.writeString(dir.resolve("r.labels.jsonl"), "{\"human\":\"fail\",\"transcript\":[]}\n");
    assertThatThrownBy(() -> Rubrics.load(dir, "r", ROLES)).hasMessageContaining("line 1: unknown key 'transcript'");
    Files.writeString(dir.resolve("r.labels.jsonl"), "{\"human\":\"fail\",\"messages\":[{\"role\":\"ai\",\"text\":\"x\",\"time\":\"yesterday\"}]}\n");
    assertThatThrownBy(() -> Rubrics.load(dir, "r", ROLES)).hasMessageContaining("line 1: message 1 has the time 'yesterday'");
  }

  @Test void aRubricNameCannotLeaveTheDirectory() {
    assertThatThrownBy(() -> Rubrics.load(dir, "../secrets", ROLES)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("but was \"../secrets\"");
  }
}
