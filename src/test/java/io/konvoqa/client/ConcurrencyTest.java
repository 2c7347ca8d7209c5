package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overlap is judged by what the server saw in flight, not by wall time. */
class ConcurrencyTest {
  private KonvoSimulator simulator;

  @BeforeEach void start() {
    simulator = KonvoSimulator.start(Fixtures.dataset());
  }

  @AfterEach void stop() {
    simulator.close();
  }

  @Test void fetchesPagesInParallelUpToTheConcurrency() {
    // given 20 pages of 50, each answered after 100 ms
    simulator.faults().latency(Duration.ofMillis(100));
    KonvoClient client = TestClients.against(simulator).pageSize(50).concurrency(4).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then the server saw at least three requests at once, and never more than four
    assertThat(result.sessions()).hasSize(1_000);
    assertThat(simulator.maxConcurrentRequests()).isBetween(3, 4);
    // page 20 was full, so page 21 was read too; page 0 was asked beside page 1
    assertThat(simulator.requests()).hasSize(22);
  }

  @Test void fetchesOnePageAtATimeWithConcurrencyOne() {
    // given
    simulator.faults().latency(Duration.ofMillis(20));
    KonvoClient client = TestClients.against(simulator).pageSize(50).concurrency(1).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then
    assertThat(result.sessions()).hasSize(1_000);
    assertThat(simulator.maxConcurrentRequests()).isEqualTo(1);
  }
}
