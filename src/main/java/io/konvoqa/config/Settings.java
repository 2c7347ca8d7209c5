package io.konvoqa.config;

import io.konvoqa.session.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Everything a gate run can be told, each read from a {@code -D} system property or else an
 * environment variable (see {@link Setting} for the table). Never prints the API key.
 */
public record Settings(
    String apiKey,
    String baseUrl,
    Path dataFile,
    Boolean demo,
    String ciVariable,
    int pageSize,
    Integer firstPage,
    int concurrency,
    int maxTries,
    int maxSessions,
    Duration timeout,
    int minimumSample,
    Map<String, Role> roles,
    int transcripts,
    String dashboardUrl,
    boolean maskPersonalData,
    String maskSalt,
    Path reportsDir,
    Path baseline,
    Duration maxRetryWait,
    Path stepSummary,
    java.util.List<String> warnings,
    StoreSettings store,
    JudgeSettings judge,
    Long sampleSeed,
    boolean onePass) {

  /** Where the sessions come from; NONE: nowhere a gate may judge (see {@link #noSource()}). */
  public enum Source { LIVE, SNAPSHOT, DEMO, NONE }

  /** Why a run in CI without a key judges nothing: the one line a run then prints. */
  public static final String NO_KEY_IN_CI =
      "no KONVO_API_KEY in CI; set KONVO_DEMO=true to judge the demo workspace";

  /** The store used when KONVO_STORE is not set, where the build's tests say "none". */
  static final String STORE_DEFAULT = "konvo.store.default";

  public static Settings fromEnvironment() {
    return load(System.getenv(), System.getProperties());
  }

  /** Reads the settings; a malformed value fails with a message naming the setting and the fix. */
  public static Settings load(Map<String, String> env, Properties props) {
    Lookup lookup = new Lookup(env, props);
    String data = lookup.get(Setting.DATA);
    Secret apiKey = lookup.secret(Setting.API_KEY);
    JudgeSettings judge = JudgeSettings.load(lookup);
    return new Settings(
        apiKey == null ? null : apiKey.value(),
        lookup.getOr(Setting.BASE_URL),
        data == null ? null : Path.of(data),
        lookup.get(Setting.DEMO) == null ? null : lookup.bool(Setting.DEMO),
        ContinuousIntegration.detect(env),
        lookup.integer(Setting.PAGE_SIZE, 1, 200),
        lookup.get(Setting.FIRST_PAGE) == null ? null : lookup.integer(Setting.FIRST_PAGE, 0, 1),
        lookup.integer(Setting.CONCURRENCY, 1, 64),
        lookup.integer(Setting.MAX_TRIES, 1, 20),
        lookup.integer(Setting.MAX_SESSIONS, 1, Integer.MAX_VALUE),
        Duration.ofSeconds(lookup.integer(Setting.TIMEOUT, 1, 3600)),
        lookup.integer(Setting.MIN_SAMPLE, 1, Integer.MAX_VALUE),
        roles(lookup),
        lookup.integer(Setting.TRANSCRIPTS, 0, 1000),
        lookup.get(Setting.DASHBOARD_URL),
        lookup.bool(Setting.MASK_PERSONAL_DATA),
        lookup.nonBlank(Setting.MASK_SALT),
        Path.of(lookup.getOr(Setting.REPORTS)),
        Path.of(lookup.getOr(Setting.BASELINE)),
        Duration.ofSeconds(lookup.integer(Setting.MAX_RETRY_WAIT, 0, 86_400)),
        stepSummary(env, props),
        warnings(apiKey, judge),
        store(lookup, props),
        judge,
        lookup.get(Setting.SAMPLE_SEED) == null ? null : lookup.whole(Setting.SAMPLE_SEED),
        lookup.bool(Setting.ONE_PASS));
  }

  /** The same settings with another store setting (e.g. {@code --full}). */
  public Settings withStore(StoreSettings newStore) {
    return new Settings(apiKey, baseUrl, dataFile, demo, ciVariable, pageSize, firstPage, concurrency, maxTries,
        maxSessions, timeout, minimumSample, roles, transcripts, dashboardUrl, maskPersonalData, maskSalt,
        reportsDir, baseline, maxRetryWait, stepSummary, warnings, newStore, judge, sampleSeed, onePass);
  }

  /**
   * KONVO_STORE, else -Dkonvo.store.default (the build's tests set it to none, in this JVM's
   * properties, so that no test that loads settings of its own reaches the user's store), else
   * .konvo-qa/sessions.db; "none" is off.
   */
  private static StoreSettings store(Lookup lookup, Properties props) {
    String file = lookup.get(Setting.STORE);
    if (file == null) file = props.getProperty(STORE_DEFAULT, System.getProperty(STORE_DEFAULT, Setting.STORE.fallback));
    return new StoreSettings(file.strip().equalsIgnoreCase("none") ? null : Path.of(file.strip()),
        lookup.bool(Setting.FULL),
        Duration.ofMinutes(lookup.integer(Setting.STORE_OVERLAP, 0, 10_080)),
        Duration.ofHours(lookup.integer(Setting.FULL_SYNC_HOURS, 1, 87_600)));
  }

  /**
   * The file GitHub Actions shows as the job summary ({@code GITHUB_STEP_SUMMARY}, set by the
   * runner, not by the user; {@code -Dgithub.step.summary} wins, as for every setting), or null
   * outside GitHub Actions.
   */
  public static Path stepSummary(Map<String, String> env, Properties props) {
    String file = props.getProperty("github.step.summary");
    if (file == null || file.isBlank()) file = env.get("GITHUB_STEP_SUMMARY");
    return file == null || file.isBlank() ? null : Path.of(file.strip());
  }

  /** Prints what loading corrected (never a secret), one "konvo-qa: warning:" line each. */
  public void warn(java.io.PrintStream console) {
    warnings.forEach(w -> console.println("konvo-qa: warning: " + w));
  }

  /**
   * The data file, else the key, else the demo workspace: by default outside CI only, since in CI
   * (a fork's pull request has no secrets) a missing key must not go green on made-up data.
   */
  public Source source() {
    if (dataFile != null) return Source.SNAPSHOT;
    if (apiKey != null) return Source.LIVE;
    if (demo != null) return demo ? Source.DEMO : Source.NONE;
    return ciVariable == null ? Source.DEMO : Source.NONE;
  }

  /** Why {@link #source()} is NONE, in one line; null when there is a source. */
  public String noSource() {
    if (source() != Source.NONE) return null;
    if (Boolean.FALSE.equals(demo)) {
      return "no KONVO_API_KEY and KONVO_DEMO=false: set KONVO_API_KEY to judge your live sessions,"
          + " or KONVO_DATA to replay a snapshot";
    }
    return NO_KEY_IN_CI;
  }

  private static java.util.List<String> warnings(Secret apiKey, JudgeSettings judge) {
    java.util.List<String> warnings = new java.util.ArrayList<>();
    if (apiKey != null && apiKey.warning() != null) warnings.add(apiKey.warning());
    if (judge.warning() != null) warnings.add(judge.warning());
    return java.util.List.copyOf(warnings);
  }

  private static Map<String, Role> roles(Lookup lookup) {
    try {
      return Role.parseMapping(lookup.get(Setting.ROLES));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Setting.ROLES.env + ": " + e.getMessage());
    }
  }

  @Override public String toString() {
    return "Settings[source=" + source() + ", baseUrl=" + baseUrl + ", apiKey="
        + (apiKey == null ? "none" : "***") + ", dataFile=" + dataFile + "]";
  }

  record Lookup(Map<String, String> env, Properties props) {
    String get(Setting setting) {
      String value = props.getProperty(setting.property);
      if (value == null || value.isBlank()) value = env.get(setting.env);
      return value == null || value.isBlank() ? null : value.trim();
    }

    /** A secret as set, checked ({@link Secret#of}); unset or blank is null. */
    Secret secret(Setting setting) {
      String value = props.getProperty(setting.property);
      if (value == null || value.isBlank()) value = env.get(setting.env);
      return value == null || value.isBlank() ? null : Secret.of(setting.env, value);
    }

    /** The value as set, untrimmed; unset is null, set but blank an error (a secret that is not one). */
    String nonBlank(Setting setting) {
      String value = props.getProperty(setting.property);
      if (value == null) value = env.get(setting.env);
      if (value != null && value.isBlank()) {
        throw new IllegalArgumentException(setting.env + " (or -D" + setting.property + ") is set but"
            + " blank: set it to any non-blank text, the same wherever customer tokens should match,"
            + " or unset it to keep a random salt in .konvo-qa/mask-salt");
      }
      return value;
    }

    String getOr(Setting setting) {
      String value = get(setting);
      return value == null ? setting.fallback : value;
    }

    int integer(Setting setting, int min, int max) {
      String text = getOr(setting);
      int value;
      try {
        value = Integer.parseInt(text.replace("_", "").replace(",", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(setting.env + " (or -D" + setting.property
            + ") must be a whole number but was '" + text + "'");
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException(setting.env + " (or -D" + setting.property + ") must be "
            + min + ".." + max + " but was " + value);
      }
      return value;
    }

    double decimal(Setting setting, double min, double max) {
      String text = getOr(setting);
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(setting.env + " (or -D" + setting.property
            + ") must be a number such as " + setting.fallback + " but was '" + text + "'");
      }
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException(setting.env + " (or -D" + setting.property + ") must be "
            + min + ".." + max + " but was " + text);
      }
      return value;
    }

    long whole(Setting setting) {
      String text = getOr(setting);
      try {
        return Long.parseLong(text.replace("_", "").replace(",", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(setting.env + " (or -D" + setting.property
            + ") must be a whole number but was '" + text + "'");
      }
    }

    boolean bool(Setting setting) {
      String text = getOr(setting).toLowerCase(Locale.ROOT);
      return switch (text) {
        case "true", "yes", "on", "1" -> true;
        case "false", "no", "off", "0" -> false;
        default -> throw new IllegalArgumentException(setting.env + " (or -D" + setting.property
            + ") must be true or false but was '" + text + "'");
      };
    }
  }
}
