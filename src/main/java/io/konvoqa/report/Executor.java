package io.konvoqa.report;

import java.util.Map;

/**
 * Allure's executor panel: which CI build ran the gates (GitHub Actions, GitLab CI, Jenkins), or
 * this machine. Its report name is the title the report opens with.
 */
final class Executor {
  private Executor() {}

  static String json() {
    Map<String, String> env = System.getenv();
    if (env.get("GITHUB_ACTIONS") != null) {
      String url = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/"
          + env.get("GITHUB_REPOSITORY") + "/actions/runs/" + env.get("GITHUB_RUN_ID");
      return json("GitHub Actions", "github", env.get("GITHUB_WORKFLOW"), env.get("GITHUB_RUN_NUMBER"), url);
    }
    if (env.get("GITLAB_CI") != null) {
      return json("GitLab CI", "gitlab", env.get("CI_PROJECT_NAME"), env.get("CI_PIPELINE_ID"), env.get("CI_JOB_URL"));
    }
    if (env.get("JENKINS_URL") != null) {
      return json("Jenkins", "jenkins", env.get("JOB_NAME"), env.get("BUILD_NUMBER"), env.get("BUILD_URL"));
    }
    if (env.get("CI") != null) return json("CI", "", null, null, null);
    return json("konvo-qa", "", null, null, null);
  }

  private static String json(String name, String type, String buildName, String buildOrder, String url) {
    StringBuilder json = new StringBuilder("{\"name\": ").append(quote(name)).append(", \"type\": ").append(quote(type))
        .append(", \"reportName\": ").append(quote("konvo-qa gates"));
    if (buildName != null) json.append(", \"buildName\": ").append(quote(buildName + (buildOrder == null ? "" : " #" + buildOrder)));
    if (buildOrder != null && buildOrder.matches("\\d+")) json.append(", \"buildOrder\": ").append(buildOrder);
    if (url != null) json.append(", \"buildUrl\": ").append(quote(url)).append(", \"reportUrl\": ").append(quote(url));
    return json.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
