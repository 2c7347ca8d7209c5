package io.konvoqa.report;

/** The harness version, from the jar's manifest (or "dev" when run from classes). */
public final class Version {
  private Version() {}

  public static String get() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
