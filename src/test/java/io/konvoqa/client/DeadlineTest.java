package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.config.Settings;
import io.konvoqa.simulator.Fixtures;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** KONVO_TIMEOUT limits a whole request: a server that trickles its answer cannot hold a run. */
class DeadlineTest {
  @Test void aServerThatTricklesBytesFailsTheRequestAfterKonvoTimeout() {
    // given a server that sends its headers, then one byte every half second for a minute
    try (ScriptedServer api = new ScriptedServer(x -> {
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        byte[] body = ("{\"count\": 1, \"result\": [{\"id\": \"" + "s".repeat(200) + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
        for (byte b : body) {
          out.write(b);
          out.flush();
          Thread.sleep(500);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })) {
      // and a client set up as a run is, with KONVO_TIMEOUT=2: each byte comes well within it
      Settings settings = Settings.load(Map.of("KONVO_API_KEY", TestClients.KEY,
          "KONVO_BASE_URL", api.url(), "KONVO_TIMEOUT", "2", "KONVO_MAX_TRIES", "2"), new Properties());
      KonvoClient client = KonvoClient.builder(settings).backoffBase(Duration.ofMillis(5)).firstPage(1).build();

      // when
      KonvoApiException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
          catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all())));

      // then both tries ended at the deadline, and the message says which setting to raise
      assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
      assertThat(e).hasMessage("page 1 of " + api.url() + "ai-sessions failed 2 times, last: timed"
          + " out (timeout; KONVO_TIMEOUT allows 2 s per request); check KONVO_BASE_URL and your"
          + " network, or raise KONVO_TIMEOUT if the API is just slow");
      assertThat(api.seen()).hasSize(2);
    }
  }
}
