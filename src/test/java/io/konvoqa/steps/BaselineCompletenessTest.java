package io.konvoqa.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpServer;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.testing.GateRunFixture;
import io.konvoqa.testing.TestSessions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline that is itself incomplete (a snapshot recorded short of its count, an earlier window
 * served short of its count) makes a baseline gate unable to judge when the missing sessions could
 * change its verdict, as an incomplete window of the scenario's own does.
 *
 * <p>Now: 22 of 200 unresolved (11%); the baseline: 20 of 200 held (10%), a rise of 1 point, well
 * within the allowed 2 points. But the baseline's window held 1,000 sessions more that were never
 * served: were they all resolved, the baseline's rate would be 1.7% and the rise significant.
 */
class BaselineCompletenessTest {
  static final String KEY = "secret-key-0815";
  static final Instant NOW = TestSessions.NOW;
  static final Window BASELINE_WEEK = new Window(Instant.parse("2026-11-13T00:00:00Z"),
      Instant.parse("2026-11-19T23:59:59.999Z"));
  @TempDir Path dir;

  private static List<Session> sessions(String prefix, int n, int unresolved, Duration ago) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TestSessions s = TestSessions.session(prefix + i).createdAgo(ago).customer("where is my order?").ai("It ships today.");
      sessions.add((i < unresolved ? s.unresolved() : s).build());
    }
    return sessions;
  }

  private static List<Session> now() {
    return sessions("now", 200, 22, Duration.ofDays(1));
  }

  private static List<Session> baseline() {
    return sessions("base", 200, 20, Duration.ofDays(10));
  }

  private static Verdict onlyVerdict(List<ScenarioResult> results) {
    assertThat(results).hasSize(1);
    assertThat(results.get(0).verdicts()).hasSize(1);
    return results.get(0).verdicts().get(0);
  }

  @Test void aBaselineSnapshotRecordedShortOfItsCountCannotJudgeWhenTheMissingSessionsCouldChangeIt() {
    Path snapshot = dir.resolve("baseline.json.gz");
    DatasetFile.write(new Dataset(NOW.minus(Duration.ofDays(7)), BASELINE_WEEK, "api.example", 1200, baseline()), snapshot);
    GateRunFixture fixture = new GateRunFixture(dir).sessions(now());

    Verdict verdict = onlyVerdict(fixture.run("""
        Feature: baseline
          Scenario: rise
            Given the sessions updated in the last 7 days
            And the baseline snapshot "%s"
            Then the unresolved rate has not risen by more than 2%% points over the baseline
        """.formatted(snapshot.toString().replace("\\", "/"))));

    assertThat(verdict.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(verdict.reason()).startsWith("in the baseline: 1,000 of 1,200 sessions in the window were not"
        + " served, and the verdict could change with them");
  }

  @Test void aBaselineSnapshotRecordedWholeStillJudges() {
    Path snapshot = dir.resolve("baseline.json.gz");
    DatasetFile.write(new Dataset(NOW.minus(Duration.ofDays(7)), BASELINE_WEEK, "api.example", 200, baseline()), snapshot);
    GateRunFixture fixture = new GateRunFixture(dir).sessions(now());

    Verdict verdict = onlyVerdict(fixture.run("""
        Feature: baseline
          Scenario: rise
            Given the sessions updated in the last 7 days
            And the baseline snapshot "%s"
            Then the unresolved rate has not risen by more than 2%% points over the baseline
        """.formatted(snapshot.toString().replace("\\", "/"))));

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASSED);
  }

  @Test void aBaselineWindowServedShortOfItsCountCannotJudgeWhenTheMissingSessionsCouldChangeIt() throws IOException {
    List<Session> all = new ArrayList<>(now());
    all.addAll(baseline());
    HttpServer api = shortBeforeWeek(all, 1000);
    try {
      GateRunFixture fixture = new GateRunFixture(dir).set("KONVO_API_KEY", KEY)
          .set("KONVO_BASE_URL", "http://127.0.0.1:" + api.getAddress().getPort() + "/");

      Verdict verdict = onlyVerdict(fixture.run("""
          Feature: baseline
            Scenario: rise
              Given the sessions updated in the last 7 days
              And the baseline window from "2026-11-13" to "2026-11-19"
              Then the unresolved rate has not risen by more than 2% points over the baseline
          """));

      assertThat(verdict.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
      assertThat(verdict.reason()).startsWith("in the baseline: 1,000 of 1,200 sessions in the window were not"
          + " served, and the verdict could change with them");
    } finally {
      api.stop(0);
    }
  }

  /**
   * An API of these sessions, 1-based pages, whose {@code count} claims {@code missing} sessions
   * more than it serves for windows that end more than 7 days before {@link TestSessions#NOW}.
   */
  private static HttpServer shortBeforeWeek(List<Session> sessions, int missing) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      Map<String, String> q = new HashMap<>();
      for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
      Instant min = Timestamps.parse(q.get("updated_at_min")), max = Timestamps.parse(q.get("updated_at_max"));
      List<Session> in = sessions.stream().filter(s -> !s.updatedAt().isBefore(min) && !s.updatedAt().isAfter(max)).toList();
      int page = Integer.parseInt(q.get("page")), limit = Integer.parseInt(q.get("limit"));
      int from = Math.min(in.size(), Math.max(0, (page - 1) * limit)), to = page < 1 ? from : Math.min(in.size(), from + limit);
      int count = in.size() + (max.isBefore(NOW.minus(Duration.ofDays(7))) ? missing : 0);
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        writer.beginObject().name("count").value(count).name("result").beginArray();
        for (Session s : in.subList(from, to)) SessionJson.write(writer, s, true, true);
        writer.endArray().endObject();
      }
      byte[] body = buffer.readByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }
}
