package io.konvoqa.client;

import com.squareup.moshi.JsonReader;
import io.konvoqa.client.KonvoApiException.Kind;
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
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final KonvoApi api;
  private final String baseUrl;
  private final String apiKey;
  private final int maxTries;
  private final Duration backoffBase;

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

  PageFetcher(KonvoApi api, String baseUrl, String apiKey, int maxTries, Duration backoffBase) {
    this.api = api;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.maxTries = maxTries;
    this.backoffBase = backoffBase;
  }

  SessionsPage fetch(Query query, int page) {
    String lastProblem = null;
    Kind lastKind = Kind.SERVER_ERROR;
    for (int attempt = 1; ; attempt++) {
      Duration wait = null;
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
        if (code == 401 || code == 403) {
          throw error(Kind.KEY_REJECTED, "the API key was rejected (HTTP " + code
              + "): check KONVO_API_KEY" + (message.isEmpty() ? "" : " (server said: " + message + ")"));
        }
        if (code != 429 && code < 500) {
          throw error(Kind.BAD_REQUEST, "the Konvo API refused the request for page " + page
              + " (HTTP " + code + ")" + (message.isEmpty() ? "" : ": " + message)
              + "; check the window and KONVO_PAGE_SIZE / KONVO_FIRST_PAGE");
        }
        lastKind = Kind.SERVER_ERROR;
        lastProblem = "HTTP " + code + (message.isEmpty() ? "" : " (" + message + ")");
        wait = retryAfter(response.headers().get("Retry-After"));
      } catch (PageConverterFactory.UnparseablePageException e) {
        if (!e.retryable()) throw unparseable(page, e.getMessage(), e.excerpt);
        lastKind = Kind.UNPARSEABLE_PAGE;
        lastProblem = e.notAPage()
            ? "a 200 that is not a page (" + e.getMessage() + "); the body was: " + e.excerpt
            : "the body was cut off (" + e.getMessage() + "); it ended: " + e.excerpt;
      } catch (UnknownHostException e) {
        throw error(Kind.UNREACHABLE, "could not reach " + baseUrl + "ai-sessions: unknown host "
            + e.getMessage() + "; check KONVO_BASE_URL and your network", e);
      } catch (InterruptedIOException e) {
        lastKind = Kind.UNREACHABLE;
        lastProblem = "timed out (" + e.getMessage() + ")";
      } catch (IOException e) {
        if (query.cancelled().get()) throw new java.util.concurrent.CancellationException("page " + page);
        lastKind = Kind.UNREACHABLE;
        lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
      } finally {
        query.calls().remove(call);
      }
      if (attempt >= maxTries) {
        String advice = lastKind == Kind.UNREACHABLE
            ? "check KONVO_BASE_URL and your network"
            : "the Konvo API is having trouble; try again later or raise KONVO_MAX_TRIES";
        throw error(lastKind, "page " + page + " of " + baseUrl + "ai-sessions failed "
            + attempt + " times, last: " + lastProblem + "; " + advice);
      }
      query.retries().incrementAndGet();
      sleep(wait != null ? wait : backoff(attempt));
    }
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
    return new KonvoApiException(kind, message.replace(apiKey, "***"));
  }

  private KonvoApiException error(Kind kind, String message, Throwable cause) {
    return new KonvoApiException(kind, message.replace(apiKey, "***"), cause);
  }

  Duration backoff(int attempt) {
    long base = backoffBase.toMillis() << Math.min(attempt - 1, 10);
    long capped = Math.min(base, 10_000);
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) return null;
    try {
      long seconds = Long.parseLong(header.trim());
      return clamp(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return clamp(Duration.between(java.time.Instant.now(), at.toInstant()));
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  private static Duration clamp(Duration wait) {
    if (wait.isNegative()) return Duration.ZERO;
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /** The server's own words from an error body: its "message" or "error" field, or a short excerpt. */
  static String serverMessage(ResponseBody body) {
    if (body == null) return "";
    try (body) {
      body.source().request(4096);
      Buffer buffered = body.source().getBuffer();
      String text = buffered.readUtf8(Math.min(buffered.size(), 4096));
      try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
        if (reader.readJsonValue() instanceof java.util.Map<?, ?> map) {
          for (String field : new String[] {"message", "error", "detail"}) {
            if (map.get(field) instanceof String s && !s.isBlank()) return s;
          }
        }
      } catch (IOException | RuntimeException notJson) {
        // fall through to the raw excerpt
      }
      String flat = text.replaceAll("\\s+", " ").strip();
      return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    } catch (IOException e) {
      return "";
    }
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
