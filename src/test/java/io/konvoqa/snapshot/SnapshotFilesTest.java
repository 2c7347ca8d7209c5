package io.konvoqa.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.config.Settings;
import io.konvoqa.privacy.Salt;
import io.konvoqa.privacy.SnapshotMasking;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.run.GateRun;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots that were cut off, damaged, or never finished. */
class SnapshotFilesTest {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final Dataset SMALL = DemoWorkspace.generate(NOW, 7L, 300);
  @TempDir Path tmp;

  @Test void aTruncatedGzipSnapshotFailsSayingItIsTruncated() throws IOException {
    Path file = truncatedCopy("w48.json.gz");

    assertThatThrownBy(() -> DatasetFile.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the dataset " + file + " is truncated (it ends early): it was probably cut off"
            + " while being written or copied; record it again");
  }

  /** Cut inside a string, Moshi reports an unterminated string rather than the end of input. */
  @Test void aTruncatedJsonSnapshotFailsSayingItIsTruncated() throws IOException {
    Path file = truncatedCopy("w48.json");

    assertThatThrownBy(() -> DatasetFile.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the dataset " + file + " is truncated (it ends early): it was probably cut off"
            + " while being written or copied; record it again");
  }

  @Test void aSnapshotWithDamagedCompressedBytesFailsSayingItIsCorrupt() throws IOException {
    Path file = tmp.resolve("w48.json.gz");
    DatasetFile.write(SMALL, file);
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) bytes[i] ^= 0x5a;
    Files.write(file, bytes);

    assertThatThrownBy(() -> DatasetFile.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the dataset " + file + " is corrupt: ")
        .hasMessageEndingWith("; record it again or fix the file");
  }

  @Test void replayingATruncatedSnapshotFailsToOpenSayingWhy() throws IOException {
    Path file = truncatedCopy("w48.json.gz");
    Settings settings = Settings.load(Map.of("KONVO_DATA", file.toString()), new Properties());

    assertThatThrownBy(() -> GateRun.open(settings, Clock.fixed(NOW, ZoneOffset.UTC),
        new PrintStream(new ByteArrayOutputStream()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(" is truncated (it ends early)");
  }

  @Test void aRecordingThatFailsMidwayLeavesTheEarlierSnapshotAndNoPartialFile() throws IOException {
    Path out = tmp.resolve("w48.json.gz");
    DatasetFile.write(SMALL, out);
    byte[] before = Files.readAllBytes(out);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (KonvoSimulator simulator = KonvoSimulator.start(DemoWorkspace.generate(NOW))) {
      simulator.faults().malformedPage(3); // pages 1 and 2 arrive, page 3 never parses
      Settings settings = Settings.load(Map.of("KONVO_API_KEY", "any-key-1234", "KONVO_BASE_URL", simulator.url(),
          "KONVO_MAX_TRIES", "2"), new Properties());
      code = Record.run(List.of("--last", "7d", "--out", out.toString()), settings,
          Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("konvo-qa record: nothing written to " + out + ": ");
    assertThat(Files.readAllBytes(out)).isEqualTo(before);
    assertThat(files()).containsExactly(out);
  }

  @Test void aWriteInterruptedHalfwayNeverLeavesAHalfFileUnderTheFinalName() throws IOException {
    Path out = tmp.resolve("w48.json.gz");
    DatasetFile.write(SMALL, out);
    byte[] before = Files.readAllBytes(out);
    List<Session> sessions = new ArrayList<>(DemoWorkspace.generate(NOW).sessions());
    Session last = sessions.get(sessions.size() - 1);
    sessions.add(new Session("breaks-the-writer", null, null, null, null, null, null, null,
        new SessionState("breaks-the-writer", null, null, List.of("{not json")), null));
    Dataset breaking = new Dataset(NOW, null, null, null, sessions);

    assertThatThrownBy(() -> DatasetFile.write(breaking, out)).isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("could not write the dataset " + out);
    assertThat(last.id()).isNotNull();
    assertThat(Files.readAllBytes(out)).isEqualTo(before);
    assertThat(files()).containsExactly(out);
  }

  @Test void aRecordingWithoutAKeySaysWhichSettingToSetAndWritesNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path out = tmp.resolve("w48.json.gz");

    int code = Record.run(List.of("--last", "7d", "--out", out.toString()),
        Settings.load(Map.of(), new Properties()), Clock.fixed(NOW, ZoneOffset.UTC),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no API key: set KONVO_API_KEY");
    assertThat(out).doesNotExist();
  }

  @Test void aBadCommandLineSaysWhatToWrite() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Record.run(List.of("--last", "7 fortnights", "--out", "x.json.gz"),
        Settings.load(Map.of(), new Properties()), Clock.fixed(NOW, ZoneOffset.UTC),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("konvo-qa record: --last: '7 fortnights'"
        + " is not a duration: write it like 90 seconds, 10 minutes, 24 hours or 7 days (or 7d, 24h)")
        .contains(Record.USAGE);
  }

  @Test void aTrailItemThatMaskingWouldBreakIsKeptAsAString() {
    Session session = new Session("s1", null, null, null, "4915112345678", "whatsapp", NOW, null,
        new SessionState("s1", "ORDER", "ORDER_STATUS", List.of("{\"phone\":4915112345678}")), null);

    Session masked = SnapshotMasking.of(Salt.random()).mask(session);

    assertThat(masked.state().trail()).containsExactly("\"{\\\"phone\\\":[phone …78]}\"");
    assertThat(masked.externalUserId()).startsWith("customer-");
  }

  private Path truncatedCopy(String name) throws IOException {
    Path file = tmp.resolve(name);
    DatasetFile.write(SMALL, file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    return file;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> list = Files.list(tmp)) {
      return list.toList();
    }
  }
}
