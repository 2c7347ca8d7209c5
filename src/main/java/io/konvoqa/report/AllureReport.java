package io.konvoqa.report;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Generates the HTML report from the results with Allure's command line ({@link AllureHome}: the
 * copy bundled in konvo-qa.jar, or {@code ALLURE_HOME}), run as a child of this same Java: a single
 * file that opens by double-click, and a multi-file site that keeps the history for the next run's
 * trends. Both get konvo-qa's report plugin and a script policy, as the Maven path's do.
 */
public final class AllureReport {
  public static final String VERSION = "2.34.1";

  private AllureReport() {}

  /**
   * Generates both reports. Returns why there is no HTML report and how to get one (for the
   * summary), or empty when both were written.
   */
  public static Optional<String> generate(Path reportsDir, PrintStream console) {
    AllureHome.Found allure = AllureHome.locate();
    if (allure.home() == null) {
      console.println("konvo-qa: no HTML report: " + allure.problem());
      return Optional.of(allure.problem());
    }
    try {
      ReportPlugin.install(allure.home());
    } catch (RuntimeException e) {
      console.println("konvo-qa: " + e.getMessage() + "; the report shows HTML attachments in Allure's short frames");
    }
    Path results = RunReport.results(reportsDir);
    Optional<String> failed = generate(allure.home(), List.of("--single-file", "-o",
        reportsDir.resolve("allure-report").toString(), results.toString()), console);
    if (failed.isEmpty()) {
      failed = generate(allure.home(), List.of("-o", reportsDir.resolve("allure-site").toString(), results.toString()), console);
    }
    stripAnalytics(reportsDir);
    return failed;
  }

  private static final java.util.regex.Pattern ANALYTICS = java.util.regex.Pattern.compile(
      "\\s*<script async src=\"https://www\\.googletagmanager\\.com/[^\"]*\"></script>"
          + "\\s*<script>\\s*window\\.dataLayer.*?</script>", java.util.regex.Pattern.DOTALL);

  private static final java.util.regex.Pattern INLINE_SCRIPT = java.util.regex.Pattern.compile(
      "<script(?:\\s[^>]*)?>(.*?)</script>", java.util.regex.Pattern.DOTALL);
  private static final String CHARSET = "<meta charset=\"utf-8\">";

  /**
   * Removes the Google Analytics snippet Allure 2.34 puts into every report: a report of
   * customer conversations must not call a third party when a reviewer opens it. Then adds a
   * Content-Security-Policy that lets only Allure's own scripts run: Allure 2.34 writes a failure
   * message into the test result page as HTML (fixed upstream in 2.39), and a gate's message
   * quotes customer text, so an event handler in a message would otherwise run in the report.
   */
  public static void stripAnalytics(Path reportsDir) {
    for (Path index : List.of(reportsDir.resolve("allure-report").resolve("index.html"),
        reportsDir.resolve("allure-site").resolve("index.html"))) {
      try {
        if (!Files.exists(index)) continue;
        String html = Files.readString(index);
        String stripped = withScriptPolicy(ANALYTICS.matcher(html).replaceFirst(""));
        if (!stripped.equals(html)) Files.writeString(index, stripped);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not rewrite " + index + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The page's scripts: its own files ('self', or data: URLs in the single file) and its inline
   * blocks by hash. No 'unsafe-inline', so no event handler attribute and no injected script runs.
   */
  static String withScriptPolicy(String html) {
    if (html.contains("http-equiv=\"Content-Security-Policy\"") || !html.contains(CHARSET)) return html;
    StringBuilder sources = new StringBuilder("script-src 'self' data: 'unsafe-eval'");
    java.util.regex.Matcher m = INLINE_SCRIPT.matcher(html);
    while (m.find()) {
      if (m.group(0).startsWith("<script src=") || m.group(0).contains(" src=\"")) continue;
      sources.append(" 'sha256-").append(sha256(m.group(1))).append('\'');
    }
    return html.replaceFirst(java.util.regex.Pattern.quote(CHARSET), CHARSET
        + "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"" + sources + "; object-src 'none'\">");
  }

  private static String sha256(String script) {
    try {
      return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
          .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Runs {@code allure generate --clean ARGS}; returns why it failed, or empty. */
  private static Optional<String> generate(Path home, List<String> args, PrintStream console) {
    List<String> command = new ArrayList<>(List.of(java().toString(), "-cp",
        home.resolve("lib").resolve("*") + File.pathSeparator + home.resolve("lib").resolve("config"),
        "io.qameta.allure.CommandLine", "generate", "--clean"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("APP_HOME", home.toString()); // where Allure reads config/ and plugins/
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return failed("Allure (" + home + ") did not finish generating the report in 5 minutes", console);
      }
      if (process.exitValue() != 0) {
        console.println("konvo-qa: Allure could not generate the report: " + output.strip());
        return Optional.of("Allure (" + home + ") could not generate it (exit " + process.exitValue()
            + ", its output is above); fix what it names and run the gates again");
      }
      return Optional.empty();
    } catch (IOException e) {
      return failed("could not start Allure (" + home + ") with " + java() + ": " + e.getMessage(), console);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("the run was interrupted while Allure generated the report", console);
    }
  }

  private static Optional<String> failed(String why, PrintStream console) {
    console.println("konvo-qa: no HTML report: " + why);
    return Optional.of(why);
  }

  /** The java of the running JVM: Allure needs no java on the PATH. */
  private static Path java() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
  }
}
