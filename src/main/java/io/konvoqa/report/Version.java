package io.konvoqa.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness version, as Maven wrote it into {@code io/konvoqa/version.properties}. */
public final class Version {
  private Version() {}

  public static String get() {
    try (InputStream in = Version.class.getResourceAsStream("/io/konvoqa/version.properties")) {
      if (in == null) return "dev";
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
