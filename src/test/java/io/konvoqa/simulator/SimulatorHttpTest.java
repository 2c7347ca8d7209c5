package io.konvoqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator as any HTTP client sees it, through the JDK's own client. */
class SimulatorHttpTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KonvoSimulator simulator;

  @BeforeAll static void startSimulator() {
    simulator = KonvoSimulator.start(Dataset.of(Fixtures.RECORDED_AT, Fixtures.sessions(20)));
  }

  @AfterAll static void stopSimulator() {
    simulator.close();
  }

  @BeforeEach void clean() {
    simulator.faults().reset();
    simulator.clearRequests();
  }

  private static HttpResponse<String> get(String pathAndQuery, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.url() + pathAndQuery));
    if (key != null) request.header("x-api-key", key);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test void refusesALimitAbove200With400AndAJsonMessage() throws Exception {
    // when
    HttpResponse<String> response = get("ai-sessions?limit=500", "k");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.body()).isEqualTo("{\"message\":\"limit must be at most 200 but was 500\"}");
  }

  @Test void refusesABadDateWith400NamingIt() throws Exception {
    // when
    HttpResponse<String> response = get("ai-sessions?updated_at_min=yesterday", "k");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"message\":\"updated_at_min must be an ISO-8601"
        + " date-time but was 'yesterday'\"}");
  }

  @Test void answers401WithoutAKey() throws Exception {
    // when
    HttpResponse<String> response = get("ai-sessions", null);

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"missing or invalid x-api-key\"}");
  }

  @Test void omitsMessagesAndStateUnlessAskedFor() throws Exception {
    // when
    String bare = get("ai-sessions?limit=1", "k").body();
    String full = get("ai-sessions?limit=1&messages=true&state=true", "k").body();

    // then
    assertThat(bare).isEqualTo("{\"count\":20,\"result\":[{\"id\":\"s-00000\",\"workspace_id\":"
        + "\"ws-1\",\"feed_id\":\"feed-1\",\"contact_id\":\"contact-0\",\"external_user_id\":"
        + "\"491511000000\",\"channel\":\"webchat\",\"created_at\":\"2026-11-17T00:00:00.000Z\"}]}");
    assertThat(full).contains("\"status\":{\"session_id\":\"s-00000\",\"completed\":false,")
        .contains("\"state\":{\"session_id\":\"s-00000\",\"type\":\"SKILL\",\"sub_intent_type\":"
            + "\"ORDER_STATUS\",\"trail\":[{\"step\":\"greet\"},{\"step\":\"answer\",\"n\":0}]}")
        .contains("\"messages\":[{\"message_id\":\"s-00000-m0\"");
  }

  @Test void pagesFromOneWithCountOfTheWholeWindow() throws Exception {
    // when page 3 of 7-session pages of a 20-session window
    String body = get("ai-sessions?page=3&limit=7", "k").body();

    // then the last 6
    assertThat(body).startsWith("{\"count\":20,\"result\":[{\"id\":\"s-00014\"")
        .contains("\"id\":\"s-00019\"").doesNotContain("\"id\":\"s-00013\"");
  }

  @Test void filtersOnLastUpdatedWithInclusiveBounds() throws Exception {
    // when
    String body = get("ai-sessions?updated_at_min=" + Fixtures.updatedAt(3)
        + "&updated_at_max=" + Fixtures.updatedAt(5), "k").body();

    // then
    assertThat(body).startsWith("{\"count\":3,\"result\":[{\"id\":\"s-00003\"")
        .contains("\"id\":\"s-00004\"", "\"id\":\"s-00005\"")
        .doesNotContain("\"id\":\"s-00002\"", "\"id\":\"s-00006\"");
  }

  @Test void shiftsPagesCountingFromWhenShiftingWasSet() throws Exception {
    // given requests served before the fault was set
    get("ai-sessions?limit=5", "k");
    get("ai-sessions?limit=5", "k");
    simulator.faults().shiftingPages(2);

    // when page 2 is asked for twice
    String first = get("ai-sessions?page=2&limit=5", "k").body();
    String second = get("ai-sessions?page=2&limit=5", "k").body();

    // then the first request after setting is not shifted, the next by 2
    assertThat(first).startsWith("{\"count\":20,\"result\":[{\"id\":\"s-00005\"");
    assertThat(second).startsWith("{\"count\":20,\"result\":[{\"id\":\"s-00003\"");
  }

  @Test void logsEveryRequestWithPageLimitAndStatus() throws Exception {
    // when
    get("ai-sessions?page=2&limit=5", "k");
    get("ai-sessions?limit=500", "k");

    // then
    assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page,
            KonvoSimulator.Request::limit, KonvoSimulator.Request::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 5, 200),
            org.assertj.core.groups.Tuple.tuple(-1, 500, 400));
  }
}
