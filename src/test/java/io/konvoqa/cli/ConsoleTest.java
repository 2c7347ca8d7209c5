package io.konvoqa.cli;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@code konvo-qa.jar run}'s console, as a terminal shows it (Cucumber's own output on
 * System.out, the run's notes on err, the summary on out): the summary comes last, and Java
 * snippets and stack frames only with {@code --verbose}.
 */
class ConsoleTest {
  @TempDir Path dir;

  @AfterEach void clear() {
    System.clearProperty("konvo.data");
    System.clearProperty("konvo.reports");
  }

  /** Runs the jar's command with System.out and System.err captured into one terminal. */
  private String terminal(String... options) throws IOException {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 30));
    for (int i = 0; i < 10; i++) sessions.add(session("u" + i).unresolved().customer("hi").ai("hello").build());
    Path data = dir.resolve("data.json");
    DatasetFile.write(Dataset.of(TestSessions.NOW, sessions), data);
    Path features = Files.createDirectories(dir.resolve("features"));
    Files.writeString(features.resolve("g.feature"), """
        Feature: f
          Scenario: breached
            Given the sessions updated in the last 7 days
            Then the unresolved rate is at most 15%

          Scenario: undefined
            Given the sessions updated in the last 7 days
            Then the bot is always polite and never rude to anyone
        """);
    System.setProperty("konvo.data", data.toString());
    System.setProperty("konvo.reports", dir.resolve("reports").toString());
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);
    PrintStream out = System.out, err = System.err;
    System.setOut(terminal);
    System.setErr(terminal);
    try {
      List<String> args = new ArrayList<>(List.of("run", "--features", features.toString(), "--no-report"));
      args.addAll(List.of(options));
      assertThat(Main.run(args.toArray(String[]::new), terminal, terminal)).isEqualTo(1);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test void theSummaryIsTheLastThingPrintedWithNoSnippetsAndNoStackFrames() throws IOException {
    String console = terminal();
    assertThat(console).doesNotContain("@Given(").doesNotContain("@Then(")
        .doesNotContain("You can implement").doesNotContain("\tat ");
    String summary = Files.readString(dir.resolve("reports").resolve("gate-summary.txt"));
    assertThat(console).endsWith(summary);
    assertThat(summary).contains("BREACHED").contains("FAILED (a gate was breached)")
        .contains("\nNo HTML report: --no-report was given; run without it to write one. Allure results: "
            + dir.resolve("reports").resolve("allure-results") + "\n")
        .doesNotContain("index.html");
  }

  @Test void verboseBringsTheDetailBack() throws IOException {
    String console = terminal("--verbose");
    assertThat(console).contains("@Then(").contains("\tat ");
    assertThat(console.strip()).contains("FAILED (a gate was breached)");
  }
}
