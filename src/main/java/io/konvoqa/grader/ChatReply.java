package io.konvoqa.grader;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * What a chat completion says, as far as grading needs it: the first choice's content or refusal,
 * why it finished, and the tokens {@code usage} reports (0 when the server sends none).
 */
record ChatReply(String content, String refusal, String finishReason, int choices, long tokens) {

  /** Reads a chat.completion body; throws {@link IllegalArgumentException} when it is not one. */
  static ChatReply read(String body) {
    Object value;
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body))) {
      value = reader.readJsonValue();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not JSON (" + e.getMessage() + ")");
    }
    if (!(value instanceof Map<?, ?> map)) throw new IllegalArgumentException("not a JSON object");
    long tokens = tokens(map.get("usage"));
    if (!(map.get("choices") instanceof List<?> choices)) {
      throw new IllegalArgumentException("no \"choices\" array");
    }
    if (choices.isEmpty()) return new ChatReply(null, null, null, 0, tokens);
    if (!(choices.get(0) instanceof Map<?, ?> choice) || !(choice.get("message") instanceof Map<?, ?> message)) {
      throw new IllegalArgumentException("the first choice has no \"message\" object");
    }
    return new ChatReply(text(message.get("content")), text(message.get("refusal")),
        text(choice.get("finish_reason")), choices.size(), tokens);
  }

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }

  private static long tokens(Object usage) {
    if (!(usage instanceof Map<?, ?> u)) return 0;
    if (u.get("total_tokens") instanceof Number total) return Math.max(0, total.longValue());
    long sum = 0;
    if (u.get("prompt_tokens") instanceof Number p) sum += p.longValue();
    if (u.get("completion_tokens") instanceof Number c) sum += c.longValue();
    return Math.max(0, sum);
  }

  /** The grade this reply gives: a refusal, no choice or a cut answer is an error, never a pass. */
  AnswerContract.Reading reading() {
    if (choices == 0) return AnswerContract.error("the judge answered with no choices");
    if (refusal != null && !refusal.isBlank()) {
      return AnswerContract.error("the judge refused: " + AnswerContract.excerpt(refusal));
    }
    if ("content_filter".equals(finishReason)) {
      return AnswerContract.error("the judge's answer was withheld by its content filter");
    }
    AnswerContract.Reading reading = AnswerContract.read(content);
    if (reading.kind() == io.konvoqa.gate.Grade.Kind.ERROR && "length".equals(finishReason)) {
      return AnswerContract.error(reading.reason() + " (cut off: the server's token limit was reached)");
    }
    return reading;
  }
}
