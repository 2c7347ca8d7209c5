package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  @Test void saysTheKeyWasRejectedWithoutShowingIt() {
    // given a simulator that accepts only its own key
    try (KonvoSimulator simulator = KonvoSimulator.start(Fixtures.dataset(), 0, "the-right-key")) {
      KonvoClient client = KonvoClient.builder().baseUrl(simulator.url())
          .apiKey("wrong-key-7Qx9").build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
          () -> client.fetch(Fixtures.all()));

      // then at once, without retrying
      assertThat(e.kind()).isEqualTo(Kind.KEY_REJECTED);
      assertThat(e).hasMessage("the API key was rejected (HTTP 401): check KONVO_API_KEY"
          + " (server said: missing or invalid x-api-key)");
      assertThat(e.getMessage()).doesNotContain("wrong-key-7Qx9");
      assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page).isSubsetOf(0, 1)
          .doesNotHaveDuplicates();
      assertThat(simulator.requests()).extracting(KonvoSimulator.Request::status).containsOnly(401);
    }
  }

  @Test void fetchesWithTheKeyTheSimulatorWasStartedWith() {
    // given
    try (KonvoSimulator simulator = KonvoSimulator.start(Fixtures.dataset(), 0, "the-right-key")) {
      KonvoClient client = KonvoClient.builder().baseUrl(simulator.url())
          .apiKey("  the-right-key ").build();

      // when
      FetchResult result = client.fetch(Fixtures.window(0, 9));

      // then the key was trimmed and accepted
      assertThat(result.sessions()).hasSize(10);
    }
  }

  @Test void saysTheServerRefusedAPageWithTheServersWords() {
    // given a client asking for page 0 of a 1-based API
    try (KonvoSimulator simulator = KonvoSimulator.start(Fixtures.dataset())) {
      KonvoClient client = TestClients.against(simulator).firstPage(0).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
          () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
      assertThat(e).hasMessage("the Konvo API refused the request for page 0 (HTTP 400): page must"
          + " be at least 1 but was 0; check the window and KONVO_PAGE_SIZE / KONVO_FIRST_PAGE");
      assertThat(simulator.requests()).hasSize(1);
    }
  }

  @Test void namesTheUrlTriedWhenNothingListens() throws IOException {
    // given a port that was just free
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    KonvoClient client = TestClients.against("http://127.0.0.1:" + port).maxTries(2)
        .connectTimeout(Duration.ofSeconds(1)).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> client.fetch(Fixtures.all()));

    // then
    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage())
        .startsWith("page 1 of http://127.0.0.1:" + port + "/ai-sessions failed 2 times, last: ")
        .contains("ConnectException")
        .endsWith("; check KONVO_BASE_URL and your network");
  }

  @Test void namesTheValueOfABadBaseUrl() {
    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().baseUrl("api.konvoai.com"));

    // then
    assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIGURATION);
    assertThat(e).hasMessage("KONVO_BASE_URL is not an http(s) URL: 'api.konvoai.com' (expected"
        + " something like https://api.konvoai.com)");
  }

  @Test void addsTheMissingSlashToTheBaseUrl() {
    // when
    KonvoClient client = KonvoClient.builder().baseUrl(" https://api.konvoai.com/v1 ")
        .apiKey("test-key-4f9a").build();

    // then
    assertThat(client.baseUrl()).isEqualTo("https://api.konvoai.com/v1/");
  }

  @Test void refusesToBuildWithoutAKey() {
    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().build());

    // then
    assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIGURATION);
    assertThat(e).hasMessage("no API key: set KONVO_API_KEY to your Konvo workspace's key");
  }

  @Test void namesTheSettingAndValueOutOfRange() {
    assertThat(catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().pageSize(500)))
        .hasMessage("page size (KONVO_PAGE_SIZE) must be 1..200 but was 500");
    assertThat(catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().pageSize(0)))
        .hasMessage("page size (KONVO_PAGE_SIZE) must be 1..200 but was 0");
    assertThat(catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().firstPage(2)))
        .hasMessage("first page (KONVO_FIRST_PAGE) must be 0..1 but was 2");
    assertThat(catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().concurrency(0)))
        .hasMessage("concurrency (KONVO_CONCURRENCY) must be 1..64 but was 0");
    assertThat(catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().maxTries(21)))
        .hasMessage("tries per page (KONVO_MAX_TRIES) must be 1..20 but was 21");
    assertThat(catchThrowableOfType(KonvoApiException.class,
        () -> KonvoClient.builder().readTimeout(Duration.ZERO)))
        .hasMessage("read timeout (KONVO_TIMEOUT) must be positive but was PT0S");
  }
}
