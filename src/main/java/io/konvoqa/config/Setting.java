package io.konvoqa.config;

/** One configurable value: its environment variable, its system property and its default. */
public enum Setting {
  API_KEY("KONVO_API_KEY", null, "The Konvo API key. Set: run against the live API. Never printed."),
  BASE_URL("KONVO_BASE_URL", "https://api.konvoai.com", "The API's base URL."),
  DATA("KONVO_DATA", null,
      "A dataset or snapshot file (.json or .json.gz): run against the simulator serving it, with"
          + " \"now\" the end of its recorded window (else its recorded_at)."),
  DEMO("KONVO_DEMO", null,
      "true: judge the bundled demo workspace when neither KONVO_API_KEY nor KONVO_DATA is set, in"
          + " CI too; false: never. Unset: the demo outside CI, could not judge in CI."),
  PAGE_SIZE("KONVO_PAGE_SIZE", "200", "Sessions per page, 1..200."),
  FIRST_PAGE("KONVO_FIRST_PAGE", null,
      "The number of the first page, 0 or 1; unset, it is detected (page 0 asked for beside page 1)."),
  CONCURRENCY("KONVO_CONCURRENCY", "4", "Pages fetched at the same time, 1..64."),
  MAX_TRIES("KONVO_MAX_TRIES", "5", "Tries per page on 429, 5xx and I/O errors."),
  MAX_SESSIONS("KONVO_MAX_SESSIONS", "100000", "Safety cap on sessions per window."),
  STORE("KONVO_STORE", ".konvo-qa/sessions.db",
      "The local session store of live runs (SQLite): a run fetches only what changed since the last"
          + " one; none: no store, every window fetched whole. The demo and snapshots never use it."),
  FULL("KONVO_FULL", "false", "true: fetch every window whole this run (as --full), refreshing the store."),
  STORE_OVERLAP("KONVO_STORE_OVERLAP", "10",
      "Minutes before the last sync a run asks for again, for clock skew and late writes."),
  FULL_SYNC_HOURS("KONVO_FULL_SYNC_HOURS", "24",
      "Hours after which a window is fetched whole again instead of only what changed."),
  TIMEOUT("KONVO_TIMEOUT", "60", "The longest one request may take, all of it, in seconds."),
  MAX_RETRY_WAIT("KONVO_MAX_RETRY_WAIT", "60",
      "The longest the client waits in all for one page when the API asks it to retry later"
          + " (Retry-After), in seconds; an API asking for longer ends the fetch at once."),
  MIN_SAMPLE("KONVO_MIN_SAMPLE", "30", "Default minimum sample: fewer sessions cannot be judged."),
  ROLES("KONVO_ROLES", "RECIPIENT=customer,AI=ai,AGENT=human_agent",
      "How initiator_origin maps to roles; other origins are shown as-is."),
  TRANSCRIPTS("KONVO_TRANSCRIPTS", "10", "Offending sessions shown as transcripts per gate."),
  DASHBOARD_URL("KONVO_DASHBOARD_URL", null,
      "Link template to a session in the Konvo dashboard, with {id}; no link when unset."),
  MASK_PERSONAL_DATA("KONVO_MASK_PERSONAL_DATA", "true",
      "Mask phone numbers, e-mail addresses and external_user_id in reports."),
  MASK_SALT("KONVO_MASK_SALT", null,
      "The secret behind the customer tokens of masked reports, any text; unset, a random one is"
          + " kept in .konvo-qa/mask-salt. Never printed."),
  REPORTS("KONVO_REPORTS", "reports", "Where results, the report and the summary are written."),
  BASELINE("KONVO_BASELINE", "snapshots/baseline.json.gz",
      "The blessed baseline snapshot: where 'bless' puts it and what 'Given the blessed baseline'"
          + " reads."),
  JUDGE_URL("KONVO_JUDGE_URL", null,
      "The OpenAI-compatible Chat Completions endpoint that grades judged gates, e.g."
          + " https://api.openai.com/v1 or http://localhost:11434/v1; unset, the demo judge in demo"
          + " mode and none otherwise."),
  JUDGE_MODEL("KONVO_JUDGE_MODEL", null, "The judge's model, e.g. gpt-4o-mini; needed with KONVO_JUDGE_URL."),
  JUDGE_API_KEY("KONVO_JUDGE_API_KEY", null, "The judge endpoint's key. Never printed, logged or cached."),
  JUDGE_API_KEY_HEADER("KONVO_JUDGE_API_KEY_HEADER", "Authorization",
      "The header the judge key goes in: Authorization sends 'Bearer <key>', any other (api-key) the key alone."),
  JUDGE_CONCURRENCY("KONVO_JUDGE_CONCURRENCY", "4", "Judge calls at the same time, 1..64."),
  JUDGE_JSON_MODE("KONVO_JUDGE_JSON_MODE", "true",
      "Ask for response_format json_object; false for servers that lack it."),
  JUDGE_MAX_CHARS("KONVO_JUDGE_MAX_CHARS", "12000",
      "Longest transcript sent to the judge, in characters; first and last messages kept, the cut marked."),
  JUDGE_MAX_CALLS("KONVO_JUDGE_MAX_CALLS", "1000",
      "Judge calls per run; a gate needing more could not judge, naming this budget."),
  JUDGE_CACHE("KONVO_JUDGE_CACHE", ".konvo-qa/judgments",
      "Where judgments are cached: a second run over the same sessions makes no judge calls."),
  JUDGE_SEND_PERSONAL_DATA("KONVO_JUDGE_SEND_PERSONAL_DATA", "false",
      "true: send transcripts to the judge unmasked (phones, e-mails, external_user_id); said loudly."),
  JUDGE_DEMO_ERROR_RATE("KONVO_JUDGE_DEMO_ERROR_RATE", "0.05",
      "How often the demo judge gets a grade wrong on purpose (seeded), 0..0.5: for calibration."),
  RUBRICS("KONVO_RUBRICS", "rubrics", "Where rubric files (name.md) and their labels (name.labels.jsonl) are."),
  SAMPLE_SEED("KONVO_SAMPLE_SEED", null,
      "The seed of every 'Given a random sample of N sessions', a whole number; unset, each scenario's"
          + " own (from its name), so the same window and scenario give the same sample."),
  ONE_PASS("KONVO_ONE_PASS", "true",
      "true: the run plans its gates first and reads each window once for all of them; false: each"
          + " gate reads its window on its own. The verdicts are the same.");

  public final String env;
  public final String property;
  public final String fallback;
  public final String description;

  Setting(String env, String fallback, String description) {
    this.env = env;
    this.property = env.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    this.fallback = fallback;
    this.description = description;
  }
}
