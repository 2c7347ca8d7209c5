package io.konvoqa.report;

import java.util.Map;

/**
 * Allure's executor panel: which CI build ran the gates (GitHub Actions, GitLab CI, Jenkins), or
 * this machine. Its report name is the title the report opens with.
 */
final class Executor {
  private Executor() {}

  static String json() {
    return json(0);
  }

  /**
   * With offending sessions, the executor's build link (the one link Allure draws in the overview
   * that works from file://) goes to the conversations page; a CI build's address stays the report
   * URL, which Allure's history links to.
   */
  static String json(int offendingSessions) {
    String conversations = offendingSessions <= 0 ? null : String.format(java.util.Locale.ROOT,
        "Conversations: %,d offending session%s", offendingSessions, offendingSessions == 1 ? "" : "s");
    Map<String, String> env = System.getenv();
    if (env.get("GITHUB_ACTIONS") != null) {
      String url = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/"
          + env.get("GITHUB_REPOSITORY") + "/actions/runs/" + env.get("GITHUB_RUN_ID");
      return json("GitHub Actions", "github", env.get("GITHUB_WORKFLOW"), env.get("GITHUB_RUN_NUMBER"), url, conversations);
    }
    if (env.get("GITLAB_CI") != null) {
      return json("GitLab CI", "gitlab", env.get("CI_PROJECT_NAME"), env.get("CI_PIPELINE_ID"), env.get("CI_JOB_URL"),
          conversations);
    }
    if (env.get("JENKINS_URL") != null) {
      return json("Jenkins", "jenkins", env.get("JOB_NAME"), env.get("BUILD_NUMBER"), env.get("BUILD_URL"), conversations);
    }
    if (env.get("CI") != null) return json("CI", "", null, null, null, conversations);
    return json("konvo-qa", "", null, null, null, conversations);
  }

  private static String json(String name, String type, String buildName, String buildOrder, String url,
      String conversations) {
    StringBuilder json = new StringBuilder("{\"name\": ").append(quote(name)).append(", \"type\": ").append(quote(type))
        .append(", \"reportName\": ").append(quote("konvo-qa gates"));
    if (conversations != null) {
      json.append(", \"buildName\": ").append(quote(conversations))
          .append(", \"buildUrl\": ").append(quote(ConversationsPage.FROM_REPORT));
    } else if (buildName != null) {
      json.append(", \"buildName\": ").append(quote(buildName + (buildOrder == null ? "" : " #" + buildOrder)));
    }
    if (buildOrder != null && buildOrder.matches("\\d+")) json.append(", \"buildOrder\": ").append(buildOrder);
    if (url != null) {
      if (conversations == null) json.append(", \"buildUrl\": ").append(quote(url));
      json.append(", \"reportUrl\": ").append(quote(url));
    }
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
