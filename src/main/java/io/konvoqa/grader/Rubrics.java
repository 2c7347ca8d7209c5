package io.konvoqa.grader;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a rubric: {@code <dir>/<name>.md}, Markdown QA writes (the criterion, what passes, what
 * fails, examples) with optional front matter between {@code ---} lines ({@code min_agreement:
 * 0.85}, {@code correct_for_judge_error: true}), and its human-labelled examples from
 * {@code <dir>/<name>.labels.jsonl} when that file exists (see {@link Labels}). Every error names
 * the file, the line and the fix.
 */
public final class Rubrics {
  static final String MIN_AGREEMENT = "min_agreement";
  static final String CORRECT = "correct_for_judge_error";

  private Rubrics() {}

  /** The rubric {@code name} from the run's rubrics directory (KONVO_RUBRICS). */
  public static Rubric load(Settings settings, String name) {
    return load(settings.judge().rubrics(), name, settings.roles());
  }

  /** The rubric {@code name} from {@code dir}; {@code roles} maps the labels' roles to origins. */
  public static Rubric load(Path dir, String name, Map<String, Role> roles) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || name.contains("..")) {
      throw new ConfigurationException("a rubric's name is its file name without .md, letters, digits,"
          + " '-', '_' and '.', such as \"resolution\", but was \"" + name + "\"");
    }
    Path file = dir.resolve(name + ".md");
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("no rubric \"" + name + "\": " + file + " does not exist (rubrics are"
          + " read from KONVO_RUBRICS=" + dir + "); write it, or set KONVO_RUBRICS to the directory that"
          + " has it" + known(dir));
    }
    List<String> lines = read(file);
    double minAgreement = Double.NaN;
    boolean correct = false;
    int body = 0;
    if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
      int end = -1;
      for (int i = 1; i < lines.size() && end < 0; i++) if (lines.get(i).strip().equals("---")) end = i;
      if (end < 0) {
        throw new ConfigurationException(file + " line 1: the front matter opened with --- is never closed:"
            + " end it with a line of ---");
      }
      for (int i = 1; i < end; i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        int colon = line.indexOf(':');
        String key = colon < 0 ? line : line.substring(0, colon).strip();
        String value = colon < 0 ? "" : line.substring(colon + 1).strip();
        String where = file + " line " + (i + 1) + ": ";
        switch (key) {
          case MIN_AGREEMENT -> minAgreement = share(where, value);
          case CORRECT -> correct = bool(where, value);
          default -> throw new ConfigurationException(where + "unknown front matter key '" + key
              + "'; the keys are " + MIN_AGREEMENT + " and " + CORRECT);
        }
      }
      body = end + 1;
    }
    String text = String.join("\n", lines.subList(body, lines.size())).strip();
    if (text.isEmpty()) {
      throw new ConfigurationException(file + " has no text: write the criterion, what passes and what fails");
    }
    Path labels = dir.resolve(name + ".labels.jsonl");
    return new Rubric(name, text, minAgreement, correct,
        Files.isRegularFile(labels) ? Labels.read(labels, name, roles) : List.of());
  }

  private static double share(String where, String value) {
    String text = value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
    try {
      double v = Double.parseDouble(text) / (value.endsWith("%") ? 100 : 1);
      if (v >= 0 && v <= 1) return v;
    } catch (NumberFormatException e) {
      // the message below
    }
    throw new ConfigurationException(where + MIN_AGREEMENT + " must be a share 0..1 (0.85) or a percentage"
        + " (85%) but was '" + value + "'");
  }

  private static boolean bool(String where, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new ConfigurationException(where + CORRECT + " must be true or false but was '" + value + "'");
    };
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String known(Path dir) {
    if (!Files.isDirectory(dir)) return " (the directory " + dir + " does not exist)";
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
          .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
      return names.isEmpty() ? " (it has no rubrics)" : " (rubrics there: " + String.join(", ", names) + ")";
    } catch (IOException e) {
      return "";
    }
  }
}
