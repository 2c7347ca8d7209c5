package io.konvoqa.client;

import static io.konvoqa.client.PagingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections that end without an answer, and answers that come too late. */
class ConnectionFaultsTest {
  private KonvoSimulator simulator;

  @BeforeEach void startSimulator() {
    simulator = KonvoSimulator.start(Fixtures.dataset());
  }

  @AfterEach void stopSimulator() {
    simulator.close();
  }

  @Test void retriesAConnectionClosedWithoutAnAnswer() {
    // given the first two requests get their connection closed with no answer
    simulator.faults().resetNext(2);
    KonvoClient client = TestClients.against(simulator).concurrency(1).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then every session, two retries
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().retries()).isEqualTo(2);
  }

  @Test void failsNamingThePageWhenConnectionsKeepEndingWithoutAnAnswer() {
    simulator.faults().resetNext(1_000);
    KonvoClient client = TestClients.against(simulator).maxTries(3).build();

    KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage()).startsWith("page 1 of " + simulator.url() + "ai-sessions failed 3 times, last: ")
        .endsWith("; check KONVO_BASE_URL and your network");
  }

  @Test void retriesARequestThatTimedOut() {
    // given the first request is answered only after 3 s, and the client waits 1 s
    simulator.faults().stallNext(1, Duration.ofSeconds(3));
    KonvoClient client = TestClients.against(simulator).readTimeout(Duration.ofSeconds(1)).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then the page was asked for again, and every session came
    assertThat(ids(result.sessions())).isEqualTo(Fixtures.ids(0, 999));
    assertThat(result.summary().retries()).isEqualTo(1);
  }
}
