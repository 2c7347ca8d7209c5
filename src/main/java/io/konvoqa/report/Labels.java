package io.konvoqa.report;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okio.Buffer;

/**
 * A scenario's {@code @SEVERITY=} or {@code @OWNER=} tag overrides its feature's. The Allure
 * Cucumber plugin writes both labels and Allure shows the first, the feature's; so once a run's
 * results are written, the earlier of two such labels is removed from each result file.
 */
final class Labels {
  private Labels() {}

  private static final Set<String> SINGLE = Set.of("severity", "owner");
  private static final String KEY = "\"labels\":[";

  static void scenarioWins(Path results) {
    if (!Files.isDirectory(results)) return;
    try (Stream<Path> files = Files.list(results)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        String fixed = scenarioWins(json);
        if (!fixed.equals(json)) Files.writeString(file, fixed, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not rewrite the labels in " + results + ": " + e.getMessage(), e);
    }
  }

  /** The result JSON with the labels array rewritten; anything else byte for byte as it was. */
  static String scenarioWins(String json) throws IOException {
    int start = json.indexOf(KEY);
    if (start < 0) return json;
    int open = start + KEY.length() - 1;
    int close = endOfArray(json, open);
    List<Map<String, Object>> labels = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json.substring(open, close + 1)))) {
      for (Object item : (List<?>) reader.readJsonValue()) {
        @SuppressWarnings("unchecked") Map<String, Object> label = (Map<String, Object>) item;
        labels.add(label);
      }
    }
    List<Map<String, Object>> kept = keepLast(labels);
    if (kept.size() == labels.size()) return json;
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.jsonValue(kept);
    }
    return json.substring(0, open) + buffer.readUtf8() + json.substring(close + 1);
  }

  static List<Map<String, Object>> keepLast(List<Map<String, Object>> labels) {
    List<Map<String, Object>> kept = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Object name = labels.get(i).get("name");
      boolean overridden = SINGLE.contains(name)
          && labels.subList(i + 1, labels.size()).stream().anyMatch(l -> name.equals(l.get("name")));
      if (!overridden) kept.add(labels.get(i));
    }
    return kept;
  }

  /** The index of the ']' that closes the array opened at {@code open}, skipping strings. */
  private static int endOfArray(String json, int open) {
    int depth = 0;
    for (int i = open; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        for (i++; json.charAt(i) != '"'; i++) if (json.charAt(i) == '\\') i++;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unterminated labels array in an Allure result");
  }
}
