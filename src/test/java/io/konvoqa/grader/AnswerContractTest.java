package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Grade.Kind;
import org.junit.jupiter.api.Test;

class AnswerContractTest {
  @Test void aCleanAnswerIsAVerdict() {
    assertThat(AnswerContract.read("{\"verdict\": \"pass\", \"reason\": \"It was resolved.\"}"))
        .isEqualTo(new AnswerContract.Reading(Kind.PASS, "It was resolved."));
    assertThat(AnswerContract.read(" {\"reason\":\"30 days stated.\",\"verdict\":\"FAIL\"}\n"))
        .isEqualTo(new AnswerContract.Reading(Kind.FAIL, "30 days stated."));
  }

  @Test void anAnswerInACodeFenceIsAccepted() {
    assertThat(AnswerContract.read("```json\n{\"verdict\": \"fail\", \"reason\": \"Wrong period.\"}\n```"))
        .isEqualTo(new AnswerContract.Reading(Kind.FAIL, "Wrong period."));
    assertThat(AnswerContract.read("```\n{\"verdict\": \"pass\", \"reason\": \"Fine.\"}\n```").kind()).isEqualTo(Kind.PASS);
  }

  @Test void anythingElseIsAnErrorNeverAPass() {
    for (String garbled : new String[] {
        "Verdict: PASS", "PASS", "{\"verdict\": \"pass\"}", "{\"verdict\": \"maybe\", \"reason\": \"x\"}",
        "{\"result\": \"pass\", \"reason\": \"x\"}", "[{\"verdict\": \"pass\", \"reason\": \"x\"}]",
        "{\"verdict\": \"pass\", \"reason\": \"x\"} and also fail", "{\"verdict\": \"pass\", \"reason\": \"\"}",
        "{\"verdict\": \"pass\", \"reason\": \"x\"", "Here you go: ```json\n{\"verdict\": \"pass\", \"reason\": \"x\"}\n```",
        "\"pass\"", "", "   "}) {
      assertThat(AnswerContract.read(garbled).kind()).as(garbled).isEqualTo(Kind.ERROR);
    }
    assertThat(AnswerContract.read("Verdict: PASS").reason())
        .isEqualTo("the judge's answer is not {\"verdict\": \"pass\"|\"fail\", \"reason\": \"...\"}: Verdict: PASS");
    assertThat(AnswerContract.read(null).reason()).isEqualTo("the judge's answer was empty");
  }

  @Test void aRefusalNoChoiceOrFilteredAnswerIsAnError() {
    assertThat(ChatReply.read("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
        + "\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}]}").reading())
        .isEqualTo(new AnswerContract.Reading(Kind.ERROR, "the judge refused: I can't help with that."));
    assertThat(ChatReply.read("{\"choices\":[],\"usage\":{\"total_tokens\":7}}").reading())
        .isEqualTo(new AnswerContract.Reading(Kind.ERROR, "the judge answered with no choices"));
    assertThat(ChatReply.read("{\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"content_filter\"}]}")
        .reading().kind()).isEqualTo(Kind.ERROR);
    assertThat(ChatReply.read("{\"choices\":[{\"message\":{\"content\":\"{\\\"verdict\\\": \\\"pa\"},\"finish_reason\":\"length\"}]}")
        .reading().reason()).endsWith("(cut off: the server's token limit was reached)");
  }

  @Test void tokensComeFromUsage() {
    String content = "{\\\"verdict\\\":\\\"pass\\\",\\\"reason\\\":\\\"ok\\\"}";
    assertThat(ChatReply.read("{\"choices\":[{\"message\":{\"content\":\"" + content + "\"}}],"
        + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":9,\"total_tokens\":109}}").tokens()).isEqualTo(109);
    assertThat(ChatReply.read("{\"choices\":[{\"message\":{\"content\":\"" + content + "\"}}],"
        + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":9}}").tokens()).isEqualTo(109);
    assertThat(ChatReply.read("{\"choices\":[{\"message\":{\"content\":\"" + content + "\"}}]}").tokens()).isZero();
  }
}
