package io.konvoqa.grader;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import okio.Buffer;

/**
 * The body of {@code POST /chat/completions}: a CreateChatCompletionRequest of OpenAI's published
 * schema with {@code model}, a system and a user message, {@code temperature: 0} and, in JSON mode,
 * {@code response_format: {"type": "json_object"}}. Nothing else, so that any OpenAI-compatible
 * server takes it.
 */
record ChatRequest(String model, String system, String user, boolean jsonMode) {
  ChatRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
  }

  String json() {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.beginObject();
      w.name("model").value(model);
      w.name("messages").beginArray();
      w.beginObject().name("role").value("system").name("content").value(system).endObject();
      w.beginObject().name("role").value("user").name("content").value(user).endObject();
      w.endArray();
      w.name("temperature").value(0);
      if (jsonMode) w.name("response_format").beginObject().name("type").value("json_object").endObject();
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
