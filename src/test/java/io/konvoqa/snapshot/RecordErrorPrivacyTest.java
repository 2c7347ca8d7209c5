package io.konvoqa.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.konvoqa.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording that fails on a page cut off inside a customer's message quotes the end of that page
 * in its reason: the phone number and e-mail address in it are masked there too, as everywhere a
 * report or the console shows message text.
 */
class RecordErrorPrivacyTest {
  static final String KEY = "record-key-0815";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path tmp;

  @Test void aPageCutOffInsideAMessageIsQuotedWithPersonalDataMasked() throws IOException {
    byte[] cut = ("{\"count\": 1, \"result\": [{\"id\": \"s1\", \"messages\": [{\"initiator_origin\":"
        + " \"RECIPIENT\", \"message\": \"please call me at +49 151 4242 4351 or write to"
        + " anna.schmidt@example.de").getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, cut.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(cut);
      }
    });
    server.start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      Settings settings = Settings.load(Map.of("KONVO_API_KEY", KEY, "KONVO_MAX_TRIES", "1",
          "KONVO_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/"), new Properties());
      Path out = tmp.resolve("never.json.gz");

      int code = Record.run(List.of("--last", "7d", "--out", out.toString()), settings, CLOCK,
          new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(2);
      assertThat(Files.exists(out)).isFalse();
    } finally {
      server.stop(0);
    }
    String console = err.toString(StandardCharsets.UTF_8);
    assertThat(console).contains("konvo-qa record: nothing written to ").contains("it ended: ")
        .contains("please call me at [phone …51] or write to a***@***.de");
    assertThat(console).doesNotContain("4242 4351").doesNotContain("anna.schmidt");
  }
}
