package io.konvoqa.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The build's guard over the user's {@code reports/}: {@code take REPORTS FILE} (before the tests)
 * writes a fingerprint of every file and folder under it, {@code check REPORTS FILE} (after the
 * tests) fails when anything was added, removed or changed. The project's tests write under
 * {@code target/} or a temporary folder, never over the user's last gate report.
 */
public final class ReportsFingerprint {
  private ReportsFingerprint() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !List.of("take", "check").contains(args[0])) {
      throw new IllegalArgumentException("usage: ReportsFingerprint take|check REPORTS_DIR FINGERPRINT_FILE");
    }
    Path reports = Path.of(args[1]), file = Path.of(args[2]);
    if (args[0].equals("take")) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, render(of(reports)), StandardCharsets.UTF_8);
      return;
    }
    List<String> changes = changes(parse(Files.readString(file, StandardCharsets.UTF_8)), of(reports));
    if (!changes.isEmpty()) throw new IllegalStateException(message(reports, changes));
  }

  /** Each path under {@code reports} (relative, "/"-separated) and a digest of its content ("dir" for a folder). */
  static Map<String, String> of(Path reports) {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(reports)) return entries;
    try (Stream<Path> paths = Files.walk(reports)) {
      for (Path p : paths.filter(p -> !p.equals(reports)).toList()) {
        String name = reports.relativize(p).toString().replace('\\', '/');
        entries.put(name, Files.isDirectory(p) ? "dir" : digest(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + reports + ": " + e.getMessage(), e);
    }
    return entries;
  }

  /** What differs, one line per path: "added x", "removed y", "changed z". */
  static List<String> changes(Map<String, String> before, Map<String, String> after) {
    List<String> changes = new ArrayList<>();
    before.forEach((name, digest) -> {
      if (!after.containsKey(name)) changes.add("removed " + name);
      else if (!after.get(name).equals(digest)) changes.add("changed " + name);
    });
    after.keySet().stream().filter(name -> !before.containsKey(name)).forEach(name -> changes.add("added " + name));
    return changes;
  }

  static String message(Path reports, List<String> changes) {
    List<String> shown = changes.size() > 10 ? changes.subList(0, 10) : changes;
    return "the project's tests changed " + reports + " (the user's last gate report): "
        + String.join(", ", shown) + (changes.size() > shown.size() ? " and " + (changes.size() - shown.size())
        + " more" : "") + "; a test must write under target/ or a temporary folder (KONVO_REPORTS)";
  }

  private static String render(Map<String, String> entries) {
    StringBuilder text = new StringBuilder();
    entries.forEach((name, digest) -> text.append(digest).append(' ').append(name).append('\n'));
    return text.toString();
  }

  private static Map<String, String> parse(String text) {
    Map<String, String> entries = new TreeMap<>();
    text.lines().filter(l -> !l.isBlank()).forEach(line -> {
      int space = line.indexOf(' ');
      entries.put(line.substring(space + 1), line.substring(0, space));
    });
    return entries;
  }

  private static String digest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
