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

  @Test void aLabelIsATranscriptOrASessionOfANamedSnapshot() throws Exception {
    io.konvoqa.session.Session recorded = io.konvoqa.testing.TestSessions.session("4b61c673")
        .customer("I want to return my jacket").ai("Returns are free within 14 days.").build();
    Path snapshot = dir.resolve("baseline.json.gz");
    io.konvoqa.simulator.DatasetFile.write(io.konvoqa.simulator.Dataset.of(io.konvoqa.testing.TestSessions.NOW,
        java.util.List.of(recorded, io.konvoqa.testing.TestSessions.session("other").customer("hi").ai("hello").build())),
        snapshot);
    Files.writeString(dir.resolve("r.md"), "Text");
    Files.writeString(dir.resolve("r.labels.jsonl"), "// two forms\n"
        + "{\"human\":\"fail\",\"messages\":[{\"role\":\"customer\",\"text\":\"I want to return it\","
        + "\"time\":\"2026-11-23T09:40:56Z\"},{\"role\":\"ai\",\"text\":\"You have 30 days.\"}],\"note\":\"30 days\"}\n"
        + "{\"human\":\"pass\",\"snapshot\":\"" + snapshot.toString().replace("\\", "\\\\") + "\",\"session_id\":\"4b61c673\"}\n");
    Rubric r = Rubrics.load(dir, "r", ROLES);
    assertThat(r.labels()).hasSize(2);
    Rubric.Labelled transcript = r.labels().get(0);
    assertThat(transcript.humanPass()).isFalse();
    assertThat(transcript.session().id()).isEqualTo("label:r:2");
    assertThat(transcript.session().messages()).extracting(io.konvoqa.session.Message::initiatorOrigin, io.konvoqa.session.Message::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("RECIPIENT", "I want to return it"),
            org.assertj.core.groups.Tuple.tuple("AI", "You have 30 days."));
    assertThat(transcript.session().messages().get(0).createdAt()).isEqualTo(java.time.Instant.parse("2026-11-23T09:40:56Z"));
    Rubric.Labelled fromSnapshot = r.labels().get(1);
    assertThat(fromSnapshot.humanPass()).isTrue();
    assertThat(fromSnapshot.session().id()).isEqualTo("4b61c673");
    assertThat(fromSnapshot.session().updatedAt()).isEqualTo(recorded.updatedAt());
    assertThat(fromSnapshot.session().messages()).extracting(io.konvoqa.session.Message::text)
        .containsExactly("I want to return my jacket", "Returns are free within 14 days.");
  }

  @Test void aMalformedLabelNamesTheLineWhatIsWrongAndWhatToDo() throws Exception {
    Files.writeString(dir.resolve("r.md"), "Text");
    Path labels = dir.resolve("r.labels.jsonl");
    Path snapshot = dir.resolve("s.json");
    io.konvoqa.simulator.DatasetFile.write(io.konvoqa.simulator.Dataset.of(io.konvoqa.testing.TestSessions.NOW,
        java.util.List.of(io.konvoqa.testing.TestSessions.session("a").customer("hi").ai("hello").build())), snapshot);
    String snap = snapshot.toString().replace("\\", "\\\\");
    java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("{\"human\":\"pass\",\"messages\":[", "line 1: not a JSON object");
    cases.put("[1, 2]", "line 1: not one JSON object; each line holds one");
    cases.put("{\"human\":\"pass\"}", "line 1: a label needs either \"messages\" or \"snapshot\" and \"session_id\","
        + " not both and not neither");
    cases.put("{\"human\":\"pass\",\"messages\":[{\"role\":\"ai\"}]}", "line 1: message 1 needs \"role\" and \"text\" strings");
    cases.put("{\"human\":\"pass\",\"messages\":[]}", "line 1: \"messages\" must be a non-empty array of {role, text, time?}");
    cases.put("{\"verdict\":\"pass\",\"messages\":[]}", "line 1: unknown key 'verdict'; a label has human and either"
        + " messages or snapshot and session_id (and an optional note)");
    cases.put("{\"messages\":[{\"role\":\"ai\",\"text\":\"x\"}]}", "line 1: \"human\" must be \"pass\" or \"fail\" but was missing");
    cases.put("{\"human\":\"pass\",\"snapshot\":\"" + snap + "\",\"session_id\":42}", "line 1: a label from a snapshot"
        + " needs \"snapshot\" (its path) and \"session_id\" as strings");
    cases.put("{\"human\":\"pass\",\"snapshot\":\"" + snap + "\",\"session_id\":\"zz\"}", "line 1: session 'zz' is not"
        + " in the snapshot " + snapshot + " (1 sessions); check the session_id, or point \"snapshot\" at the one that has it");
    cases.put("{\"human\":\"pass\",\"snapshot\":\"nowhere.json\",\"session_id\":\"a\"}", "line 1: the snapshot"
        + " nowhere.json does not exist (looked for " + Path.of("nowhere.json").toAbsolutePath() + "); the path is from the"
        + " working directory: fix it, or record the snapshot");
    for (var c : cases.entrySet()) {
      Files.writeString(labels, c.getKey() + "\n");
      assertThatThrownBy(() -> Rubrics.load(dir, "r", ROLES)).as(c.getKey()).isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith(labels + " " + c.getValue());
    }
  }

  @Test void aRubricNameCannotLeaveTheDirectory() {
    assertThatThrownBy(() -> Rubrics.load(dir, "../secrets", ROLES)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("but was \"../secrets\"");
  }
}
