package io.konvoqa.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Completeness;
import io.konvoqa.gate.Verdict;
import io.konvoqa.run.FetchCompleteness;
import io.konvoqa.run.GateRun;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.simulator.Shortfall;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.OnePageApi;
import io.konvoqa.testing.TestSessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of an incomplete window replays as incomplete as the window was: its recorded
 * {@code count} and what it could not keep, never a whole window of what it holds.
 */
class ReplayShortfallTest {
  static final Clock CLOCK = Clock.fixed(TestSessions.NOW, ZoneOffset.UTC);
  static final Window WEEK = new Window(TestSessions.NOW.minus(Duration.ofDays(7)), TestSessions.NOW);
  static final String KEY = "secret-key-4711-do-not-write";
  static final String FEATURE = """
      Feature: replay
        Scenario: replies
          Given the sessions updated in the last 7 days
          Then no AI reply contains "Zalando"
      """;
  @TempDir Path tmp;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Path record(String baseUrl) {
    Path out = tmp.resolve("w48-" + System.nanoTime() + ".json.gz");
    Settings settings = Settings.load(Map.of("KONVO_API_KEY", KEY, "KONVO_BASE_URL", baseUrl), new Properties());
    int code = Record.run(List.of("--last", "7d", "--out", out.toString()), settings, CLOCK,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out;
  }

  /** The completeness of the last 7 days when the snapshot is replayed. */
  private Completeness replayed(Path snapshot) {
    Settings settings = Settings.load(Map.of("KONVO_DATA", snapshot.toString(),
        "KONVO_REPORTS", tmp.resolve("reports").toString()), new Properties());
    try (GateRun run = GateRun.open(settings, CLOCK, new PrintStream(new ByteArrayOutputStream()))) {
      return FetchCompleteness.of(run.fetch(WEEK).summary());
    }
  }

  private Verdict verdict(GateRunFixture fixture) {
    List<ScenarioResult> results = fixture.run(FEATURE);
    return results.get(0).verdicts().get(0);
  }

  @Test void aRecordingOfCount300With200SessionsReplaysAsIncomplete() {
    try (KonvoSimulator live = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 200)))) {
      live.faults().countLie(100);
      Verdict liveVerdict = verdict(new GateRunFixture(tmp.resolve("live")).set("KONVO_API_KEY", KEY)
          .set("KONVO_BASE_URL", live.url()));
      Path snapshot = record(live.url());

      Dataset recorded = DatasetFile.read(snapshot);
      assertThat(recorded.countClaimed()).isEqualTo(300);
      assertThat(recorded.sessions()).hasSize(200);
      assertThat(recorded.shortfall()).isEqualTo(new Shortfall(100, 0, 0, 0));
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("konvo-qa: the window is incomplete: 100 of 300"
          + " sessions in the window were not served; the snapshot keeps what was served and records what was missing");

      assertThat(replayed(snapshot)).isEqualTo(new Completeness(100, "100 of 300 sessions in the window were not served"));
      Verdict replayVerdict = verdict(new GateRunFixture(tmp.resolve("replay")).set("KONVO_DATA", snapshot.toString()));
      assertThat(replayVerdict.outcome()).isEqualTo(liveVerdict.outcome());
      assertThat(replayVerdict.reason()).isEqualTo(liveVerdict.reason());
      assertThat(replayVerdict.figures()).isEqualTo(liveVerdict.figures())
          .contains(new io.konvoqa.gate.Figure("completeness", "100 of 300 sessions in the window were not served"));
    }
  }

  @Test void aRecordingWithAnUndatedSessionReplaysItAsUndated() {
    List<Session> sessions = new ArrayList<>(TestSessions.healthy("s", 40));
    Session offender = TestSessions.session("undated").customer("shoes?").ai("Try Zalando instead").build();
    sessions.add(new Session(offender.id(), "ws", "feed", null, null, "webchat", null, null, offender.state(),
        offender.messages()));
    Path snapshot;
    try (OnePageApi api = new OnePageApi(sessions, 41)) {
      snapshot = record(api.url());
    }

    assertThat(DatasetFile.read(snapshot).shortfall()).isEqualTo(new Shortfall(0, 1, 0, 0));
    assertThat(replayed(snapshot)).isEqualTo(new Completeness(1, "1 session had no timestamp to place it in the window"));
  }

  @Test void aSnapshotWrittenBeforeShortfallsWereRecordedIsShortByWhatItsCountClaims() throws IOException {
    Path file = tmp.resolve("old.json");
    DatasetFile.write(new Dataset(TestSessions.NOW, WEEK, "api.konvoai.com", 300, TestSessions.healthy("s", 200),
        Shortfall.NONE), file);
    String text = Files.readString(file);
    String old = text.replaceAll(",?\"shortfall\":\\{[^}]*\\}", "");
    assertThat(old).isNotEqualTo(text).doesNotContain("shortfall");
    Files.writeString(file, old);

    assertThat(DatasetFile.read(file).shortfall()).isEqualTo(new Shortfall(100, 0, 0, 0));
    assertThat(replayed(file)).isEqualTo(new Completeness(100, "100 of 300 sessions in the window were not served"));
  }

  @Test void theSimulatorClaimsTheUnservedSessionsForWindowsOverlappingTheRecordingOnly() throws Exception {
    Dataset recording = new Dataset(TestSessions.NOW, WEEK, "api.konvoai.com", 300, TestSessions.healthy("s", 200));
    try (KonvoSimulator simulator = KonvoSimulator.start(recording)) {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.util.function.Function<String, String> page = query -> {
        try {
          return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(simulator.url()
              + "ai-sessions?limit=1&" + query)).header("x-api-key", KEY).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      };

      assertThat(page.apply("updated_at_min=2026-11-20T12:00:00Z&updated_at_max=2026-11-27T12:00:00Z"))
          .startsWith("{\"count\":300,");
      assertThat(page.apply("updated_at_min=2026-11-26T00:00:00Z&updated_at_max=2026-11-26T01:00:00Z"))
          .startsWith("{\"count\":100,");
      assertThat(page.apply("updated_at_min=2026-10-01T00:00:00Z&updated_at_max=2026-10-08T00:00:00Z"))
          .startsWith("{\"count\":0,");
    }
  }

  @Test void aWholeRecordingReplaysWhole() {
    try (KonvoSimulator live = KonvoSimulator.start(Dataset.of(TestSessions.NOW, TestSessions.healthy("s", 200)))) {
      Path snapshot = record(live.url());

      assertThat(DatasetFile.read(snapshot).shortfall()).isEqualTo(Shortfall.NONE);
      assertThat(replayed(snapshot)).isEqualTo(Completeness.WHOLE);
    }
  }
}
