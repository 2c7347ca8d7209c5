package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import org.junit.jupiter.api.Test;

/** A window held in memory must fit the heap: refused before it is fetched, saying what to do. */
class HeldWindowTest {
  private static final long GIB = 1L << 30;

  @Test void aWindowThatFitsIsLetThrough() {
    assertThatCode(() -> HeldWindow.check(100_000, GIB)).doesNotThrowAnyException(); // about 286 MiB of 1 GiB
  }

  @Test void aWindowPastFourFifthsOfTheHeapIsRefusedWithWhatToDo() {
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> HeldWindow.check(1_000_000, GIB));
    assertThat(e.kind()).isEqualTo(KonvoApiException.Kind.TOO_MANY_SESSIONS);
    assertThat(e).hasMessage("the window holds 1,000,000 sessions; held in memory they need about 2,861 MiB, more than"
        + " this JVM's heap allows (1,024 MiB at most): keep the local store on (KONVO_STORE, not none) so that the"
        + " window is read from disk a session at a time, narrow the window, or give Java more heap (java -Xmx4g ...,"
        + " or MAVEN_OPTS=-Xmx4g for mvn)");
  }

  @Test void aListFetchOfAWindowTooBigForTheHeapStopsAfterItsFirstPages() {
    // given an API that claims 9 million sessions: under the safety cap, far past any test JVM's heap
    try (KonvoSimulator simulator = KonvoSimulator.start(Fixtures.dataset())) {
      simulator.faults().countLie(9_000_000);
      KonvoClient client = TestClients.against(simulator).build();

      KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

      assertThat(e).hasMessageStartingWith("the window holds 9,00").hasMessageContaining("held in memory they need about");
      assertThat(simulator.requests()).extracting(KonvoSimulator.Request::page).containsExactlyInAnyOrder(0, 1);
    }
  }
}
