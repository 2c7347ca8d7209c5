package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live window moves while it is paged: sessions updated after its end leave it, and every later
 * page shifts. The client must still receive every session that stayed in the window.
 */
class ChurnTest {
  private static final int SESSIONS = 6_000;

  @ParameterizedTest(name = "{0} sessions a second, newest first: {1}, concurrency {2}")
  @CsvSource({"100, false, 1", "100, true, 1", "400, false, 8", "400, true, 8"})
  void everySessionThatStayedInTheWindowIsReceivedDespiteChurn(int perSecond, boolean newestFirst,
      int concurrency) {
    // given 6,000 sessions in the last 7 days, answered with some latency, while sessions are updated
    Instant now = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Dataset dataset = DemoWorkspace.generate(now, 42, SESSIONS);
    Window window = new Window(now.minus(Duration.ofDays(8)), now);
    try (KonvoSimulator simulator = KonvoSimulator.start(dataset);
        KonvoClient client = TestClients.against(simulator).concurrency(concurrency).build()) {
      simulator.faults().latency(Duration.ofMillis(10)).newestFirst(newestFirst).churn(perSecond, 7);

      // when
      FetchResult result = client.fetch(window);

      // then every session never updated during the fetch arrived, found again by the repair
      Set<String> churned = simulator.churnedIds();
      Set<String> received = new HashSet<>();
      for (Session s : result.sessions()) received.add(s.id());
      long lost = dataset.sessions().stream()
          .filter(s -> window.contains(s.updatedAt()) && !churned.contains(s.id()) && !received.contains(s.id()))
          .count();
      assertThat(churned).as("sessions updated during the fetch").isNotEmpty();
      assertThat(lost).as("sessions of 6,000 that stayed in the window but were not received").isZero();
      assertThat(result.summary().churned()).isTrue();
      assertThat(result.summary().mayBeMissing()).isZero();
      assertThat(result.summary().recovered()).as("sessions the paging skipped, found by the repair")
          .isPositive();
      assertThat(result.summary().unserved()).isZero();
    }
  }
}
