package io.konvoqa.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The build's step that puts Allure's command line into konvo-qa.jar, so that the jar writes the
 * HTML report on a machine with only Java: {@code AllureBundle <allure-commandline zip> <bundle
 * zip>}. It leaves out the Jira and Xray export plugins, which konvo-qa never uses: they are half
 * the distribution's size, and they carry Kotlin, which konvo-qa does not ship.
 */
public final class AllureBundle {
  static final List<String> LEFT_OUT = List.of("jira-plugin", "xray-plugin");

  private AllureBundle() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: AllureBundle <allure-commandline zip> <bundle zip>, but got "
          + Arrays.toString(args));
    }
    Path source = Path.of(args[0]), bundle = Path.of(args[1]);
    try {
      if (Files.exists(bundle) && Files.getLastModifiedTime(bundle).compareTo(Files.getLastModifiedTime(source)) > 0) {
        return;
      }
      write(source, bundle);
    } catch (IOException e) {
      throw new UncheckedIOException("could not bundle Allure from " + source + " into " + bundle + ": " + e.getMessage(), e);
    }
  }

  /** Copies the distribution without the left-out plugins, and without them in config/allure.yml. */
  static void write(Path source, Path bundle) throws IOException {
    Files.createDirectories(bundle.toAbsolutePath().getParent());
    Path partial = bundle.resolveSibling(bundle.getFileName() + ".partial");
    try (ZipFile zip = new ZipFile(source.toFile());
         ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (leftOut(entry.getName())) continue;
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(entry)) {
          if (entry.getName().endsWith("/config/allure.yml")) {
            out.write(withoutLeftOut(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
          } else {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    Files.move(partial, bundle, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean leftOut(String name) {
    return LEFT_OUT.stream().anyMatch(plugin -> name.contains("/plugins/" + plugin + "/"));
  }

  static String withoutLeftOut(String config) {
    return config.lines().filter(line -> !LEFT_OUT.contains(line.strip().replaceFirst("^- ", "")))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
