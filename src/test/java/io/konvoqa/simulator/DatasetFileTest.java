package io.konvoqa.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.session.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFileTest {
  @TempDir Path dir;

  private static Dataset recorded() {
    return new Dataset(Fixtures.RECORDED_AT, Fixtures.all(), "demo", 1_000, Fixtures.sessions(1_000));
  }

  @Test void readsBackWhatItWroteAsPlainJson() {
    // given
    Path file = dir.resolve("snapshot.json");

    // when
    DatasetFile.write(recorded(), file);
    Dataset read = DatasetFile.read(file);

    // then
    assertThat(read).isEqualTo(recorded());
    assertThat(read.window()).isEqualTo(Fixtures.all());
  }

  @Test void readsBackWhatItWroteAsGzip() throws IOException {
    // given
    Path file = dir.resolve("snapshot.json.gz");

    // when
    DatasetFile.write(recorded(), file);
    Dataset read = DatasetFile.read(file);

    // then it really is gzip, and reads back the same
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
    assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
    assertThat(read).isEqualTo(recorded());
  }

  @Test void recognisesGzipByItsFirstBytesWhateverTheName() throws IOException {
    // given a gzip file without .gz
    Path gz = dir.resolve("a.json.gz");
    DatasetFile.write(recorded(), gz);
    Path renamed = Files.move(gz, dir.resolve("a.json"));

    // when / then
    assertThat(DatasetFile.read(renamed)).isEqualTo(recorded());
  }

  @Test void keepsOptionalFieldsAbsentWhenTheyAreNull() {
    // given a dataset without window, source or count
    Path file = dir.resolve("bare.json");
    Dataset bare = Dataset.of(Fixtures.RECORDED_AT, List.of(new Session("only-id", null, null,
        null, null, null, null, null, null, null)));

    // when
    DatasetFile.write(bare, file);

    // then
    assertThat(DatasetFile.read(file)).isEqualTo(bare);
  }

  @Test void saysAPlainFileCutOffInsideAStringIsTruncated() throws IOException {
    // given a dataset file cut off in the middle of a message text
    Path file = dir.resolve("cut.json");
    DatasetFile.write(recorded(), file);
    String text = Files.readString(file);
    int cut = text.indexOf("message 1 of session 500") + 10;
    Files.writeString(file, text.substring(0, cut));

    // when
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> DatasetFile.read(file));

    // then
    assertThat(e).hasMessage("the dataset " + file + " is truncated (it ends early): it was"
        + " probably cut off while being written or copied; record it again");
  }

  @Test void saysAPlainFileCutOffBetweenValuesIsTruncated() throws IOException {
    // given a dataset file cut off right after a comma
    Path file = dir.resolve("cut.json");
    DatasetFile.write(recorded(), file);
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.indexOf("\"id\":\"s-00400\"") - 1));

    // when
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> DatasetFile.read(file));

    // then
    assertThat(e.getMessage()).contains(" is truncated (it ends early)");
  }

  @Test void saysAGzipFileCutInHalfIsTruncated() throws IOException {
    // given
    Path file = dir.resolve("cut.json.gz");
    DatasetFile.write(recorded(), file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

    // when
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> DatasetFile.read(file));

    // then
    assertThat(e).hasMessage("the dataset " + file + " is truncated (it ends early): it was"
        + " probably cut off while being written or copied; record it again");
  }

  @Test void saysAFileWithGarbageInTheMiddleIsCorrupt() throws IOException {
    // given
    Path file = dir.resolve("corrupt.json");
    DatasetFile.write(recorded(), file);
    String text = Files.readString(file);
    int at = text.indexOf("\"id\":\"s-00400\"");
    Files.writeString(file, text.substring(0, at) + "<html>" + text.substring(at));

    // when
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> DatasetFile.read(file));

    // then
    assertThat(e.getMessage()).startsWith("the dataset " + file + " is corrupt: ")
        .endsWith("; record it again or fix the file");
  }

  @Test void namesKonvoDataWhenTheFileIsMissing() {
    // given
    Path file = dir.resolve("nowhere.json");

    // when
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> DatasetFile.read(file));

    // then
    assertThat(e).hasMessage("no dataset file at " + file.toAbsolutePath()
        + ": check KONVO_DATA (or -Dkonvo.data)");
  }

  @Test void saysWhatIsMissingWithoutRecordedAt() throws IOException {
    // given
    Path file = dir.resolve("no-recorded-at.json");
    Files.writeString(file, "{\"sessions\": []}");

    // when
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
        () -> DatasetFile.read(file));

    // then
    assertThat(e).hasMessage("the dataset " + file + " has no \"recorded_at\": add the ISO-8601"
        + " instant it was recorded at, e.g. \"recorded_at\": \"2026-11-27T12:00:00Z\"");
  }

  @Test void leavesNoFileUnderTheFinalNameWhenAWriteFailsMidway() throws IOException {
    // given a dataset whose 501st session has a trail item that is not JSON, so writing fails
    // after 500 sessions have gone to the temporary file
    List<Session> sessions = new ArrayList<>(Fixtures.sessions(1_000));
    Session bad = sessions.get(500);
    sessions.set(500, new Session(bad.id(), bad.workspaceId(), bad.feedId(), bad.contactId(),
        bad.externalUserId(), bad.channel(), bad.createdAt(), bad.status(),
        new SessionState(bad.id(), "SKILL", "RETURNS", List.of("{\"step\":")), bad.messages()));
    Path file = dir.resolve("snapshot.json.gz");

    // when
    UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class,
        () -> DatasetFile.write(Dataset.of(Fixtures.RECORDED_AT, sessions), file));

    // then no file under the final name, and no temporary file left behind
    assertThat(e.getMessage()).startsWith("could not write the dataset " + file + ": ");
    assertThat(file).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test void keepsThePreviousFileWhenAnInterruptedWriteFails() throws IOException {
    // given a good snapshot, then a write whose thread is interrupted, so the file channel closes
    Path file = dir.resolve("snapshot.json");
    DatasetFile.write(recorded(), file);
    byte[] before = Files.readAllBytes(file);

    // when
    Thread.currentThread().interrupt();
    UncheckedIOException e;
    try {
      e = catchThrowableOfType(UncheckedIOException.class,
          () -> DatasetFile.write(Dataset.of(Instant.EPOCH, Fixtures.sessions(1_000)), file));
    } finally {
      Thread.interrupted();
    }

    // then the old snapshot is untouched and nothing else is left
    assertThat(e.getMessage()).startsWith("could not write the dataset " + file + ": ");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test void readsAHandWrittenDatasetWithUnknownFieldsAndOffsets() throws IOException {
    // given
    Path file = dir.resolve("hand.json");
    Files.writeString(file, "{\"format\": 2, \"recorded_at\": \"2026-11-27T14:00:00+02:00\","
        + " \"window\": {\"from\": \"2026-11-20T00:00:00Z\", \"to\": \"2026-11-27T00:00:00\"},"
        + " \"source\": null, \"count\": null,"
        + " \"sessions\": [{\"id\": \"a\", \"extra\": [1, 2]}]}", StandardCharsets.UTF_8);

    // when
    Dataset read = DatasetFile.read(file);

    // then
    assertThat(read).isEqualTo(new Dataset(Instant.parse("2026-11-27T12:00:00Z"),
        new Window(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z")),
        null, null, List.of(new Session("a", null, null, null, null, null, null, null, null, null))));
  }
}
