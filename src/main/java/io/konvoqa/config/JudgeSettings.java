package io.konvoqa.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * The settings of the judge that grades semantic gates (the KONVO_JUDGE_* rows of {@link Setting})
 * and where rubrics are. The key is a {@link Secret}: this record's text shows it as {@code ***}.
 *
 * @param url the OpenAI-compatible base URL ({@code .../v1}), or null: no judge configured
 * @param model the model to ask; set whenever {@code url} is
 * @param apiKey the key, or null (a local server needs none)
 */
public record JudgeSettings(String url, String model, Secret apiKey, String apiKeyHeader,
    int concurrency, boolean jsonMode, int maxChars, int maxCalls, Path cache,
    boolean sendPersonalData, double demoErrorRate, Path rubrics) {

  /** The model the demo judge calls itself when none is set. */
  public static final String DEMO_MODEL = "konvo-demo-judge";

  static JudgeSettings load(Settings.Lookup lookup) {
    String url = lookup.get(Setting.JUDGE_URL);
    String model = lookup.get(Setting.JUDGE_MODEL);
    if (url != null) checkUrl(url);
    if (url != null && model == null) {
      throw new IllegalArgumentException(Setting.JUDGE_URL.env + " is set but " + Setting.JUDGE_MODEL.env
          + " is not: set it to the model the endpoint serves, such as gpt-4o-mini or llama3.1");
    }
    String header = lookup.getOr(Setting.JUDGE_API_KEY_HEADER);
    if (!header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException(Setting.JUDGE_API_KEY_HEADER.env + " must be an HTTP header"
          + " name such as Authorization or api-key but was '" + header + "'");
    }
    return new JudgeSettings(url, model, lookup.secret(Setting.JUDGE_API_KEY), header,
        lookup.integer(Setting.JUDGE_CONCURRENCY, 1, 64),
        lookup.bool(Setting.JUDGE_JSON_MODE),
        lookup.integer(Setting.JUDGE_MAX_CHARS, 1_000, 10_000_000),
        lookup.integer(Setting.JUDGE_MAX_CALLS, 0, Integer.MAX_VALUE),
        cache(lookup),
        lookup.bool(Setting.JUDGE_SEND_PERSONAL_DATA),
        lookup.decimal(Setting.JUDGE_DEMO_ERROR_RATE, 0, 0.5),
        Path.of(lookup.getOr(Setting.RUBRICS)));
  }

  private static void checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new IllegalArgumentException(Setting.JUDGE_URL.env + " must be an http(s) URL such as"
          + " https://api.openai.com/v1 or http://localhost:11434/v1 but was '" + url + "'");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException(Setting.JUDGE_URL.env + " must not hold credentials (user:password@):"
          + " put the key in " + Setting.JUDGE_API_KEY.env);
    }
  }

  /** The key's warning (whitespace trimmed), or null. */
  String warning() {
    return apiKey == null ? null : apiKey.warning();
  }

  /** The build's tests set this JVM-wide, so that no test that loads settings of its own caches into the working directory. */
  static final String CACHE_DEFAULT = "konvo.judge.cache.default";

  /** KONVO_JUDGE_CACHE, else -Dkonvo.judge.cache.default, else .konvo-qa/judgments. */
  private static Path cache(Settings.Lookup lookup) {
    String dir = lookup.get(Setting.JUDGE_CACHE);
    return Path.of(dir != null ? dir : System.getProperty(CACHE_DEFAULT, Setting.JUDGE_CACHE.fallback));
  }
}
