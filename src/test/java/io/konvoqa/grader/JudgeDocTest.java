package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/judge.md is true to the code: every judge setting with its default, the prompt version, the answer contract. */
class JudgeDocTest {
  static String doc() throws IOException {
    return Files.readString(Path.of("docs/judge.md"), StandardCharsets.UTF_8);
  }

  @Test void everyJudgeSettingIsListedWithItsDefault() throws IOException {
    List<Setting> judge = Arrays.stream(Setting.values())
        .filter(s -> s.env.startsWith("KONVO_JUDGE_") || s == Setting.RUBRICS || s == Setting.SAMPLE_SEED).toList();
    assertThat(judge).hasSizeGreaterThanOrEqualTo(13);
    String doc = doc();
    for (Setting s : judge) {
      assertThat(doc).as(s.env).contains("| `" + s.env + "` | " + (s.fallback == null ? "none" : "`" + s.fallback + "`") + " | ");
    }
  }

  @Test void thePromptVersionTheCutMarkAndTheAnswerContractAreTheCodes() throws IOException {
    String doc = doc();
    assertThat(doc).contains("(`" + Prompt.PROMPT_VERSION + "`, shown in each judge panel)")
        .contains(String.format(java.util.Locale.ROOT, Prompt.CUT_MARK, 14))
        .contains("{\"verdict\": \"pass\", \"reason\": \"The AI explained the return process and sent a label.\"}");
    // the contract as the doc states it holds in the code: alone, fenced, any case; other JSON, prose, an empty reason fail
    assertThat(AnswerContract.read("{\"verdict\": \"pass\", \"reason\": \"The AI explained the return process and sent a label.\"}")
        .kind()).isEqualTo(io.konvoqa.gate.Grade.Kind.PASS);
    assertThat(AnswerContract.read("```json\n{\"verdict\": \"FAIL\", \"reason\": \"30 days.\", \"score\": 1}\n```").kind())
        .isEqualTo(io.konvoqa.gate.Grade.Kind.FAIL);
    for (String bad : List.of("{\"verdict\": \"maybe\", \"reason\": \"x\"}", "{\"reason\": \"x\"}",
        "{\"verdict\": \"pass\", \"reason\": \" \"}", "The conversation passes.", "[]")) {
      assertThat(AnswerContract.read(bad).kind()).as(bad).isEqualTo(io.konvoqa.gate.Grade.Kind.ERROR);
    }
    // and the instructions state it to the model
    String system = Prompt.system(io.konvoqa.gate.Rubric.inline("Polite."));
    assertThat(system).contains("{\"verdict\": \"pass\", \"reason\": \"<one or two sentences>\"}")
        .contains("{\"verdict\": \"fail\", \"reason\": \"<one or two sentences>\"}");
  }
}
