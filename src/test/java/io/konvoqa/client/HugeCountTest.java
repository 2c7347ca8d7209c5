package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import org.junit.jupiter.api.Test;

class HugeCountTest {
  @Test void aCountOfABillionStopsAfterTheFirstPagesWithTheSafetyCapNamed() {
    // given a server that claims a billion more sessions than it holds
    try (KonvoSimulator simulator = KonvoSimulator.start(Fixtures.dataset())) {
      simulator.faults().countLie(1_000_000_000);
      KonvoClient client = TestClients.against(simulator).build();

      // when
      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      // then no page beyond the first (and page 0 beside it) is asked for, and the message says what to do
      assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_SESSIONS);
      assertThat(e).hasMessage("the window holds 1,000,001,000 sessions, more than the safety cap of 10,000,000"
          + " per window: narrow the window, or raise KONVO_MAX_SESSIONS if the memory allows");
      assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page).containsExactlyInAnyOrder(0, 1);
    }
  }
}
