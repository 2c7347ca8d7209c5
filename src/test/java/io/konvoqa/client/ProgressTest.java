package io.konvoqa.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.testing.TestSessions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The progress line of a slow fetch: plain lines, not redrawn, in a CI log. */
class ProgressTest {
  private static final Window WEEK = new Window(Instant.parse("2026-11-20T00:00:00Z"), TestSessions.NOW);

  private static String fetchWithProgress(Duration latency) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (KonvoSimulator simulator = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 60)))) {
      simulator.faults().latency(latency);
      KonvoClient client = KonvoClient.builder().baseUrl(simulator.url()).apiKey("test-key-4f9a").pageSize(10)
          .concurrency(1).progress(new PrintStream(out, true, StandardCharsets.UTF_8), false).build();
      assertThat(client.fetch(WEEK).sessions()).hasSize(60);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test void aSlowFetchPrintsPlainProgressLines() {
    String printed = fetchWithProgress(Duration.ofMillis(300));
    assertThat(printed).contains("Fetching sessions: ").contains("/6 pages, ").contains(" sessions/s");
    assertThat(printed).doesNotContain("\r");
  }
}
