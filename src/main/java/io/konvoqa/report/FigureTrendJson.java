package io.konvoqa.report;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.konvoqa.gate.Outcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.BufferedSink;
import okio.Okio;

/**
 * The trend file: {@code {"format": 1, "runs": [{"run": 7, "at": "2026-12-03T06:00:00Z", "gates":
 * [{"feature", "scenario", "example", "gate", "figure", "outcome", "value", "low", "high",
 * "threshold"}]}]}}, shares as numbers 0..1, null where there is none.
 */
final class FigureTrendJson {
  static final int FORMAT = 1;
  private static final JsonReader.Options TOP = JsonReader.Options.of("format", "runs");
  private static final JsonReader.Options RUN = JsonReader.Options.of("run", "at", "gates");
  private static final JsonReader.Options GATE = JsonReader.Options.of("feature", "scenario", "example", "gate",
      "figure", "outcome", "value", "low", "high", "threshold");

  private FigureTrendJson() {}

  static FigureTrend read(Path file, PrintStream console) {
    try (JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(file)))) {
      return new FigureTrend(runs(reader));
    } catch (NoSuchFileException e) {
      return FigureTrend.empty();
    } catch (IOException | RuntimeException e) { // whatever is wrong with it, the run goes on
      String why = e instanceof JsonEncodingException || e instanceof JsonDataException
          || e instanceof java.io.EOFException ? "not valid JSON: " + e.getMessage()
          : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      console.println("konvo-qa: WARNING: the figure trends in " + file + " could not be read (" + why
          + "): the trends start afresh with this run, and the file is replaced at its end");
      return FigureTrend.empty();
    }
  }

  private static List<FigureTrend.Run> runs(JsonReader reader) throws IOException {
    Integer format = null;
    List<FigureTrend.Run> runs = new ArrayList<>();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(TOP)) {
        case 0 -> format = reader.nextInt();
        case 1 -> {
          reader.beginArray();
          while (reader.hasNext()) runs.add(run(reader));
          reader.endArray();
        }
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (format == null || format != FORMAT) {
      throw new IllegalArgumentException("format " + format + " is not " + FORMAT);
    }
    return runs;
  }

  private static FigureTrend.Run run(JsonReader reader) throws IOException {
    int number = 0;
    Instant at = null;
    Map<TrendKey, TrendPoint> gates = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(RUN)) {
        case 0 -> number = reader.nextInt();
        case 1 -> at = instant(reader.nextString());
        case 2 -> {
          reader.beginArray();
          while (reader.hasNext()) gate(reader, gates);
          reader.endArray();
        }
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (at == null) throw new IllegalArgumentException("run " + number + " has no \"at\"");
    return new FigureTrend.Run(number, at, gates);
  }

  private static void gate(JsonReader reader, Map<TrendKey, TrendPoint> gates) throws IOException {
    String feature = null, scenario = null, figure = null, outcome = null;
    int example = 0, gate = 0;
    Double value = null, low = null, high = null, threshold = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(GATE)) {
        case 0 -> feature = reader.nextString();
        case 1 -> scenario = reader.nextString();
        case 2 -> example = reader.nextInt();
        case 3 -> gate = reader.nextInt();
        case 4 -> figure = reader.nextString();
        case 5 -> outcome = reader.nextString();
        case 6 -> value = share(reader);
        case 7 -> low = share(reader);
        case 8 -> high = share(reader);
        case 9 -> threshold = share(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (outcome == null) throw new IllegalArgumentException("a gate of scenario '" + scenario + "' has no \"outcome\"");
    gates.put(new TrendKey(feature, scenario, example, gate),
        new TrendPoint(figure, Outcome.valueOf(outcome), value, low, high, threshold));
  }

  private static Double share(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
    double share = reader.nextDouble();
    if (!(share >= 0 && share <= 1)) throw new IllegalArgumentException("share " + share + " is not 0..1");
    return share;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant");
    }
  }

  static void write(FigureTrend trend, Path file) {
    try {
      Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
      try (BufferedSink sink = Okio.buffer(Okio.sink(temp)); JsonWriter writer = JsonWriter.of(sink)) {
        writer.setIndent(" ");
        write(trend, writer);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the figure trends to " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(FigureTrend trend, JsonWriter writer) throws IOException {
    writer.beginObject().name("format").value(FORMAT).name("runs").beginArray();
    for (FigureTrend.Run run : trend.runs()) {
      writer.beginObject().name("run").value(run.number()).name("at").value(run.at().toString())
          .name("gates").beginArray();
      for (Map.Entry<TrendKey, TrendPoint> e : run.gates().entrySet()) {
        TrendKey k = e.getKey();
        TrendPoint p = e.getValue();
        writer.beginObject().name("feature").value(k.feature()).name("scenario").value(k.scenario())
            .name("example").value(k.example()).name("gate").value(k.gate())
            .name("figure").value(p.figure()).name("outcome").value(p.outcome().name())
            .name("value").value(p.value()).name("low").value(p.low()).name("high").value(p.high())
            .name("threshold").value(p.threshold()).endObject();
      }
      writer.endArray().endObject();
    }
    writer.endArray().endObject();
  }
}
