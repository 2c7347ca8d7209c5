package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.konvoqa.config.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key's header, and answers the client will not take: a redirect, a refused key, a 400. */
class JudgeClientTest {
  static final String ANSWER = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":\"{\\\"verdict\\\":\\\"pass\\\",\\\"reason\\\":\\\"ok\\\"}\"},\"finish_reason\":\"stop\"}]}";
  HttpServer server;
  final List<String> authorization = new CopyOnWriteArrayList<>();
  final List<String> apiKey = new CopyOnWriteArrayList<>();
  volatile int status = 200;
  volatile String body = ANSWER;

  @BeforeEach void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext("/", exchange -> {
      String a = exchange.getRequestHeaders().getFirst("Authorization");
      String k = exchange.getRequestHeaders().getFirst("api-key");
      if (a != null) authorization.add(a);
      if (k != null) apiKey.add(k);
      exchange.getRequestBody().readAllBytes();
      if (status == 302) exchange.getResponseHeaders().set("Location", "https://elsewhere.example/v1/chat/completions?token=x");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterEach void stop() {
    server.stop(0);
  }

  JudgeClient client(String header) {
    return new JudgeClient("http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
        Secret.of("KONVO_JUDGE_API_KEY", "sk-secret-abcdef123456"), header,
        new JudgeClient.Limits(2, Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofSeconds(5)), 2);
  }

  static ChatRequest request() {
    return new ChatRequest("m", "system", "user", true);
  }

  @Test void theKeyGoesAsABearerTokenOrInTheHeaderNamed() {
    assertThat(client("Authorization").complete(request()).content()).isEqualTo("{\"verdict\":\"pass\",\"reason\":\"ok\"}");
    assertThat(authorization).containsExactly("Bearer sk-secret-abcdef123456");
    client("api-key").complete(request());
    assertThat(apiKey).containsExactly("sk-secret-abcdef123456");
    assertThat(authorization).hasSize(1);
  }

  @Test void aRefusedKeyIsASettingsErrorThatNeverShowsTheKey() {
    status = 401;
    body = "{\"error\":{\"message\":\"Incorrect API key provided: sk-secret-abcdef123456\"}}";
    assertThatThrownBy(() -> client("Authorization").complete(request()))
        .isInstanceOfSatisfying(JudgeException.class, e -> assertThat(e.fatal()).isTrue())
        .hasMessage("the judge refused the key (HTTP 401): Incorrect API key provided: ***: check"
            + " KONVO_JUDGE_API_KEY and KONVO_JUDGE_API_KEY_HEADER");
  }

  @Test void aRedirectIsNotFollowedWithTheKey() {
    status = 302;
    body = "";
    assertThatThrownBy(() -> client("Authorization").complete(request()))
        .hasMessageEndingWith("redirected (HTTP 302) to https://elsewhere.example/v1/chat/completions: konvo-qa"
            + " does not follow it with the key; set KONVO_JUDGE_URL to the address it answers at");
  }

  @Test void aBadRequestSaysWhatTheServerSaidAndSuggestsTheJsonModeSwitch() {
    status = 400;
    body = "{\"error\":{\"message\":\"response_format is not supported\"}}";
    assertThatThrownBy(() -> client("Authorization").complete(request()))
        .hasMessage("the judge refused the request (HTTP 400): response_format is not supported; if it does not"
            + " support response_format, set KONVO_JUDGE_JSON_MODE=false");
  }

  @Test void aGarbled200IsRetriedThenFails() {
    body = "<html>Bad Gateway</html>";
    JudgeClient client = client("Authorization");
    assertThatThrownBy(() -> client.complete(request())).hasMessageContaining("failed 2 times, last: a 200 that is"
        + " not a chat completion");
    assertThat(client.requests()).isEqualTo(2);
  }
}
