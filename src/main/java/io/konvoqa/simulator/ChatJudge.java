package io.konvoqa.simulator;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * The demo judge: {@code POST /v1/chat/completions} answered from a {@link JudgeTruth}, wrong on
 * purpose in a seeded share of cases (the same transcript and rubric always get the same answer),
 * so that calibration against labels has an error to measure; its mistakes give the reasons a
 * judge erring so would ({@link JudgeTruth#mistaken}). For a rubric it does not know it refuses,
 * naming the rubrics it knows, which a grader must take as an error.
 */
final class ChatJudge {
  /** How the grader's system message names its rubric: {@code Rubric: "resolution"}. */
  private static final Pattern RUBRIC = Pattern.compile("(?m)^Rubric: \"([^\"\\n]*)\"");
  private static final Pattern TIME = Pattern.compile("(?m)^\\[[^\\]\\n]*\\] ");

  private final JudgeTruth truth;
  private final double errorRate;
  private final long seed;
  private final AtomicInteger answered = new AtomicInteger();

  ChatJudge(JudgeTruth truth, double errorRate, long seed) {
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("the demo judge's error rate must be 0..1 but was " + errorRate);
    }
    this.truth = java.util.Objects.requireNonNull(truth, "truth");
    this.errorRate = errorRate;
    this.seed = seed;
  }

  /** The status and body for a request body; {@code fault} shapes a bad answer ("malformed", "refusal", "empty"). */
  Answer answer(byte[] request, String fault) {
    Map<?, ?> body;
    try (JsonReader reader = JsonReader.of(new Buffer().write(request))) {
      if (!(reader.readJsonValue() instanceof Map<?, ?> map)) return Answer.error(400, "the body must be a JSON object");
      body = map;
    } catch (IOException | RuntimeException e) {
      return Answer.error(400, "the body is not JSON: " + e.getMessage());
    }
    if (!(body.get("model") instanceof String model) || model.isBlank()) return Answer.error(400, "model is required");
    if (!(body.get("messages") instanceof List<?> messages) || messages.isEmpty()) {
      return Answer.error(400, "messages must be a non-empty array");
    }
    String system = content(messages, "system");
    String user = content(messages, "user");
    if (user == null) return Answer.error(400, "no user message to judge");
    int n = answered.incrementAndGet();
    if ("empty".equals(fault)) return new Answer(200, completion(n, model, null, null, false, 0));
    if ("refusal".equals(fault)) {
      return new Answer(200, completion(n, model, null, "I'm sorry, but I can't help with that.", true, 12));
    }
    if ("malformed".equals(fault)) {
      return new Answer(200, completion(n, model, "Verdict: PASS (mostly)", null, true, 5));
    }
    Matcher m = RUBRIC.matcher(system == null ? "" : system);
    String rubric = m.find() ? m.group(1) : null;
    if (rubric == null || !truth.rubrics().contains(rubric)) {
      // a refusal, as a model declines: the grader takes it for a judge error and shows why
      String refusal = "The demo judge knows only the rubrics " + String.join(", ", new TreeSet<>(truth.rubrics()))
          + " and cannot grade " + (rubric == null ? "a rubric it is not told the name of" : "\"" + rubric + "\"")
          + "; set KONVO_JUDGE_URL to a real judge for your own rubrics.";
      return new Answer(200, completion(n, model, null, refusal, true, refusal.length() / 4));
    }
    JudgeTruth.Verdict verdict = truth.grade(rubric, user);
    boolean pass = wrongOnPurpose(rubric, user) != verdict.pass();
    String content = json(pass, pass == verdict.pass() ? verdict.reason() : truth.mistaken(rubric, user, pass));
    int promptTokens = (user.length() + (system == null ? 0 : system.length())) / 4;
    return new Answer(200, completion(n, model, content, null, true, promptTokens + content.length() / 4));
  }

  /** True in a seeded {@code errorRate} share of (rubric, transcript) pairs, the times left out. */
  private boolean wrongOnPurpose(String rubric, String transcript) {
    String text = rubric + "\n" + TIME.matcher(transcript).replaceAll("");
    long hash = seed;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) hash = hash * 1_000_003 + b;
    return new SplittableRandom(hash).nextDouble() < errorRate;
  }

  private static String content(List<?> messages, String role) {
    for (Object o : messages) {
      if (o instanceof Map<?, ?> m && role.equals(m.get("role")) && m.get("content") instanceof String s) return s;
    }
    return null;
  }

  private static String json(boolean pass, String reason) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.beginObject().name("verdict").value(pass ? "pass" : "fail").name("reason").value(reason).endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static byte[] completion(int n, String model, String content, String refusal, boolean choice, int tokens) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      w.beginObject().name("id").value("chatcmpl-demo-" + n).name("object").value("chat.completion")
          .name("created").value(System.currentTimeMillis() / 1000).name("model").value(model)
          .name("choices").beginArray();
      if (choice) {
        w.beginObject().name("index").value(0).name("message").beginObject()
            .name("role").value("assistant").name("content").value(content).name("refusal").value(refusal)
            .endObject().name("logprobs").nullValue().name("finish_reason").value("stop").endObject();
      }
      w.endArray().name("usage").beginObject().name("prompt_tokens").value(Math.max(0, tokens - 20))
          .name("completion_tokens").value(Math.min(tokens, 20)).name("total_tokens").value(tokens)
          .endObject().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  record Answer(int status, byte[] body) {
    static Answer error(int status, String message) {
      Buffer buffer = new Buffer();
      try (JsonWriter w = JsonWriter.of(buffer)) {
        w.beginObject().name("error").beginObject().name("message").value(message)
            .name("type").value("invalid_request_error").endObject().endObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Answer(status, buffer.readByteArray());
    }
  }
}
