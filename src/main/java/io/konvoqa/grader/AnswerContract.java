package io.konvoqa.grader;

import com.squareup.moshi.JsonReader;
import io.konvoqa.gate.Grade;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * The answer contract: the assistant's content is one JSON object
 * {@code {"verdict": "pass" | "fail", "reason": "..."}}, alone or inside one code fence. Anything
 * else (other JSON, prose, an empty answer) is an error, never a pass.
 */
final class AnswerContract {
  static final int EXCERPT = 200;

  private AnswerContract() {}

  /** The verdict and reason, or the error and why, from the content of the judge's answer. */
  record Reading(Grade.Kind kind, String reason) {}

  static Reading read(String content) {
    if (content == null || content.isBlank()) return error("the judge's answer was empty");
    String json = unfenced(content.strip());
    Object value;
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) return notTheContract(content);
    } catch (IOException | RuntimeException e) {
      return notTheContract(content);
    }
    if (!(value instanceof Map<?, ?> map)) return notTheContract(content);
    Object verdict = map.get("verdict");
    Object reason = map.get("reason");
    if (!(verdict instanceof String v) || !(reason instanceof String r) || r.isBlank()) {
      return notTheContract(content);
    }
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "pass" -> new Reading(Grade.Kind.PASS, r.strip());
      case "fail" -> new Reading(Grade.Kind.FAIL, r.strip());
      default -> notTheContract(content);
    };
  }

  /** The inside of one fenced block (```json ... ```), or the text as it was. */
  static String unfenced(String text) {
    if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) return text;
    String inside = text.substring(3, text.length() - 3);
    int newline = inside.indexOf('\n');
    String firstLine = newline < 0 ? inside : inside.substring(0, newline);
    if (firstLine.strip().matches("[A-Za-z]*") && newline >= 0) inside = inside.substring(newline + 1);
    return inside.strip();
  }

  private static Reading notTheContract(String content) {
    return error("the judge's answer is not {\"verdict\": \"pass\"|\"fail\", \"reason\": \"...\"}: "
        + excerpt(content));
  }

  static Reading error(String why) {
    return new Reading(Grade.Kind.ERROR, why);
  }

  static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "..." : flat;
  }
}
