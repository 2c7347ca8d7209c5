package io.konvoqa.steps;

import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Rubric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code <dir>/<name>.md} into a {@link Rubric}: the Markdown text, with optional front matter
 * ({@code min_agreement}, {@code correct_for_judge_error}). The directory is {@code -Dkonvo.rubrics},
 * else {@code KONVO_RUBRICS}, else {@code rubrics}. A stand-in until package {@code grader}'s
 * loader (which also reads the labels) is wired in; it reads no labels.
 */
final class RubricFiles {
  private RubricFiles() {}

  static Path dir() {
    String dir = System.getProperty("konvo.rubrics");
    if (dir == null || dir.isBlank()) dir = System.getenv("KONVO_RUBRICS");
    return Path.of(dir == null || dir.isBlank() ? "rubrics" : dir.strip());
  }

  /** The rubric {@code name}, or a configuration error naming the file and the rubrics there are. */
  static Rubric load(Path dir, String name) {
    if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
      throw new ConfigurationException("'" + name + "' is not a rubric name: use letters, digits, '-', '_' or '.',"
          + " e.g. \"resolution\" for " + dir.resolve("resolution.md"));
    }
    Path file = dir.resolve(name + ".md");
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("no rubric '" + name + "': " + file + " does not exist (rubrics there: "
          + known(dir) + "); write it, or set KONVO_RUBRICS to the directory that holds it");
    }
    try {
      return parse(name, Files.readString(file, StandardCharsets.UTF_8), file);
    } catch (IOException e) {
      throw new ConfigurationException("could not read the rubric " + file + ": " + e.getMessage());
    }
  }

  static Rubric parse(String name, String text, Path file) {
    double minAgreement = Double.NaN;
    boolean correct = false;
    String body = text.replace("\r\n", "\n");
    if (body.startsWith("---\n")) {
      int end = body.indexOf("\n---", 4);
      if (end < 0) throw new ConfigurationException(file + ": the front matter opened with '---' is never closed");
      for (String line : body.substring(4, end).split("\n")) {
        if (line.isBlank() || line.strip().startsWith("#")) continue;
        int colon = line.indexOf(':');
        String key = colon < 0 ? line.strip() : line.substring(0, colon).strip();
        String value = colon < 0 ? "" : line.substring(colon + 1).strip();
        switch (key) {
          case "min_agreement" -> minAgreement = share(file, value);
          case "correct_for_judge_error" -> correct = switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(file + ": correct_for_judge_error must be true or false but was '" + value + "'");
          };
          default -> { } // other keys belong to the grader (model hints, labels' snapshot)
        }
      }
      int next = body.indexOf('\n', end + 4);
      body = next < 0 ? "" : body.substring(next + 1);
    }
    if (body.isBlank()) throw new ConfigurationException(file + " holds no criterion: write what passes and what fails");
    try {
      return new Rubric(name, body.strip(), minAgreement, correct, List.of());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(file + ": " + e.getMessage());
    }
  }

  private static double share(Path file, String value) {
    try {
      double share = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
          : Double.parseDouble(value);
      if (share < 0 || share > 1) throw new NumberFormatException();
      return share;
    } catch (NumberFormatException e) {
      throw new ConfigurationException(file + ": min_agreement must be a share 0..1 such as 0.85 but was '" + value + "'");
    }
  }

  private static String known(Path dir) {
    try (var files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
          .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
      return names.isEmpty() ? "none" : String.join(", ", names);
    } catch (IOException e) {
      return "none: " + dir + " is not a readable directory";
    }
  }
}
