package io.konvoqa.client;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.session.Window;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Fetches every session of a window from {@code GET /ai-sessions}, pages in parallel.
 *
 * <p>Reads the first page for {@code count} (the first window also asks page 0 beside page 1, to
 * learn whether pages start at 0 or 1), fetches the remaining pages concurrently (bounded), stops
 * on an empty page, keeps going past {@code count} while pages come back full (without a
 * {@code count}, until an empty page), de-duplicates by id and sets aside sessions the server sent
 * from outside the window. Build one with {@link #builder()}.
 */
public final class KonvoClient implements AutoCloseable {
  private final String baseUrl;
  private final int pageSize;
  /** How pages are numbered: told, or found by the first window fetched; null until then. */
  private volatile PageNumbering numbering;
  private final int concurrency;
  private final int maxSessions;
  private final PrintStream progressOut;
  private final boolean progressInteractive;
  private final PageFetcher fetcher;
  private final OkHttpClient http;

  private KonvoClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.pageSize = b.pageSize;
    this.numbering = b.firstPage == null ? null : PageNumbering.told(b.firstPage);
    this.concurrency = b.concurrency;
    this.maxSessions = b.maxSessions;
    this.progressOut = b.progressOut;
    this.progressInteractive = b.progressInteractive;
    this.http = new OkHttpClient.Builder()
        .addInterceptor(new ApiKeyInterceptor(b.apiKey))
        .followRedirects(false) // ApiKeyInterceptor follows those that stay on the key's host
        .followSslRedirects(false)
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .callTimeout(b.timeout) // the whole request: a server trickling bytes cannot hold it
        .connectionPool(new ConnectionPool(Math.max(5, b.concurrency), 5, TimeUnit.MINUTES))
        .build();
    KonvoApi api = new Retrofit.Builder()
        .baseUrl(b.baseUrl)
        .client(http)
        .addConverterFactory(new PageConverterFactory())
        .build()
        .create(KonvoApi.class);
    this.fetcher = new PageFetcher(api, b.baseUrl, b.apiKey,
        new PageFetcher.Limits(b.maxTries, b.backoffBase, b.maxRetryWait, b.timeout));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with every client setting taken from {@code settings} (the key only if it has one). */
  public static Builder builder(io.konvoqa.config.Settings settings) {
    Builder builder = new Builder()
        .baseUrl(settings.baseUrl())
        .pageSize(settings.pageSize())
        .concurrency(settings.concurrency())
        .maxTries(settings.maxTries())
        .maxSessions(settings.maxSessions())
        .timeout(settings.timeout())
        .maxRetryWait(settings.maxRetryWait());
    if (settings.firstPage() != null) builder.firstPage(settings.firstPage());
    return settings.apiKey() == null ? builder : builder.apiKey(settings.apiKey());
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Lets go of pooled connections and OkHttp's threads. */
  @Override public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /**
   * Fetches the window with messages and state, or throws {@link KonvoApiException}. The first
   * window also finds out how the API numbers its pages (unless KONVO_FIRST_PAGE says); the later
   * ones reuse what it found.
   */
  public FetchResult fetch(Window window) {
    return fetching(window, null, fetch -> fetch.fetch(numbering));
  }

  /**
   * Fetches the window as {@link #fetch(Window)} does, but keeps none of its sessions: each page
   * goes to {@code sink} as soon as it is decoded and those before it have gone, and only a compact
   * line per id stays (its {@code last_updated} and a hash, about 110 bytes a session) for
   * de-duplication, conflicts and the churn repair. Returns the summary {@link #fetch(Window)}
   * would return for the same pages.
   */
  public FetchSummary fetch(Window window, PageSink sink) {
    Objects.requireNonNull(sink, "sink");
    return fetching(window, sink, fetch -> fetch.stream(numbering));
  }

  private <T> T fetching(Window window, PageSink sink, java.util.function.Function<WindowFetch, T> how) {
    PageFetcher.Query query = new PageFetcher.Query(window, pageSize, new AtomicInteger(), new AtomicInteger());
    try (FetchProgress progress = new FetchProgress(progressOut, progressInteractive);
         WindowFetch fetch = new WindowFetch(fetcher, query, baseUrl, concurrency, maxSessions, progress, sink)) {
      T result = how.apply(fetch);
      if (numbering == null && fetch.numbering().settled()) numbering = fetch.numbering().remembered();
      return result;
    }
  }

  /** Settings of a client; each is checked as it is set. */
  public static final class Builder {
    private String baseUrl = "https://api.konvoai.com/";
    private io.konvoqa.config.Secret apiKey;
    private int pageSize = 200;
    private Integer firstPage;
    private int concurrency = 4;
    private int maxTries = 5;
    private int maxSessions = 100_000;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration timeout = Duration.ofSeconds(60);
    private Duration maxRetryWait = Duration.ofSeconds(60);
    private Duration backoffBase = Duration.ofMillis(500);
    private PrintStream progressOut;
    private boolean progressInteractive;

    private Builder() {}

    public Builder baseUrl(String url) {
      Objects.requireNonNull(url, "baseUrl");
      String withSlash = url.trim().endsWith("/") ? url.trim() : url.trim() + "/";
      HttpUrl parsed = HttpUrl.parse(withSlash);
      if (parsed == null) {
        throw new KonvoApiException(Kind.BAD_CONFIGURATION, "KONVO_BASE_URL is not an http(s) URL: '"
            + url + "' (expected something like https://api.konvoai.com)");
      }
      this.baseUrl = parsed.toString();
      return this;
    }

    /** The key, checked as {@link io.konvoqa.config.Secret#of} checks every secret setting. */
    public Builder apiKey(String key) {
      if (key == null || key.isBlank()) {
        throw new KonvoApiException(Kind.BAD_CONFIGURATION,
            "no API key: set KONVO_API_KEY to your Konvo workspace's key");
      }
      try {
        this.apiKey = io.konvoqa.config.Secret.of("KONVO_API_KEY", key);
      } catch (IllegalArgumentException e) {
        throw new KonvoApiException(Kind.BAD_CONFIGURATION, e.getMessage());
      }
      return this;
    }

    public Builder pageSize(int size) {
      this.pageSize = checkRange("page size (KONVO_PAGE_SIZE)", size, 1, 200);
      return this;
    }

    /** Pages numbered from {@code page}, 0 or 1, without asking the API; unset, it is detected. */
    public Builder firstPage(int page) {
      this.firstPage = checkRange("first page (KONVO_FIRST_PAGE)", page, 0, 1);
      return this;
    }

    public Builder concurrency(int threads) {
      this.concurrency = checkRange("concurrency (KONVO_CONCURRENCY)", threads, 1, 64);
      return this;
    }

    public Builder maxTries(int tries) {
      this.maxTries = checkRange("tries per page (KONVO_MAX_TRIES)", tries, 1, 20);
      return this;
    }

    public Builder maxSessions(int max) {
      this.maxSessions = checkRange("safety cap (KONVO_MAX_SESSIONS)", max, 1, Integer.MAX_VALUE);
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connect timeout", timeout);
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("read timeout (KONVO_TIMEOUT)", timeout);
      return this;
    }

    /** The longest one request may take, all of it (OkHttp's call timeout); also its read timeout. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout per request (KONVO_TIMEOUT)", timeout);
      this.readTimeout = timeout;
      return this;
    }

    /** The longest wait in all, per page, that a {@code Retry-After} may ask for; zero honours none. */
    public Builder maxRetryWait(Duration wait) {
      if (wait == null || wait.isNegative()) {
        throw new KonvoApiException(Kind.BAD_CONFIGURATION,
            "the longest retry wait (KONVO_MAX_RETRY_WAIT) must be zero or more but was " + wait);
      }
      this.maxRetryWait = wait;
      return this;
    }

    /** The first retry waits about this long; each further one doubles it, with jitter. */
    public Builder backoffBase(Duration base) {
      this.backoffBase = positive("backoff base", base);
      return this;
    }

    /** Where the progress line goes (null for none), and whether to redraw it in place. */
    public Builder progress(PrintStream out, boolean interactive) {
      this.progressOut = out;
      this.progressInteractive = interactive;
      return this;
    }

    /** Progress on standard error, redrawn when it is a terminal. */
    public Builder progressOnConsole() {
      return progress(System.err, FetchProgress.interactive());
    }

    public KonvoClient build() {
      if (apiKey == null) apiKey(null);
      return new KonvoClient(this);
    }

    private static int checkRange(String name, int value, int min, int max) {
      if (value < min || value > max) {
        throw new KonvoApiException(Kind.BAD_CONFIGURATION,
            name + " must be " + min + ".." + max + " but was " + value);
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new KonvoApiException(Kind.BAD_CONFIGURATION,
            name + " must be positive but was " + value);
      }
      return value;
    }
  }
}
