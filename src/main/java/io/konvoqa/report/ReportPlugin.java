package io.konvoqa.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * konvo-qa's own Allure report plugin (src/main/resources/allure-plugin/konvo-qa): it shows the
 * HTML attachments at their own height in a frame that runs no script. Allure loads plugins only
 * from its home's {@code plugins/} folder when {@code config/allure.yml} lists them, so both the
 * build (for allure-maven) and {@link AllureReport} (for the jar) install it there.
 */
public final class ReportPlugin {
  static final String ID = "konvo-qa";
  private static final String RESOURCES = "/allure-plugin/" + ID + "/";
  private static final List<String> FILES = List.of("allure-plugin.yml", "static/index.js", "static/styles.css");

  private ReportPlugin() {}

  /** The build's step: {@code ReportPlugin <allure home>}. */
  public static void main(String[] args) {
    if (args.length != 1) throw new IllegalArgumentException("usage: ReportPlugin <allure home>, but got " + Arrays.toString(args));
    install(Path.of(args[0]));
  }

  /**
   * Copies the plugin into {@code home/plugins/konvo-qa} and adds it to the plugins of
   * {@code home/config/allure.yml}; writes only what differs, so a second call changes nothing.
   */
  public static void install(Path home) {
    Objects.requireNonNull(home, "home must not be null");
    if (!Files.isDirectory(home.resolve("plugins"))) {
      throw new IllegalArgumentException("not an unpacked Allure command line (no plugins/ folder): " + home);
    }
    try {
      for (String file : FILES) {
        byte[] content = resource(file);
        Path target = home.resolve("plugins").resolve(ID).resolve(file);
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), content)) continue;
        Files.createDirectories(target.getParent());
        Files.write(target, content);
      }
      enable(home.resolve("config").resolve("allure.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not install the konvo-qa report plugin into " + home + ": " + e.getMessage(), e);
    }
  }

  // allure.yml is one list, "plugins:" then "  - name" lines; the plugin goes at its end.
  private static void enable(Path config) throws IOException {
    List<String> lines = Files.exists(config)
        ? new ArrayList<>(Files.readAllLines(config, StandardCharsets.UTF_8)) : new ArrayList<>();
    if (listed(lines)) return;
    if (lines.stream().noneMatch(l -> l.strip().equals("plugins:"))) lines.add("plugins:");
    lines.add("  - " + ID);
    Files.createDirectories(config.getParent());
    Files.writeString(config, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static boolean listed(List<String> lines) {
    return lines.stream().anyMatch(l -> l.strip().equals("- " + ID));
  }

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = ReportPlugin.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) throw new IOException("the plugin file " + RESOURCES + file + " is missing from the classpath");
      return in.readAllBytes();
    }
  }
}
