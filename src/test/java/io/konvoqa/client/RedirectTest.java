package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.simulator.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key goes to the host of KONVO_BASE_URL and nowhere else, whatever the API redirects to. */
class RedirectTest {
  private static final String EMPTY_PAGE = "{\"count\": 0, \"result\": []}";

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 307, 308})
  void refusesARedirectToAnotherHostAndNeverSendsItTheKey(int status) {
    // given an API that redirects to another server, which would happily serve a page
    try (ScriptedServer other = new ScriptedServer(x -> ScriptedServer.reply(x, 200, EMPTY_PAGE));
        ScriptedServer api = new ScriptedServer(x -> {
          x.getResponseHeaders().set("Location", "http://localhost:" + other.port() + "/ai-sessions?page=1");
          ScriptedServer.reply(x, status, "");
        })) {
      KonvoClient client = TestClients.against(api.url()).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
          () -> client.fetch(Fixtures.all()));

      // then the run could not judge, says where the redirect pointed, and the key stayed home
      assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIGURATION);
      assertThat(e).hasMessage("the API at http://127.0.0.1:" + api.port() + " redirected to"
          + " http://localhost:" + other.port() + "/ai-sessions: konvo-qa does not send the key to"
          + " another host; set KONVO_BASE_URL to the API's real address");
      assertThat(other.seen()).as("requests with a key to the other host")
          .filteredOn(seen -> seen.apiKey() != null).isEmpty();
      assertThat(other.seen()).as("requests to the other host").isEmpty();
      assertThat(api.seen()).singleElement().extracting(ScriptedServer.Seen::apiKey)
          .isEqualTo(TestClients.KEY);
    }
  }

  @Test void refusesARedirectToAnotherPortOfTheSameHost() {
    // given
    try (ScriptedServer other = new ScriptedServer(x -> ScriptedServer.reply(x, 200, EMPTY_PAGE));
        ScriptedServer api = new ScriptedServer(x -> {
          x.getResponseHeaders().set("Location", other.url() + "ai-sessions");
          ScriptedServer.reply(x, 302, "");
        })) {
      KonvoClient client = TestClients.against(api.url()).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
          () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e.getMessage()).startsWith("the API at http://127.0.0.1:" + api.port()
          + " redirected to http://127.0.0.1:" + other.port() + "/ai-sessions: ");
      assertThat(other.seen()).isEmpty();
    }
  }

  @Test void followsARedirectOnTheSameHostAndPortWithTheKey() {
    // given an API that moved its endpoint under /v2 on the same host
    try (ScriptedServer api = new ScriptedServer(x -> {
      if (x.getRequestURI().getPath().startsWith("/v2/")) {
        ScriptedServer.reply(x, 200, EMPTY_PAGE);
      } else {
        x.getResponseHeaders().set("Location", "/v2" + x.getRequestURI());
        ScriptedServer.reply(x, 308, "");
      }
    })) {
      KonvoClient client = TestClients.against(api.url()).firstPage(1).build();

      // when
      FetchResult result = client.fetch(Fixtures.all());

      // then
      assertThat(result.sessions()).isEmpty();
      assertThat(api.seen()).extracting(ScriptedServer.Seen::apiKey)
          .containsExactly(TestClients.KEY, TestClients.KEY);
      assertThat(api.seen().get(1).target()).startsWith("/v2/ai-sessions?page=1&");
    }
  }

  @Test void stopsAfterFiveRedirectsOnTheSameHost() {
    // given an API that redirects to itself forever
    try (ScriptedServer api = new ScriptedServer(x -> {
      x.getResponseHeaders().set("Location", "/loop");
      ScriptedServer.reply(x, 302, "");
    })) {
      KonvoClient client = TestClients.against(api.url()).firstPage(1).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class,
          () -> client.fetch(Fixtures.all()));

      // then
      assertThat(e.kind()).isEqualTo(Kind.BAD_CONFIGURATION);
      assertThat(e).hasMessage("the API at http://127.0.0.1:" + api.port() + " redirected more than"
          + " 5 times, last to http://127.0.0.1:" + api.port() + "/loop: set KONVO_BASE_URL to the"
          + " address the API answers at");
      assertThat(api.seen()).hasSize(6);
    }
  }
}
