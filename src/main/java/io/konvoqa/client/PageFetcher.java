package io.konvoqa.client;

import com.squareup.moshi.JsonReader;
import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.config.Secret;
import io.konvoqa.session.SessionsPage;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ResponseBody;
import okio.Buffer;
import retrofit2.Response;

/**
 * Fetches one page, retrying 429, 5xx and I/O errors with exponential backoff and jitter,
 * honouring {@code Retry-After}; turns every other failure into a {@link KonvoApiException} that
 * says what to do.
 */
final class PageFetcher {
  private final KonvoApi api;
  private final String baseUrl;
  private final Secret apiKey;
  private final Limits limits;

  /**
   * How hard to try: tries per page, the first backoff, the longest a page may wait in all for the
   * API's {@code Retry-After}, and the deadline of one request (for messages; OkHttp enforces it).
   */
  record Limits(int maxTries, Duration backoffBase, Duration maxRetryWait, Duration timeout) {}

  /** One window being fetched, the counters its pages share, and its calls under way. */
  record Query(Window window, int pageSize, AtomicInteger requests, AtomicInteger retries,
      java.util.Set<retrofit2.Call<?>> calls, java.util.concurrent.atomic.AtomicBoolean cancelled,
      java.util.concurrent.atomic.AtomicReference<KonvoApiException> failure) {
    Query(Window window, int pageSize, AtomicInteger requests, AtomicInteger retries) {
      this(window, pageSize, requests, retries, java.util.concurrent.ConcurrentHashMap.newKeySet(),
          new java.util.concurrent.atomic.AtomicBoolean(), new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** Once one page has failed the fetch, stops every other page's request at once. */
    void cancel() {
      cancelled.set(true);
      calls.forEach(retrofit2.Call::cancel);
    }

    /** The same fetch asking for a smaller window: its requests count, fail and cancel with it. */
    Query narrowed(Window smaller) {
      return new Query(smaller, pageSize, requests, retries, calls, cancelled, failure);
    }

    /** The first page to fail the fetch gives the reason, and stops the others at once. */
    void fail(KonvoApiException e) {
      failure.compareAndSet(null, e);
      cancel();
    }
  }

  PageFetcher(KonvoApi api, String baseUrl, Secret apiKey, Limits limits) {
    this.api = api;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.limits = limits;
  }

  SessionsPage fetch(Query query, int page) {
    String lastProblem = null;
    Kind lastKind = Kind.SERVER_ERROR;
    Duration waitedForServer = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      Duration asked = null;
      if (query.cancelled().get()) throw new java.util.concurrent.CancellationException("page " + page);
      query.requests().incrementAndGet();
      retrofit2.Call<SessionsPage> call = api.sessions(page, query.pageSize(),
          Timestamps.format(query.window().from()), Timestamps.format(ceilToMillis(query.window().to())),
          true, true);
      query.calls().add(call);
      try {
        Response<SessionsPage> response = call.execute();
        if (response.isSuccessful()) {
          if (response.body() == null) throw unparseable(page, "the body was empty", "");
          return response.body();
        }
        int code = response.code();
        String message = serverMessage(response.errorBody());
        if (code != 429 && code < 500) throw refused(page, code, message, response);
        lastKind = Kind.SERVER_ERROR;
        asked = retryAfter(response.headers().get("Retry-After"));
        lastProblem = "HTTP " + code + (message.isEmpty() ? "" : " (" + message + ")");
      } catch (PageConverterFactory.UnparseablePageException e) {
        if (e.getCause() instanceof InterruptedIOException timeout) {
          lastKind = Kind.UNREACHABLE;
          lastProblem = timedOut(timeout);
        } else if (!e.retryable()) {
          throw unparseable(page, e.getMessage(), e.excerpt(apiKey::mask));
        } else {
          lastKind = Kind.UNPARSEABLE_PAGE;
          lastProblem = e.notAPage()
              ? "a 200 that is not a page (" + e.getMessage() + "); the body was: " + e.excerpt(apiKey::mask)
              : "the body was cut off (" + e.getMessage() + "); it ended: " + e.excerpt(apiKey::mask);
        }
      } catch (ApiKeyInterceptor.RedirectRefusedException e) {
        throw error(Kind.BAD_CONFIGURATION, e.getMessage());
      } catch (UnknownHostException e) {
        throw error(Kind.UNREACHABLE, "could not reach " + baseUrl + "ai-sessions: unknown host "
            + e.getMessage() + "; check KONVO_BASE_URL and your network", e);
      } catch (InterruptedIOException e) {
        if (query.cancelled().get()) throw new java.util.concurrent.CancellationException("page " + page);
        lastKind = Kind.UNREACHABLE;
        lastProblem = timedOut(e);
      } catch (IOException e) {
        if (query.cancelled().get()) throw new java.util.concurrent.CancellationException("page " + page);
        lastKind = Kind.UNREACHABLE;
        lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
      } catch (KonvoApiException e) {
        throw e;
      } catch (RuntimeException e) { // not thrown by OkHttp for I/O; its text may still quote a header
        throw error(Kind.UNREACHABLE, "page " + page + " of " + baseUrl + "ai-sessions could not be"
            + " requested: " + e, e);
      } finally {
        query.calls().remove(call);
      }
      if (attempt >= limits.maxTries()) {
        String advice = lastKind == Kind.UNREACHABLE
            ? "check KONVO_BASE_URL and your network" + (lastProblem.startsWith("timed out")
                ? ", or raise KONVO_TIMEOUT if the API is just slow" : "")
            : "the Konvo API is having trouble; try again later or raise KONVO_MAX_TRIES";
        throw error(lastKind, "page " + page + " of " + baseUrl + "ai-sessions failed "
            + attempt + " times, last: " + lastProblem
            + (asked == null ? "" : ", asking to retry after " + seconds(asked) + " s") + "; " + advice);
      }
      Duration wait = backoff(attempt);
      if (asked != null) {
        if (waitedForServer.plus(asked).compareTo(limits.maxRetryWait()) > 0) {
          throw tooLongAWait(page, lastProblem, asked, waitedForServer);
        }
        if (asked.compareTo(wait) > 0) wait = asked; // "0" or a past date: the normal backoff
        waitedForServer = waitedForServer.plus(wait);
      }
      query.retries().incrementAndGet();
      sleep(wait);
    }
  }

  /** 401, 403, 404 and other 4xx but 429: retrying cannot help, the message says what can. */
  private KonvoApiException refused(int page, int code, String message, Response<?> response) {
    String said = message.isEmpty() ? "" : " (server said: " + message + ")";
    if (code == 401) {
      return error(Kind.KEY_REJECTED, "the API key was rejected (HTTP 401): check KONVO_API_KEY" + said);
    }
    if (code == 403) {
      return error(Kind.KEY_REJECTED, "the API refused the key (HTTP 403): either the key was rejected"
          + " or it lacks the permission to read ai-sessions; check KONVO_API_KEY and the key's"
          + " permissions in Konvo" + said);
    }
    if (code == 404) {
      okhttp3.HttpUrl url = response.raw().request().url();
      return error(Kind.BAD_CONFIGURATION, "the API has no ai-sessions at " + url.scheme() + "://"
          + url.host() + ":" + url.port() + url.encodedPath() + " (HTTP 404"
          + (message.isEmpty() ? "" : ", server said: " + message) + "): check KONVO_BASE_URL (now "
          + baseUrl + "); it should be the API's address, such as https://api.konvoai.com");
    }
    return error(Kind.BAD_REQUEST, "the Konvo API refused the request for page " + page
        + " (HTTP " + code + ")" + (message.isEmpty() ? "" : ": " + message)
        + "; check the window and KONVO_PAGE_SIZE / KONVO_FIRST_PAGE");
  }

  private KonvoApiException tooLongAWait(int page, String problem, Duration asked, Duration waited) {
    String cap = "KONVO_MAX_RETRY_WAIT=" + seconds(limits.maxRetryWait()) + " s";
    return error(Kind.SERVER_ERROR, "page " + page + " of " + baseUrl + "ai-sessions got " + problem
        + ": the API asked to retry after " + seconds(asked) + " s"
        + (waited.isZero() ? ", more than " + cap
            : ", which would make " + seconds(waited.plus(asked)) + " s of waiting in all, more than " + cap)
        + ": try later or raise it");
  }

  private String timedOut(InterruptedIOException e) {
    return "timed out (" + e.getMessage() + "; KONVO_TIMEOUT allows " + seconds(limits.timeout())
        + " s per request)";
  }

  /** Whole seconds, rounded up: a wait of 0.2 s is "1 s", never "0 s". */
  static long seconds(Duration d) {
    return d.isZero() ? 0 : (d.toMillis() + 999) / 1000;
  }

  /**
   * The API speaks milliseconds: round the window's end up, never down, so no session just
   * before it is missed; the client drops anything the rounding let in as outside the window.
   */
  private static java.time.Instant ceilToMillis(java.time.Instant instant) {
    java.time.Instant floor = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return floor.equals(instant) ? floor : floor.plusMillis(1);
  }

  private KonvoApiException unparseable(int page, String problem, String excerpt) {
    return error(Kind.UNPARSEABLE_PAGE, "page " + page + " from " + baseUrl
        + "ai-sessions is not the JSON the API contract describes: " + problem
        + (excerpt.isEmpty() ? "" : "; near: " + excerpt)
        + "; if this persists, report it to Konvo with the page number and time");
  }

  /** A message that can never contain the key, even if the server echoes it back. */
  private KonvoApiException error(Kind kind, String message) {
    return new KonvoApiException(kind, apiKey.mask(message));
  }

  /**
   * As {@link #error(Kind, String)}, with the cause's class, masked message and stack trace: the
   * cause itself is not chained, because a report prints every "Caused by" of a failed step, and
   * a library's message may quote a header.
   */
  private KonvoApiException error(Kind kind, String message, Throwable cause) {
    Exception masked = new Exception(cause.getClass().getName() + ": " + apiKey.mask(cause.getMessage()));
    masked.setStackTrace(cause.getStackTrace());
    return new KonvoApiException(kind, apiKey.mask(message), masked);
  }

  Duration backoff(int attempt) {
    long base = limits.backoffBase().toMillis() << Math.min(attempt - 1, 10);
    long capped = Math.min(base, 10_000);
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  /**
   * The wait a {@code Retry-After} asks for, in seconds or as an HTTP date; zero for a date past;
   * null when absent or unreadable. Not capped here: the caller compares it with
   * KONVO_MAX_RETRY_WAIT and gives up rather than cut the server's request short.
   */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) return null;
    String text = header.trim();
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // beyond 15 digits no wait is worth reading exactly: a thousand years will do
      return Duration.ofSeconds(text.length() > 15 ? 31_536_000_000L : Long.parseLong(text));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (RuntimeException notADate) {
      return null;
    }
  }

  /**
   * The server's own words from an error body: its "message" or "error" field, or a short excerpt;
   * the key masked before anything is cut, so that no piece of it survives the cut.
   */
  String serverMessage(ResponseBody body) {
    if (body == null) return "";
    try (body) {
      body.source().request(4096);
      Buffer buffered = body.source().getBuffer();
      String text = buffered.readUtf8(Math.min(buffered.size(), 4096));
      try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
        if (reader.readJsonValue() instanceof java.util.Map<?, ?> map) {
          for (String field : new String[] {"message", "error", "detail"}) {
            if (map.get(field) instanceof String s && !s.isBlank()) return excerpt(apiKey.mask(s), 500);
          }
        }
      } catch (IOException | RuntimeException notJson) {
        // fall through to the raw excerpt
      }
      return excerpt(apiKey.mask(text), 200);
    } catch (IOException e) {
      return "";
    }
  }

  /** On one line, at most {@code max} characters and "...": cut only text already masked. */
  static String excerpt(String masked, int max) {
    String flat = masked.replaceAll("\\s+", " ").strip();
    return flat.length() > max ? flat.substring(0, max) + "..." : flat;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KonvoApiException(Kind.UNREACHABLE, "the fetch was interrupted while waiting to retry");
    }
  }
}
