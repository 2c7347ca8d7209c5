package io.konvoqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.IOException;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** With its session cache on, the simulator answers with exactly the bytes it sends without it. */
class SimulatorCacheTest {
  private static final Dataset DATA = DemoWorkspace.generate(Instant.parse("2026-03-02T12:00:00Z"), 3L, 450);
  private static final OkHttpClient HTTP = new OkHttpClient();

  @Test void cachedPagesAreByteForByteThePagesServedWithoutTheCache() throws IOException {
    String[] queries = {"page=1&limit=200&messages=true&state=true",
        "page=2&limit=200&messages=true&state=true", "page=3&limit=200&messages=true&state=true",
        "page=3&limit=200&messages=true&state=true", "page=4&limit=200&messages=true&state=true",
        "page=2&limit=7&messages=false&state=true",
        "page=1&limit=50&messages=true&state=true&updated_at_min=2026-02-27T00:00:00.000Z"};
    String[] plain = bodies(false, queries);
    String[] cached = bodies(true, queries);
    assertThat(cached).containsExactly(plain);
    assertThat(plain[0]).startsWith("{\"count\":450,\"result\":[{\"id\":");
    assertThat(plain[4]).isEqualTo("{\"count\":450,\"result\":[]}");
  }

  private static String[] bodies(boolean cache, String[] queries) throws IOException {
    String before = System.getProperty(KonvoSimulator.CACHE_PROPERTY);
    System.setProperty(KonvoSimulator.CACHE_PROPERTY, Boolean.toString(cache));
    try (KonvoSimulator simulator = KonvoSimulator.start(DATA)) {
      String[] bodies = new String[queries.length];
      for (int i = 0; i < queries.length; i++) {
        Request request = new Request.Builder().url(simulator.url() + "ai-sessions?" + queries[i])
            .header("x-api-key", "test").build();
        try (Response response = HTTP.newCall(request).execute()) {
          assertThat(response.code()).isEqualTo(200);
          bodies[i] = response.body().string();
        }
      }
      return bodies;
    } finally {
      if (before == null) System.clearProperty(KonvoSimulator.CACHE_PROPERTY);
      else System.setProperty(KonvoSimulator.CACHE_PROPERTY, before);
    }
  }
}
