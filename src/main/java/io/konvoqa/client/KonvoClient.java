package io.konvoqa.client;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.session.SessionsPage;
import io.konvoqa.session.Window;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Fetches every session of a window from {@code GET /ai-sessions}, pages in parallel.
 *
 * <p>Reads page one for {@code count}, fetches the remaining pages concurrently (bounded), stops
 * on an empty page, keeps going past {@code count} while pages come back full, de-duplicates by
 * id and sets aside sessions the server sent from outside the window. Build one with
 * {@link #builder()}.
 */
public final class KonvoClient implements AutoCloseable {
  private final String baseUrl;
  private final int pageSize;
  private final int firstPage;
  private final int concurrency;
  private final int maxSessions;
  private final PrintStream progressOut;
  private final boolean progressInteractive;
  private final PageFetcher fetcher;
  private final OkHttpClient http;

  private KonvoClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.pageSize = b.pageSize;
    this.firstPage = b.firstPage;
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
        .firstPage(settings.firstPage())
        .concurrency(settings.concurrency())
        .maxTries(settings.maxTries())
        .maxSessions(settings.maxSessions())
        .timeout(settings.timeout())
        .maxRetryWait(settings.maxRetryWait());
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

  /** Fetches the window with messages and state, or throws {@link KonvoApiException}. */
  public FetchResult fetch(Window window) {
    long started = System.nanoTime();
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    try (FetchProgress progress = new FetchProgress(progressOut, progressInteractive)) {
      PageFetcher.Query query = new PageFetcher.Query(window, pageSize, requests, retries);
      SessionsPage first = fetcher.fetch(query, firstPage);
      Integer count = first.count();
      if (count != null && count > maxSessions) throw tooMany(String.format(java.util.Locale.ROOT, "%,d sessions", count));
      int pages = count == null ? 1 : Math.max(1, (count + pageSize - 1) / pageSize);
      progress.pages(pages, false);
      progress.pageDone(first.result().size());

      SessionCollector collector = new SessionCollector(count == null ? pageSize : Math.min(count, maxSessions));
      collector.add(first);
      if (!first.result().isEmpty()) {
        // When count fills the last page exactly, the page after it must be read anyway (count
        // may understate the window): ask for it with the others instead of one round trip later.
        int last = firstPage + pages - 1 + (count != null && count > 0 && count % pageSize == 0 ? 1 : 0);
        fetchConcurrently(query, firstPage + 1, last, progress, collector);
        fetchPastCount(query, last + 1, collector, progress);
      }
      return collector.result(window, count, requests.get(), retries.get(),
          "pages numbered from " + firstPage + " (KONVO_FIRST_PAGE)", Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** Fetches pages {@code from..to} concurrently; the collector takes each, in order, as it lands. */
  private void fetchConcurrently(
      PageFetcher.Query query, int from, int to, FetchProgress progress, SessionCollector collector) {
    if (to < from) return;
    AtomicInteger emptyAt = new AtomicInteger(Integer.MAX_VALUE);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread thread = new Thread(r, "konvo-fetch");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<SessionsPage>> futures = new ArrayList<>();
      for (int page = from; page <= to; page++) {
        int p = page;
        futures.add(pool.submit(() -> {
          if (p > emptyAt.get()) return null; // an earlier page was already empty
          SessionsPage result = fetcher.fetch(query, p);
          if (result.result().isEmpty()) emptyAt.accumulateAndGet(p, Math::min);
          progress.pageDone(result.result().size());
          return result;
        }));
      }
      try {
        for (Future<SessionsPage> future : futures) {
          SessionsPage page = await(future);
          if (page != null) collector.add(page);
        }
      } catch (RuntimeException e) {
        query.cancel();
        futures.forEach(f -> f.cancel(true));
        throw e;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** When {@code count} understated the window, pages keep coming back full: read on. */
  private void fetchPastCount(
      PageFetcher.Query query, int next, SessionCollector collector, FetchProgress progress) {
    SessionsPage last = collector.lastPage();
    while (last.result().size() >= pageSize && !last.result().isEmpty()) {
      progress.pages(next - firstPage, true);
      last = fetcher.fetch(query, next++);
      if (collector.received() + last.result().size() > maxSessions) {
        throw tooMany(String.format(java.util.Locale.ROOT, "more than %,d sessions", collector.received() + last.result().size()));
      }
      progress.pageDone(last.result().size());
      collector.add(last); // an empty page is a page fetched too: pages + retries == requests
    }
  }

  private KonvoApiException tooMany(String what) {
    return new KonvoApiException(Kind.TOO_MANY_SESSIONS, "the window holds " + what
        + ", more than the safety cap of " + String.format(java.util.Locale.ROOT, "%,d", maxSessions)
        + " per window: narrow the window, or raise KONVO_MAX_SESSIONS if the memory allows");
  }

  private static SessionsPage await(Future<SessionsPage> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KonvoApiException(Kind.UNREACHABLE, "the fetch was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KonvoApiException api) throw api;
      throw new KonvoApiException(Kind.UNREACHABLE, "fetching a page failed: " + e.getCause(), e);
    }
  }

  /** Settings of a client; each is checked as it is set. */
  public static final class Builder {
    private String baseUrl = "https://api.konvoai.com/";
    private io.konvoqa.config.Secret apiKey;
    private int pageSize = 200;
    private int firstPage = 1;
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
