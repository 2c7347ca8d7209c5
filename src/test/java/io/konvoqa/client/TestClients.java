package io.konvoqa.client;

import io.konvoqa.simulator.KonvoSimulator;
import java.time.Duration;

/** Clients for tests: pointed at a simulator, quick to retry, short timeouts. */
final class TestClients {
  static final String KEY = "test-key-4f9a";

  private TestClients() {}

  static KonvoClient.Builder against(KonvoSimulator simulator) {
    return against(simulator.url());
  }

  static KonvoClient.Builder against(String baseUrl) {
    return KonvoClient.builder()
        .baseUrl(baseUrl)
        .apiKey(KEY)
        .backoffBase(Duration.ofMillis(5))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5));
  }
}
