package io.konvoqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bad KONVO_API_KEY is a configuration error (exit 2) of the jar's commands, before any request. */
class KeyConfigurationTest {
  static final String KEY = "some-long-test-key";
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach void clear() {
    System.clearProperty("konvo.api.key");
    System.clearProperty("konvo.base.url");
    System.clearProperty("konvo.reports");
  }

  private int execute(String... args) {
    return Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "record"})
  void aKeyWithANonBreakingSpaceStopsTheCommandNamingTheCharacterNotTheKey(String command) throws IOException {
    // given a key pasted with a trailing non-breaking space, and an API that would count requests
    try (KonvoSimulator api = KonvoSimulator.start(DemoWorkspace.generate(Instant.now()))) {
      System.setProperty("konvo.api.key", KEY + "\u00A0");
      System.setProperty("konvo.base.url", api.url());
      System.setProperty("konvo.reports", dir.resolve("reports").toString());

      // when
      int code = command.equals("run")
          ? execute("run", "--features", Files.createDirectories(dir.resolve("features")).toString(), "--no-report")
          : execute("record", "--last", "7d", "--out", dir.resolve("s.json").toString());

      // then
      assertThat(code).isEqualTo(2);
      assertThat(printed()).contains("konvo-qa: KONVO_API_KEY has the character U+00A0 (NO-BREAK"
          + " SPACE) at position 19 of 19: a key holds printable ASCII only").doesNotContain(KEY);
      assertThat(api.requests()).isEmpty();
    }
  }

  @Test void aOneCharacterKeyIsTooShortToBeAKey() {
    System.setProperty("konvo.api.key", "x");
    assertThat(execute("record", "--last", "7d", "--out", dir.resolve("s.json").toString())).isEqualTo(2);
    assertThat(printed()).contains("konvo-qa: KONVO_API_KEY has 1 character: is it truncated?");
  }

  @Test void aKeyWithANewlineIsTrimmedWithAWarningAndWorks() throws IOException {
    // given a simulator that accepts only the key, and the key with the newline of a copy-paste
    try (KonvoSimulator api = KonvoSimulator.start(DemoWorkspace.generate(Instant.now()), 0, KEY)) {
      System.setProperty("konvo.api.key", KEY + "\n");
      System.setProperty("konvo.base.url", api.url());

      // when
      int code = execute("record", "--last", "1d", "--out", dir.resolve("s.json").toString());

      // then
      assertThat(code).isZero();
      assertThat(printed()).contains("konvo-qa: warning: KONVO_API_KEY: removed 1 whitespace character"
          + " around the key (a copy-paste slip?); set it without them").doesNotContain(KEY);
      assertThat(api.requests()).isNotEmpty().allMatch(r -> r.status() != 401 && r.status() != 403);
    }
  }

  @Test void theServeHintNeverPrintsTheKeyGivenWithApiKey() {
    assertThat(Serve.curlHint("http://127.0.0.1:8080/", true)).isEqualTo("try: curl -H \"x-api-key:"
        + " $KONVO_API_KEY\" 'http://127.0.0.1:8080/ai-sessions?limit=2&messages=true&state=true'"
        + "   (with KONVO_API_KEY set to the key given with --api-key)");
    assertThat(Serve.curlHint("http://127.0.0.1:8080/", false)).startsWith("try: curl -H 'x-api-key: demo' ");
  }
}
