package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.config.Settings;
import io.konvoqa.simulator.Fixtures;
import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After is honoured, but never below the normal backoff and never past KONVO_MAX_RETRY_WAIT. */
class RetryAfterTest {
  private KonvoSimulator simulator;

  @BeforeEach void startSimulator() {
    simulator = KonvoSimulator.start(Fixtures.dataset());
  }

  @AfterEach void stopSimulator() {
    simulator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "Wed, 21 Oct 2015 07:28:00 GMT"})
  void aRetryAfterOfNothingWaitsTheNormalBackoff(String retryAfter) {
    // given two 429s asking to retry at once, and a backoff of 200 ms, then 400 ms (half as jitter)
    simulator.faults().failNext(2, 429, retryAfter);
    KonvoClient client = TestClients.against(simulator).firstPage(1).backoffBase(Duration.ofMillis(200)).build();

    // when
    FetchResult result = client.fetch(Fixtures.all());

    // then
    assertThat(result.sessions()).hasSize(1000);
    List<KonvoSimulator.Request> page1 = simulator.requests().stream().filter(r -> r.page() == 1).toList();
    assertThat(page1).extracting(KonvoSimulator.Request::status).containsExactly(429, 429, 200);
    assertThat(gap(page1.get(0), page1.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(gap(page1.get(1), page1.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test void givesUpAtOnceWhenTheApiAsksForLongerThanKonvoMaxRetryWait() {
    // given an API asking to come back tomorrow, and the default cap of 60 s
    simulator.faults().failNext(1, 429, "86400");
    KonvoClient client = TestClients.against(simulator).firstPage(1).maxRetryWait(Duration.ofSeconds(60)).build();

    // when
    long started = System.nanoTime();
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

    // then
    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e).hasMessage("page 1 of " + simulator.url() + "ai-sessions got HTTP 429 (injected"
        + " failure): the API asked to retry after 86400 s, more than KONVO_MAX_RETRY_WAIT=60 s:"
        + " try later or raise it");
    assertThat(simulator.requests()).hasSize(1);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test void givesUpWhenTheWaitsTogetherWouldPassKonvoMaxRetryWait() {
    // given an API asking three times for a second, and a cap of 2 s in all
    simulator.faults().failNext(3, 503, "1");
    KonvoClient client = TestClients.against(simulator).firstPage(1).maxRetryWait(Duration.ofSeconds(2)).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

    // then after two waits of a second, the third would pass the cap
    assertThat(e).hasMessage("page 1 of " + simulator.url() + "ai-sessions got HTTP 503 (injected"
        + " failure): the API asked to retry after 1 s, which would make 3 s of waiting in all,"
        + " more than KONVO_MAX_RETRY_WAIT=2 s: try later or raise it");
    assertThat(simulator.requests()).hasSize(3);
  }

  @Test void theLastTrySaysWhatTheApiAskedFor() {
    // given
    simulator.faults().failNext(2, 429, "1");
    KonvoClient client = TestClients.against(simulator).firstPage(1).maxTries(1).build();

    // when
    KonvoApiException e = catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all()));

    // then
    assertThat(e).hasMessage("page 1 of " + simulator.url() + "ai-sessions failed 1 times, last:"
        + " HTTP 429 (injected failure), asking to retry after 1 s; the Konvo API is having trouble;"
        + " try again later or raise KONVO_MAX_TRIES");
  }

  @Test void theCapIsASetting() {
    Settings settings = Settings.load(Map.of("KONVO_MAX_RETRY_WAIT", "5"), new Properties());
    assertThat(settings.maxRetryWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(Settings.load(Map.of(), new Properties()).maxRetryWait()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test void readsRetryAfterInSecondsAndAsADate() {
    assertThat(PageFetcher.retryAfter("86400")).isEqualTo(Duration.ofDays(1));
    assertThat(PageFetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(PageFetcher.retryAfter("99999999999999999999")).isEqualTo(Duration.ofDays(365_000));
    assertThat(PageFetcher.retryAfter("soon")).isNull();
  }

  private static Duration gap(KonvoSimulator.Request first, KonvoSimulator.Request next) {
    return Duration.ofNanos(next.startNanos() - first.endNanos());
  }
}
