package io.konvoqa.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates the HTML report from the results with the Allure command line that the Maven build
 * unpacks into {@code .allure/}: a single file that opens by double-click, and a multi-file site
 * that keeps the history for the next run's trends.
 */
public final class AllureReport {
  public static final String VERSION = "2.34.1";

  private AllureReport() {}

  /** The unpacked command line, from {@code ALLURE_HOME} or {@code .allure/allure-VERSION}; null when absent. */
  public static Path commandLine() {
    String home = System.getenv("ALLURE_HOME");
    Path base = home != null ? Path.of(home) : Path.of(".allure", "allure-" + VERSION);
    Path script = base.resolve("bin").resolve("allure");
    return Files.isExecutable(script) ? script : null;
  }

  /** Generates both reports; says so and returns false when Allure is not installed or fails. */
  public static boolean generate(Path reportsDir, PrintStream console) {
    Path allure = commandLine();
    if (allure == null) {
      console.println("konvo-qa: Allure " + VERSION + " is not unpacked under .allure/, so no HTML report"
          + " was generated (results are in " + RunReport.results(reportsDir) + "); run"
          + " 'mvn -Pgate verify' once, or set ALLURE_HOME");
      return false;
    }
    try {
      ReportPlugin.install(allure.getParent().getParent());
    } catch (RuntimeException e) {
      console.println("konvo-qa: " + e.getMessage() + "; the report shows HTML attachments in Allure's short frames");
    }
    Path results = RunReport.results(reportsDir);
    boolean generated = generate(allure, List.of("--single-file", "-o",
        reportsDir.resolve("allure-report").toString(), results.toString()), console)
        && generate(allure, List.of("-o", reportsDir.resolve("allure-site").toString(), results.toString()), console);
    if (generated) stripAnalytics(reportsDir);
    return generated;
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

  private static boolean generate(Path allure, List<String> args, PrintStream console) {
    List<String> command = new java.util.ArrayList<>(List.of(allure.toString(), "generate", "--clean"));
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        console.println("konvo-qa: Allure could not generate the report: " + output.strip());
        return false;
      }
      return true;
    } catch (IOException e) {
      console.println("konvo-qa: could not run Allure at " + allure + ": " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
