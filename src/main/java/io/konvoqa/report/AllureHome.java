package io.konvoqa.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Allure command line konvo-qa runs: {@code ALLURE_HOME} when set, else the copy bundled in
 * konvo-qa.jar ({@link AllureBundle}), unpacked on first use into {@code ~/.konvo-qa/allure-VERSION}
 * ({@code KONVO_ALLURE_CACHE} moves it). It is unpacked into a folder of its own and then renamed,
 * so a run never sees half a copy, not even when two runs start at once.
 */
final class AllureHome {
  static final String BUNDLE = "/allure/allure-commandline-" + AllureReport.VERSION + ".zip";
  private static final String COMPLETE = ".konvo-qa-unpacked";

  private AllureHome() {}

  /** An Allure home ready to run, or why there is none and how to get one. */
  record Found(Path home, String problem) {
    static Found problem(String problem) {
      return new Found(null, problem);
    }
  }

  static Found locate() {
    String home = System.getenv("ALLURE_HOME");
    if (home != null && !home.isBlank()) {
      Path path = Path.of(home);
      return Files.isDirectory(path.resolve("lib")) && Files.isDirectory(path.resolve("plugins")) ? new Found(path, null)
          : Found.problem("ALLURE_HOME (" + path + ") is not an unpacked Allure command line (no lib/ and plugins/"
              + " folders); unset it to use the Allure bundled in konvo-qa.jar");
    }
    Path cache = cacheDir();
    if (AllureHome.class.getResource(BUNDLE) == null) {
      return Found.problem("this konvo-qa.jar was built without Allure (" + BUNDLE + " is missing); build it with"
          + " 'mvn package', or set ALLURE_HOME to an unpacked Allure " + AllureReport.VERSION);
    }
    try {
      return new Found(unpack(cache), null);
    } catch (IOException | RuntimeException e) {
      return Found.problem("Allure " + AllureReport.VERSION + " could not be unpacked into " + home(cache)
          + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); set KONVO_ALLURE_CACHE to a writable folder, or ALLURE_HOME to an unpacked Allure "
          + AllureReport.VERSION);
    }
  }

  /** {@code -Dkonvo.allure.cache}, else {@code KONVO_ALLURE_CACHE}, else {@code ~/.konvo-qa}. */
  static Path cacheDir() {
    String dir = System.getProperty("konvo.allure.cache", System.getenv("KONVO_ALLURE_CACHE"));
    if (dir != null && !dir.isBlank()) return Path.of(dir);
    return Path.of(System.getProperty("user.home"), ".konvo-qa");
  }

  static Path home(Path cache) {
    return cache.resolve("allure-" + AllureReport.VERSION);
  }

  /** The unpacked bundle under {@code cache}, unpacking it first when it is not there yet. */
  static Path unpack(Path cache) throws IOException {
    Path home = home(cache);
    if (Files.isRegularFile(home.resolve(COMPLETE))) return home;
    Files.createDirectories(cache);
    Path partial = Files.createTempDirectory(cache, home.getFileName() + ".partial-");
    try {
      extract(partial);
      // a zip keeps no file modes: for 'allure open' by hand; konvo-qa itself runs Allure with java
      partial.resolve("bin").resolve("allure").toFile().setExecutable(true);
      Files.writeString(partial.resolve(COMPLETE), AllureReport.VERSION);
      move(partial, home);
    } finally {
      deleteTree(partial); // gone after the move; left only when another run was first or unpacking failed
    }
    return home;
  }

  /** Renames the complete copy into place; another run's complete copy there is as good. */
  private static void move(Path partial, Path home) throws IOException {
    try {
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (Files.isRegularFile(home.resolve(COMPLETE))) return;
      if (Files.exists(home)) throw new IOException(home + " exists but holds no complete Allure: delete it", e);
      throw e;
    }
  }

  /** The bundle's files, without its top folder ({@code allure-VERSION/}), into {@code dir}. */
  private static void extract(Path dir) throws IOException {
    try (InputStream in = AllureHome.class.getResourceAsStream(BUNDLE);
         ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName().replaceFirst("^[^/]+/", "");
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir)) throw new IOException("the bundle's entry " + entry.getName() + " points outside " + dir);
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
