package io.konvoqa.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.config.Settings;
import io.konvoqa.simulator.DatasetFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlessTest {
  static final Path FIXTURES = Path.of("src/test/resources/baseline");
  @TempDir Path tmp;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test void blessingCopiesTheSnapshotToTheBaselineAndPrintsWhatChanged() throws IOException {
    Path baseline = tmp.resolve("snapshots/baseline.json.gz");
    assertThat(bless(FIXTURES.resolve("baseline-drifted.json.gz"), baseline)).isZero();
    assertThat(text(out)).contains("no previous baseline to compare with");
    out.reset();

    int code = bless(FIXTURES.resolve("current.json.gz"), baseline);

    assertThat(code).isZero();
    assertThat(Files.readAllBytes(baseline)).isEqualTo(Files.readAllBytes(FIXTURES.resolve("current.json.gz")));
    assertThat(text(out).lines().toList()).containsExactly(
        "konvo-qa: blessed " + FIXTURES.resolve("current.json.gz") + " as the baseline " + baseline
            + " (200 sessions, recorded at 2026-11-27T12:00:00Z)",
        "  changes against the previous baseline:",
        "  sessions         200 -> 200 (+0)",
        "  window           2026-11-13T12:00:00.000Z .. 2026-11-20T12:00:00.000Z -> 2026-11-20T12:00:00.000Z .. 2026-11-27T12:00:00.000Z",
        "  recorded at      2026-11-20T12:00:00Z -> 2026-11-27T12:00:00Z",
        "  unresolved rate  1.0% of 200 completed -> 10.0% of 200 completed, +9.0 points (95% +4.7 to +14.0)",
        "  sub_intent_type  drift 15.0% (total variation distance); moved most: PAYMENT +10.0 points (new),"
            + " RETURN_REQUEST -10.0 points, CANCEL_ORDER -5.0 points (vanished), REFUND +5.0 points");
    assertThat(siblings(baseline)).containsExactly(baseline);
  }

  @Test void aTruncatedSnapshotIsNotBlessedAndTheBaselineStaysAsItWas() throws IOException {
    Path baseline = tmp.resolve("baseline.json.gz");
    Files.copy(FIXTURES.resolve("baseline-same.json.gz"), baseline);
    byte[] before = Files.readAllBytes(baseline);
    Path truncated = tmp.resolve("w48.json.gz");
    byte[] bytes = Files.readAllBytes(FIXTURES.resolve("current.json.gz"));
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

    int code = bless(truncated, baseline);

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).startsWith("konvo-qa bless: " + truncated + " was not blessed, the baseline "
        + baseline + " is unchanged: the dataset " + truncated + " is truncated");
    assertThat(Files.readAllBytes(baseline)).isEqualTo(before);
  }

  @Test void aPlainJsonSnapshotBecomesAGzipBaselineWhenTheNameSaysSo() {
    Path plain = tmp.resolve("w48.json");
    DatasetFile.write(DatasetFile.read(FIXTURES.resolve("current.json.gz")), plain);
    Path baseline = tmp.resolve("baseline.json.gz");

    assertThat(bless(plain, baseline)).isZero();

    assertThat(DatasetFile.read(baseline)).isEqualTo(DatasetFile.read(plain));
  }

  @Test void blessingWithoutAFileShowsTheUsage() {
    int code = Bless.run(List.of(), settings(tmp.resolve("baseline.json.gz")), new PrintStream(out),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).isEqualTo("konvo-qa bless: expected one snapshot FILE but got none\n" + Bless.USAGE);
  }

  @Test void aMissingSnapshotNamesTheFileAndTheCommandThatRecordsIt() throws IOException {
    Path baseline = tmp.resolve("baseline.json.gz");
    Path missing = tmp.resolve("w48.json.gz");

    int code = bless(missing, baseline);

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).isEqualTo("konvo-qa bless: no snapshot at " + missing + ": record one with"
        + " 'java -jar konvo-qa.jar record --last 7d --out " + missing + "' (or 'record --demo --last 7d --out "
        + missing + "' for the demo workspace); the baseline " + baseline + " is unchanged\n")
        .doesNotContain("KONVO_DATA");
    assertThat(Files.exists(baseline)).isFalse();
  }

  @Test void anEmptySnapshotIsRefusedAndTheBaselineStaysAsItWas() throws IOException {
    Path baseline = tmp.resolve("baseline.json.gz");
    Files.copy(FIXTURES.resolve("baseline-same.json.gz"), baseline);
    byte[] before = Files.readAllBytes(baseline);
    Path empty = snapshotOf(0);

    int code = bless(empty, baseline);

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).startsWith("konvo-qa bless: " + empty + " was not blessed, the baseline " + baseline
        + " is unchanged: it holds no sessions, fewer than the minimum sample of 30 (KONVO_MIN_SAMPLE)")
        .contains("record --last 30d --out " + empty).contains("--force");
    assertThat(text(out)).isEmpty();
    assertThat(Files.readAllBytes(baseline)).isEqualTo(before);
  }

  @Test void aSnapshotUnderTheMinimumSampleIsRefusedUnlessForced() throws IOException {
    Path baseline = tmp.resolve("baseline.json.gz");
    Path small = snapshotOf(12);
    Settings minimum13 = Settings.load(Map.of("KONVO_BASELINE", baseline.toString(), "KONVO_MIN_SAMPLE", "13"),
        new Properties());

    assertThat(Bless.run(List.of(small.toString()), minimum13, stream(out), stream(err))).isEqualTo(2);
    assertThat(text(err)).contains("it holds only 12 sessions, fewer than the minimum sample of 13");
    assertThat(Files.exists(baseline)).isFalse();
    err.reset();

    assertThat(Bless.run(List.of(small.toString(), "--force"), minimum13, stream(out), stream(err))).isZero();
    assertThat(text(err)).isEqualTo("konvo-qa bless: WARNING: --force: blessed " + small + " with only 12"
        + " sessions, fewer than the minimum sample of 13 (KONVO_MIN_SAMPLE): baseline gates against it"
        + " cannot judge until a bigger snapshot is blessed\n");
    assertThat(text(out)).contains("konvo-qa: blessed " + small + " as the baseline " + baseline + " (12 sessions");
    assertThat(DatasetFile.read(baseline).sessions()).hasSize(12);
  }

  @Test void aSnapshotOfTheMinimumSampleIsBlessed() throws IOException {
    Path baseline = tmp.resolve("baseline.json.gz");

    assertThat(bless(snapshotOf(30), baseline)).as(text(err)).isZero();
    assertThat(text(err)).isEmpty();
  }

  /** A snapshot of the first {@code n} sessions of a fixture. */
  private Path snapshotOf(int n) {
    io.konvoqa.simulator.Dataset full = DatasetFile.read(FIXTURES.resolve("current.json.gz"));
    Path file = tmp.resolve("first-" + n + ".json.gz");
    DatasetFile.write(new io.konvoqa.simulator.Dataset(full.recordedAt(), full.window(), full.source(), n,
        full.sessions().subList(0, n)), file);
    return file;
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private int bless(Path file, Path baseline) {
    return Bless.run(List.of(file.toString()), settings(baseline), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Settings settings(Path baseline) {
    return Settings.load(Map.of("KONVO_BASELINE", baseline.toString()), new Properties());
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }

  private static List<Path> siblings(Path file) throws IOException {
    try (Stream<Path> list = Files.list(file.getParent())) {
      return list.toList();
    }
  }
}
