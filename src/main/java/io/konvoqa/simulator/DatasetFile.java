package io.konvoqa.simulator;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Reads and writes dataset files: {@code {"recorded_at": ..., "window": {"from", "to"}, "source",
 * "count", "shortfall": {"unserved", "undated", "conflicts", "may_be_missing"}, "sessions": [...]}},
 * gzip when the name ends in {@code .gz} (reading also recognises gzip by its first bytes). Only
 * {@code recorded_at} and {@code sessions} are required: a file without {@code shortfall} (written
 * before it was recorded) reads as short by what its {@code count} claims beyond its sessions.
 *
 * <p>Writing goes to a temporary file that is moved into place, so an interrupted write never
 * leaves a half file under the final name.
 */
public final class DatasetFile {
  private DatasetFile() {}

  private static final JsonReader.Options FIELDS = JsonReader.Options.of(
      "recorded_at", "window", "source", "count", "sessions", "shortfall");
  private static final JsonReader.Options WINDOW = JsonReader.Options.of("from", "to");
  private static final JsonReader.Options SHORTFALL = JsonReader.Options.of(
      "unserved", "undated", "conflicts", "may_be_missing");

  /** Reads a dataset, or throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static Dataset read(Path file) {
    boolean[] ended = {false};
    try (InputStream in = open(file);
         JsonReader reader = JsonReader.of(Okio.buffer(endTracking(Okio.source(in), ended)))) {
      return read(reader, file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no dataset file at " + file.toAbsolutePath()
          + ": check KONVO_DATA (or -Dkonvo.data)");
    } catch (EOFException e) {
      throw truncated(file);
    } catch (JsonEncodingException | JsonDataException | java.util.zip.ZipException e) {
      // a file ending inside a string gives "Unterminated string", not EOFException
      if (ended[0] && e instanceof JsonEncodingException) throw truncated(file);
      throw new IllegalArgumentException("the dataset " + file + " is corrupt: " + e.getMessage()
          + "; record it again or fix the file");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the dataset " + file + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException truncated(Path file) {
    return new IllegalArgumentException("the dataset " + file + " is truncated (it ends early): "
        + "it was probably cut off while being written or copied; record it again");
  }

  /** A source that notes in {@code ended[0]} when the file has been read to its end. */
  private static Source endTracking(Source source, boolean[] ended) {
    return new ForwardingSource(source) {
      @Override public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (read == -1) ended[0] = true;
        return read;
      }
    };
  }

  private static Dataset read(JsonReader reader, Path file) throws IOException {
    Instant recordedAt = null;
    Window window = null;
    String source = null;
    Integer count = null;
    List<Session> sessions = null;
    Shortfall shortfall = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0 -> recordedAt = instant(reader, file);
        case 1 -> window = window(reader, file);
        case 2 -> source = reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
        case 3 -> count = reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextInt();
        case 4 -> sessions = SessionJson.readSessions(reader);
        case 5 -> shortfall = shortfall(reader, file);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (recordedAt == null) {
      throw new IllegalArgumentException("the dataset " + file + " has no \"recorded_at\": add the"
          + " ISO-8601 instant it was recorded at, e.g. \"recorded_at\": \"2026-11-27T12:00:00Z\"");
    }
    if (sessions == null) {
      throw new IllegalArgumentException("the dataset " + file + " has no \"sessions\" array");
    }
    return new Dataset(recordedAt, window, source, count, sessions, shortfall);
  }

  private static Shortfall shortfall(JsonReader reader, Path file) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
    int[] counts = new int[4];
    reader.beginObject();
    while (reader.hasNext()) {
      int field = reader.selectName(SHORTFALL);
      if (field < 0) {
        reader.skipName();
        reader.skipValue();
      } else {
        counts[field] = reader.nextInt();
      }
    }
    reader.endObject();
    try {
      return new Shortfall(counts[0], counts[1], counts[2], counts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the dataset " + file + " has a bad \"shortfall\": "
          + e.getMessage() + "; record it again or fix the file");
    }
  }

  private static Window window(JsonReader reader, Path file) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
    Instant from = null, to = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(WINDOW)) {
        case 0 -> from = instant(reader, file);
        case 1 -> to = instant(reader, file);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    return from == null || to == null ? null : new Window(from, to);
  }

  private static Instant instant(JsonReader reader, Path file) throws IOException {
    String path = reader.getPath();
    String text = reader.nextString();
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the dataset " + file + " has a bad timestamp '" + text
          + "' at " + path + ": use ISO-8601, e.g. 2026-11-27T12:00:00Z");
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b1 = in.read(), b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** Writes atomically: a temporary file beside the target, moved into place when complete. */
  public static void write(Dataset dataset, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".partial");
      try (OutputStream raw = Files.newOutputStream(tmp);
           OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
           BufferedSink sink = Okio.buffer(Okio.sink(out));
           JsonWriter writer = JsonWriter.of(sink)) {
        write(writer, dataset);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the dataset " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the partial file has a hidden name and never the final one
        }
      }
    }
  }

  static void write(JsonWriter writer, Dataset dataset) throws IOException {
    writer.beginObject();
    writer.name("recorded_at").value(Timestamps.format(dataset.recordedAt()));
    if (dataset.window() != null) {
      writer.name("window").beginObject()
          .name("from").value(Timestamps.format(dataset.window().from()))
          .name("to").value(Timestamps.format(dataset.window().to()))
          .endObject();
    }
    if (dataset.source() != null) writer.name("source").value(dataset.source());
    if (dataset.countClaimed() != null) writer.name("count").value(dataset.countClaimed());
    Shortfall shortfall = dataset.shortfall();
    writer.name("shortfall").beginObject()
        .name("unserved").value(shortfall.unserved())
        .name("undated").value(shortfall.undated())
        .name("conflicts").value(shortfall.conflicts())
        .name("may_be_missing").value(shortfall.mayBeMissing())
        .endObject();
    writer.name("sessions").beginArray();
    for (Session session : dataset.sessions()) SessionJson.write(writer, session, true, true);
    writer.endArray();
    writer.endObject();
  }
}
