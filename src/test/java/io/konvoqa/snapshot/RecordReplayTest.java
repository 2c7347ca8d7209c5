package io.konvoqa.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.Summary;
import io.konvoqa.run.GateRunner;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording from the simulator as if it were the live API, and replaying what was recorded. */
class RecordReplayTest {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String KEY = "secret-key-4711-do-not-write";
  static final Dataset DEMO = DemoWorkspace.generate(NOW);
  static final Path REPLAY_FEATURES = Path.of("src/test/resources/baseline/replay");
  @TempDir Path tmp;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test void replayingAMaskedRecordingGivesTheSameVerdictsAndFiguresAsTheOriginalData() {
    assertSameVerdicts(record("masked.json.gz"));
  }

  @Test void replayingAnUnmaskedRecordingGivesTheSameVerdictsAndFiguresAsTheOriginalData() {
    assertSameVerdicts(record("unmasked.json.gz", "--keep-personal-data"));
  }

  @Test void aRecordingHoldsTheWindowItsHostTheClaimedCountAndRecordedAt() {
    Dataset snapshot = DatasetFile.read(record("w48.json.gz"));

    assertThat(snapshot.recordedAt()).isEqualTo(NOW);
    assertThat(snapshot.window()).isEqualTo(new Window(NOW.minus(Duration.ofDays(7)), NOW));
    assertThat(snapshot.source()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(snapshot.countClaimed()).isEqualTo(snapshot.sessions().size()).isGreaterThan(1_000);
  }

  @Test void aMaskedSnapshotHoldsNoPhoneNumberEmailAddressOrExternalUserIdOfTheSource() throws IOException {
    String text = decompressed(record("masked.json.gz"));
    Set<String> phones = found(PHONE), emails = found(EMAIL);
    Set<String> ids = DEMO.sessions().stream().map(Session::externalUserId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    assertThat(phones).hasSizeGreaterThan(20);
    assertThat(emails).hasSizeGreaterThan(20);
    assertThat(ids).hasSizeGreaterThan(100);

    assertThat(phones).noneMatch(text::contains);
    assertThat(emails).noneMatch(text::contains);
    assertThat(ids).noneMatch(text::contains);
    assertThat(text).contains("[phone …").contains("***@***.");
  }

  @Test void theSameCustomerGetsTheSameTokenWithinASnapshot() {
    Map<String, String> tokenOf = DatasetFile.read(record("masked.json.gz")).sessions().stream()
        .collect(Collectors.toMap(Session::id, Session::externalUserId));
    Map<String, Set<String>> tokensPerCustomer = DEMO.sessions().stream().filter(s -> tokenOf.containsKey(s.id()))
        .collect(Collectors.groupingBy(Session::externalUserId,
            Collectors.mapping(s -> tokenOf.get(s.id()), Collectors.toSet())));

    assertThat(tokensPerCustomer.values()).allMatch(tokens -> tokens.size() == 1);
    assertThat(tokensPerCustomer).hasSizeLessThan(tokenOf.size()); // customers came back: not vacuous
    assertThat(new TreeSet<>(tokenOf.values())).hasSize(tokensPerCustomer.size())
        .allMatch(token -> token.startsWith("customer-"));
  }

  @Test void keepingPersonalDataWarnsLoudlyAndKeepsIt() throws IOException {
    String text = decompressed(record("unmasked.json.gz", "--keep-personal-data"));

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("konvo-qa: WARNING: --keep-personal-data: ")
        .contains("unmasked");
    assertThat(text).contains(DEMO.sessions().get(0).externalUserId());
  }

  @Test void theApiKeyIsNeverWritten() throws IOException {
    assertThat(decompressed(record("masked.json.gz"))).doesNotContain(KEY);
    assertThat(decompressed(record("unmasked.json", "--keep-personal-data"))).doesNotContain(KEY);
  }

  private Path record(String name, String... extra) {
    Path out = tmp.resolve(name);
    try (KonvoSimulator simulator = KonvoSimulator.start(DEMO)) {
      Settings settings = Settings.load(Map.of("KONVO_API_KEY", KEY, "KONVO_BASE_URL", simulator.url()),
          new Properties());
      List<String> args = new java.util.ArrayList<>(List.of("--last", "7d", "--out", out.toString()));
      args.addAll(List.of(extra));
      int code = Record.run(args, settings, CLOCK, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
    return out;
  }

  private void assertSameVerdicts(Path snapshot) {
    Path original = tmp.resolve("original.json.gz");
    DatasetFile.write(DEMO, original);
    Summary fromOriginal = replay(original);
    List<String> originalVerdicts = verdicts();
    Summary fromSnapshot = replay(snapshot);

    assertThat(fromSnapshot.lines()).isEqualTo(fromOriginal.lines());
    assertThat(verdicts()).isEqualTo(originalVerdicts);
    assertThat(fromOriginal.lines()).extracting(Summary.Line::outcome)
        .contains(Outcome.PASSED, Outcome.BREACHED).doesNotContain(Outcome.CONFIGURATION_ERROR).hasSize(7);
  }

  private Summary replay(Path data) {
    Map<String, String> env = new HashMap<>(Map.of("KONVO_DATA", data.toString(),
        "KONVO_REPORTS", tmp.resolve("reports").toString()));
    GateRunner.Ran ran = GateRunner.execute(Settings.load(env, new Properties()),
        new GateRunner.Options(REPLAY_FEATURES, null, false), CLOCK,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    lastRun = ran.scenarios();
    return ran.summary();
  }

  /** How each scenario of the last run ended. */
  private static List<ScenarioResult> lastRun = List.of();

  /** Every verdict of the last run in full: figures, offenders, segments and routing table. */
  private static List<String> verdicts() {
    return lastRun.stream().map(ScenarioResult::verdicts).flatMap(List::stream)
        .map(RecordReplayTest::describe).toList();
  }

  private static String describe(Verdict v) {
    String confusion = v.confusion() == null ? "" : v.confusion().phrases() + " " + v.confusion().actuals()
        + " " + Arrays.deepToString(v.confusion().counts()) + " " + v.confusion().expected();
    return String.join(" | ", v.gate(), v.outcome().name(), v.reason(), v.figure(), v.figures().toString(),
        v.offenders().toString(), v.segments().toString(), confusion);
  }

  // The shapes Customers.phone() writes, and e-mail addresses.
  private static final Pattern PHONE = Pattern.compile(
      "\\+\\d{1,2} [\\d ()-]+\\d|01\\d\\d \\d{8}|\\(\\d{3}\\) 555-01\\d\\d");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

  private static Set<String> found(Pattern pattern) {
    Set<String> found = new TreeSet<>();
    for (Session s : DEMO.sessions()) {
      if (s.messages() == null) continue;
      for (Message m : s.messages()) {
        Matcher matcher = pattern.matcher(m.message() == null ? "" : m.message());
        while (matcher.find()) found.add(matcher.group());
      }
    }
    return found;
  }

  private static String decompressed(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readAllBytes();
      boolean gzip = bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
      return new String(gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes() : bytes,
          StandardCharsets.UTF_8);
    }
  }
}
