package io.konvoqa.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a CI job from a laptop by the variables CI services set. In CI a run without a key must
 * not fall back to the demo workspace: a fork's pull request (whose secrets are empty) or a
 * misspelt secret would otherwise go green on made-up data.
 */
final class ContinuousIntegration {
  private ContinuousIntegration() {}

  /** Set by the CI services named in their docs; any non-empty value (but "false" or "0") counts. */
  static final List<String> VARIABLES = List.of(
      "CI", "CONTINUOUS_INTEGRATION", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "HUDSON_URL",
      "BUILDKITE", "TF_BUILD", "TEAMCITY_VERSION", "CIRCLECI", "TRAVIS", "BITBUCKET_BUILD_NUMBER",
      "CODEBUILD_BUILD_ID", "APPVEYOR", "DRONE", "SEMAPHORE", "BUDDY", "bamboo_buildKey",
      "CF_BUILD_ID");

  /** The first CI variable set in {@code env}, or null when none is: not in CI. */
  static String detect(Map<String, String> env) {
    for (String name : VARIABLES) {
      String value = env.get(name);
      if (value == null) continue;
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (!v.isEmpty() && !v.equals("false") && !v.equals("0")) return name;
    }
    return null;
  }
}
