package io.konvoqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.SessionsPage;
import io.konvoqa.simulator.Faults.Paging;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator's page numbering modes and page arithmetic, as any HTTP client sees them. */
class SimulatorPagingTest {
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
  }

  private static HttpResponse<String> page(String page) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.url() + "ai-sessions?limit=5"
        + (page == null ? "" : "&page=" + page))).header("x-api-key", "k").build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The ids on a page, in order, read from its JSON. */
  private static String ids(String page) throws IOException, InterruptedException {
    HttpResponse<String> response = page(page);
    assertThat(response.statusCode()).as("page %s", page).isEqualTo(200);
    SessionsPage parsed = SessionJson.readPage(JsonReader.of(new Buffer().writeUtf8(response.body())));
    return String.join(",", parsed.result().stream().map(Session::id).toList());
  }

  @ParameterizedTest(name = "page={0}")
  @ValueSource(strings = {"21474838", "42949673", "2147483647"})
  void aPageFarBeyondTheWindowIsEmptyNeverAnOverflowIntoData(String page) throws Exception {
    // given 1,000 sessions and pages of 200: page * limit overflows an int for these pages
    // (page 21474838 used to land on sessions 104..303, page 42949673 on the first page)
    try (KonvoSimulator thousand = KonvoSimulator.start(Fixtures.dataset())) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(thousand.url()
          + "ai-sessions?limit=200&page=" + page)).header("x-api-key", "k").build();

      // when
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

      // then
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"count\":1000,\"result\":[]}");
    }
  }

  @Test void fromOneRefusesPageZero() throws Exception {
    // when
    HttpResponse<String> response = page("0");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"message\":\"page must be at least 1 but was 0\"}");
    assertThat(ids("1")).isEqualTo("s-00000,s-00001,s-00002,s-00003,s-00004");
  }

  @Test void fromZeroServesTheFirstSessionsOnPageZero() throws Exception {
    // given
    simulator.faults().paging(Paging.FROM_ZERO);

    // then
    assertThat(ids("0")).isEqualTo("s-00000,s-00001,s-00002,s-00003,s-00004");
    assertThat(ids("1")).isEqualTo("s-00005,s-00006,s-00007,s-00008,s-00009");
    assertThat(ids(null)).isEqualTo("s-00000,s-00001,s-00002,s-00003,s-00004");
    assertThat(page("4").body()).isEqualTo("{\"count\":20,\"result\":[]}");
  }

  @Test void fromOneWithPageZeroRepeatingPageOne() throws Exception {
    // given
    simulator.faults().paging(Paging.FROM_ONE_PAGE_ZERO_REPEATS);

    // then
    assertThat(page("0").body()).isEqualTo(page("1").body());
    assertThat(ids("0")).isEqualTo("s-00000,s-00001,s-00002,s-00003,s-00004");
    assertThat(ids("2")).isEqualTo("s-00005,s-00006,s-00007,s-00008,s-00009");
  }

  @Test void ignoringPageServesTheFirstPageForEveryPage() throws Exception {
    // given
    simulator.faults().paging(Paging.IGNORED);

    // then
    for (String page : new String[] {"0", "1", "2", "4", "99"}) {
      assertThat(ids(page)).as("page %s", page).isEqualTo("s-00000,s-00001,s-00002,s-00003,s-00004");
    }
  }

  @Test void theModesAreNamedOnTheCommandLineAsTheyAreInTheReadme() {
    assertThat(java.util.Arrays.stream(Paging.values()).map(Paging::option))
        .containsExactly("from-one", "from-zero", "from-one-page-zero-repeats", "ignored");
    assertThat(Paging.of("from-zero")).isEqualTo(Paging.FROM_ZERO);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Paging.of("zero")))
        .hasMessage("--paging must be one of [from-one, from-zero, from-one-page-zero-repeats, ignored]"
            + " but was 'zero'");
  }

  @Test void resetGoesBackToPagesFromOne() throws Exception {
    // given
    simulator.faults().paging(Paging.FROM_ZERO).reset();

    // then
    assertThat(page("0").statusCode()).isEqualTo(400);
  }
}
