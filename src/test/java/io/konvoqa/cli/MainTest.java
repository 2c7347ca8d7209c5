package io.konvoqa.cli;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.testing.TestSessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code konvo-qa.jar run}: its exit code and its summary always agree. */
class MainTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach void clear() {
    System.clearProperty("konvo.data");
    System.clearProperty("konvo.reports");
  }

  private int run(List<Session> sessions, String gate) throws IOException {
    Path data = dir.resolve("data.json");
    DatasetFile.write(Dataset.of(TestSessions.NOW, sessions), data);
    Path features = Files.createDirectories(dir.resolve("features"));
    Files.writeString(features.resolve("g.feature"), """
        Feature: f
          Scenario: s
            Given the sessions updated in the last 7 days
            %s
        """.formatted(gate));
    System.setProperty("konvo.data", data.toString());
    System.setProperty("konvo.reports", dir.resolve("reports").toString());
    return Main.run(new String[] {"run", "--features", features.toString(), "--no-report"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test void exitsZeroWhenEveryGatePassed() throws IOException {
    assertThat(run(TestSessions.healthy("s", 40), "Then the unresolved rate is at most 15%")).isZero();
    assertThat(printed()).contains("PASSED: 1 gates, 1 passed, 0 breached, 0 could not judge.");
  }

  @Test void exitsOneWhenAGateWasBreached() throws IOException {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 30));
    for (int i = 0; i < 10; i++) sessions.add(session("u" + i).unresolved().customer("hi").ai("hello").build());
    assertThat(run(sessions, "Then the unresolved rate is at most 15%")).isEqualTo(1);
    assertThat(printed()).contains("BREACHED").contains("FAILED (a gate was breached): 1 gates, 0 passed, 1 breached");
  }

  @Test void exitsTwoWhenAGateCouldNotJudge() throws IOException {
    assertThat(run(TestSessions.healthy("s", 5), "Then the unresolved rate is at most 15%")).isEqualTo(2);
    assertThat(printed()).contains("NOT JUDGED").contains("FAILED (could not judge): 1 gates, 0 passed, 0 breached, 1 could not judge.");
  }

  @Test void exitsTwoWhenNothingRan() throws IOException {
    int code = run(TestSessions.healthy("s", 40), "Then the unresolved rate is at most 15%");
    assertThat(code).isZero();
    out.reset();
    int none = Main.run(new String[] {"run", "--features", dir.resolve("features").toString(), "--tags", "@nothing", "--no-report"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(none).isEqualTo(2);
    assertThat(printed()).contains("no gate ran");
  }

  @Test void anUnknownCommandIsAUsageError() {
    assertThatThrownBy(() -> Main.run(new String[] {"judge"}, System.out, System.err))
        .hasMessage("unknown command 'judge'");
  }
}
