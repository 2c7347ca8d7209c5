package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The bodies the judge client sends are valid CreateChatCompletionRequests of OpenAI's published
 * API schema (github.com/openai/openai-openapi, openapi.json, read at commit f85dbe2): the
 * properties that schema declares for the request (those of CreateChatCompletionRequest and the
 * model-response properties it includes), with the types, enums and ranges it gives for the ones
 * we send, and the system and user message shapes of ChatCompletionRequestMessage.
 */
class ChatRequestSchemaTest {
  /** Every property the schema allows on the request object (it allows no others to be useful). */
  static final Set<String> REQUEST_PROPERTIES = Set.of("metadata", "top_logprobs", "temperature", "top_p",
      "user", "safety_identifier", "prompt_cache_key", "prompt_cache_retention", "prompt_cache_options",
      "messages", "model", "service_tier", "modalities", "verbosity", "reasoning_effort",
      "max_completion_tokens", "frequency_penalty", "presence_penalty", "web_search_options",
      "response_format", "audio", "store", "moderation", "stream", "stop", "logit_bias", "logprobs",
      "max_tokens", "n", "prediction", "seed", "stream_options", "tools", "tool_choice",
      "parallel_tool_calls", "function_call", "functions");
  static final Set<String> REQUIRED = Set.of("model", "messages");
  /** ChatCompletionRequestSystemMessage and ...UserMessage: role and content required, name optional. */
  static final Set<String> MESSAGE_PROPERTIES = Set.of("role", "content", "name");
  /** The roles of the message oneOf, by its discriminator. */
  static final Set<String> ROLES = Set.of("developer", "system", "user", "assistant", "tool", "function");
  /** response_format's oneOf by discriminator "type". */
  static final Set<String> RESPONSE_FORMATS = Set.of("text", "json_schema", "json_object");

  @Test void aJsonModeBodyIsAValidCreateChatCompletionRequest() throws IOException {
    Map<?, ?> body = parse(new ChatRequest("gpt-4o-mini", Prompt.system(rubric()), user(), true).json());
    assertValid(body);
    assertThat(body.get("response_format")).isEqualTo(Map.of("type", "json_object"));
    assertThat(body.get("temperature")).isEqualTo(0.0);
  }

  @Test void withoutJsonModeTheBodyLeavesResponseFormatOut() throws IOException {
    Map<?, ?> body = parse(new ChatRequest("llama3.1", Prompt.system(rubric()), user(), false).json());
    assertValid(body);
    assertThat(body.containsKey("response_format")).isFalse();
    assertThat(new java.util.HashSet<Object>(body.keySet())).isEqualTo(Set.of("model", "messages", "temperature"));
  }

  static void assertValid(Map<?, ?> body) {
    List<String> problems = new ArrayList<>();
    for (Object key : body.keySet()) if (!REQUEST_PROPERTIES.contains(key)) problems.add("unknown property " + key);
    for (String key : REQUIRED) if (!body.containsKey(key)) problems.add("missing required " + key);
    if (!(body.get("model") instanceof String model) || model.isEmpty()) problems.add("model is not a string");
    if (body.get("temperature") != null && !(body.get("temperature") instanceof Double t && t >= 0 && t <= 2)) {
      problems.add("temperature is not a number 0..2");
    }
    if (!(body.get("messages") instanceof List<?> messages) || messages.isEmpty()) {
      problems.add("messages is not an array with at least one item");
    } else {
      for (Object o : messages) {
        if (!(o instanceof Map<?, ?> m)) {
          problems.add("a message is not an object");
          continue;
        }
        for (Object key : m.keySet()) if (!MESSAGE_PROPERTIES.contains(key)) problems.add("unknown message property " + key);
        if (!(m.get("role") instanceof String role) || !ROLES.contains(role)) problems.add("bad role " + m.get("role"));
        if (!(m.get("content") instanceof String)) problems.add("content is not a string");
      }
    }
    if (body.containsKey("response_format")) {
      if (!(body.get("response_format") instanceof Map<?, ?> f) || !RESPONSE_FORMATS.contains(f.get("type"))
          || (f.get("type").equals("json_object") && !f.keySet().equals(Set.of("type")))) {
        problems.add("response_format is not one of its oneOf: " + body.get("response_format"));
      }
    }
    assertThat(problems).as("schema problems").isEmpty();
  }

  static Map<?, ?> parse(String json) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      return (Map<?, ?>) reader.readJsonValue();
    }
  }

  static Rubric rubric() {
    return new Rubric("resolution", "The AI resolves the request.", Double.NaN, false, List.of());
  }

  static String user() {
    Session s = new Session("s1", null, null, null, null, null, null, null, null, List.of(
        new Message("m1", "s1", "RECIPIENT", "Where is my \"order\"?\nThanks", Instant.parse("2026-11-27T10:00:00Z"))));
    return Prompt.user(s, Role.parseMapping(null), 12_000);
  }
}
