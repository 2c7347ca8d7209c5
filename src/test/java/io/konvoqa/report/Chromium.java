package io.konvoqa.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Headless Chromium for report checks: a fresh profile per call, no network chatter, a hard timeout. */
final class Chromium {
  private static final long TIMEOUT_SECONDS = 30;
  private final Path binary;
  private final Path profiles;

  private Chromium(Path binary, Path profiles) {
    this.binary = binary;
    this.profiles = profiles;
  }

  /** Chromium, or the test is skipped; on CI (env CI set) a missing Chromium fails it instead. */
  static Chromium require(Path profiles) {
    Path found = find();
    if (found == null && System.getenv("CI") != null) {
      Assertions.fail("chromium is not installed, and CI is set: the report checks need it;"
          + " install it (apt-get install -y chromium) as .ci/run does");
    }
    Assumptions.assumeTrue(found != null, "chromium is not installed: browser checks of the report skipped");
    return new Chromium(found, profiles);
  }

  private static Path find() {
    Path debian = Path.of("/usr/bin/chromium");
    if (Files.isExecutable(debian)) return debian;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) return candidate;
      }
    }
    return null;
  }

  /** The same browser driven over the DevTools protocol, for checks that click and measure. */
  DevTools devTools() throws IOException, InterruptedException {
    return DevTools.start(binary, profiles);
  }

  /** The DOM after scripts ran (up to {@code budgetMillis} of virtual time), serialised. */
  String dumpDom(Path file, String fragment, int budgetMillis) throws IOException, InterruptedException {
    return run(List.of("--virtual-time-budget=" + budgetMillis, "--dump-dom", url(file, fragment)));
  }

  /** Renders the page to a PNG of 1280 x 1600. */
  void screenshot(Path file, Path png) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(List.of("--window-size=1280,1600", "--hide-scrollbars",
        "--screenshot=" + png.toAbsolutePath(), url(file, null)));
    Assertions.assertTrue(Files.size(png) > 10_000, "the screenshot " + png + " is nearly empty");
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(Files.createDirectories(profiles), "profile");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(args);
    Path stderr = profile.resolveSibling(profile.getFileName() + ".stderr");
    Path stdout = profile.resolveSibling(profile.getFileName() + ".stdout");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
        .redirectOutput(stdout.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      Assertions.fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    Assertions.assertEquals(0, process.exitValue(), () -> "chromium failed: " + command + "\n" + read(stderr));
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static String url(Path file, String fragment) {
    return file.toAbsolutePath().toUri() + (fragment == null ? "" : "#" + fragment);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }
}
