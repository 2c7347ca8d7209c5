package io.konvoqa.client;

import static io.konvoqa.client.PagingTest.ids;
import static io.konvoqa.client.RawPageServer.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.simulator.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code count} below the sessions already served is wrong, and the window's end cannot be read
 * from it: the client reads on until an empty page, as without a count, whatever the size of the
 * pages (an API may serve fewer per page than asked for).
 */
class CountBelowServedTest {
  private final RawPageServer server = new RawPageServer();

  @AfterEach void stop() {
    server.close();
  }

  @Test void aCountBelowWhatWasServedReadsOnUntilAnEmptyPage() {
    // given count 0 on every page, 100 sessions a page though 200 were asked for, 300 in all
    server.serving("{\"count\": 0, \"result\": []}")
        .page(0, 400, "{\"message\": \"page must be at least 1\"}")
        .page(1, 200, page(0, Fixtures.sessions(300).subList(0, 100)))
        .page(2, 200, page(0, Fixtures.sessions(300).subList(100, 200)))
        .page(3, 200, page(0, Fixtures.sessions(300).subList(200, 300)));

    // when
    FetchResult result = TestClients.against(server.url()).build().fetch(Fixtures.all());

    // then all 300, the 150th among them
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 299));
    assertThat(server.asked()).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
  }
}
