package io.konvoqa.grader;

import io.konvoqa.config.Secret;
import io.konvoqa.grader.JudgeException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Calls {@code POST {url}/chat/completions} with the sessions client's policy: 429, 5xx, I/O
 * errors and garbled bodies retried with doubling backoff and jitter, {@code Retry-After}
 * honoured up to KONVO_MAX_RETRY_WAIT, one deadline per request (KONVO_TIMEOUT); anything else a
 * {@link JudgeException} saying what to fix. Redirects are not followed, so the key never leaves
 * its host. Messages never contain the key.
 */
final class JudgeClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final int MAX_BODY = 1 << 20;

  /** Tries per call, the first backoff, the longest Retry-After wait per call, the deadline per request. */
  record Limits(int maxTries, Duration backoffBase, Duration maxRetryWait, Duration timeout) {
    Limits {
      if (maxTries < 1) throw new IllegalArgumentException("maxTries must be 1 or more but was " + maxTries);
      Objects.requireNonNull(backoffBase, "backoffBase");
      Objects.requireNonNull(maxRetryWait, "maxRetryWait");
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  private final String url;
  private final Secret key;
  private final Limits limits;
  private final OkHttpClient http;
  private final ChatApi api;
  private final AtomicLong requests = new AtomicLong();

  JudgeClient(String baseUrl, Secret key, String keyHeader, Limits limits, int concurrency) {
    String withSlash = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    HttpUrl parsed = HttpUrl.parse(withSlash);
    if (parsed == null) {
      throw new IllegalArgumentException("KONVO_JUDGE_URL is not an http(s) URL: '" + baseUrl + "'");
    }
    this.url = parsed.toString();
    this.key = key;
    this.limits = limits;
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(limits.timeout())
        .callTimeout(limits.timeout())
        .connectionPool(new ConnectionPool(Math.max(5, concurrency), 5, TimeUnit.MINUTES));
    if (key != null) {
      String value = keyHeader.equalsIgnoreCase("Authorization") ? "Bearer " + key.value() : key.value();
      builder.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header(keyHeader, value).build()));
    }
    this.http = builder.build();
    this.api = new Retrofit.Builder().baseUrl(parsed).client(http).build().create(ChatApi.class);
  }

  /** The host the judge is at, for the report (never a key, never a path's secrets). */
  String host() {
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed == null ? url : parsed.host() + (parsed.port() == HttpUrl.defaultPort(parsed.scheme()) ? "" : ":" + parsed.port());
  }

  /** HTTP requests sent so far, retries included. */
  long requests() {
    return requests.get();
  }

  ChatReply complete(ChatRequest request) {
    String body = request.json();
    String lastProblem = null;
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      Duration asked = null;
      requests.incrementAndGet();
      try {
        Response<ResponseBody> response = api.complete(RequestBody.create(JSON, body)).execute();
        String text = read(response.isSuccessful() ? response.body() : response.errorBody());
        int code = response.code();
        if (response.isSuccessful()) {
          try {
            return ChatReply.read(text);
          } catch (IllegalArgumentException e) {
            lastProblem = "a 200 that is not a chat completion (" + e.getMessage() + "): " + excerpt(text);
          }
        } else if (code == 429 || code >= 500) {
          asked = Backoff.retryAfter(response.headers().get("Retry-After"));
          lastProblem = "HTTP " + code + serverSaid(text);
        } else {
          throw refused(code, text, response.headers().get("Location"));
        }
      } catch (UnknownHostException e) {
        throw error(Kind.BAD_CONFIGURATION, "could not reach the judge at " + url + ": unknown host "
            + e.getMessage() + "; check KONVO_JUDGE_URL and your network");
      } catch (InterruptedIOException e) {
        lastProblem = "timed out (" + e.getMessage() + "; KONVO_TIMEOUT allows "
            + Backoff.seconds(limits.timeout()) + " s per request)";
      } catch (IOException e) {
        lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (attempt >= limits.maxTries()) {
        throw error(Kind.UNAVAILABLE, "the judge at " + url + "chat/completions failed " + attempt
            + " time" + (attempt == 1 ? "" : "s") + ", last: " + lastProblem
            + "; try again later or raise KONVO_MAX_TRIES");
      }
      Duration wait = Backoff.wait(limits.backoffBase(), attempt);
      if (asked != null) {
        if (waited.plus(asked).compareTo(limits.maxRetryWait()) > 0) {
          throw error(Kind.UNAVAILABLE, "the judge at " + url + "chat/completions got " + lastProblem
              + " and asked to retry after " + Backoff.seconds(asked) + " s, more than KONVO_MAX_RETRY_WAIT="
              + Backoff.seconds(limits.maxRetryWait()) + " s allows in all: try later or raise it");
        }
        if (asked.compareTo(wait) > 0) wait = asked;
        waited = waited.plus(wait);
      }
      sleep(wait);
    }
  }

  private JudgeException refused(int code, String text, String location) {
    String said = serverSaid(text);
    if (code >= 300 && code < 400) {
      return error(Kind.BAD_CONFIGURATION, "the judge at " + url + " redirected (HTTP " + code + ")"
          + (location == null ? "" : " to " + location.replaceAll("[?#].*", "")) + ": konvo-qa does not"
          + " follow it with the key; set KONVO_JUDGE_URL to the address it answers at");
    }
    if (code == 401 || code == 403) {
      return error(Kind.BAD_CONFIGURATION, "the judge refused the key (HTTP " + code + ")" + said
          + ": check KONVO_JUDGE_API_KEY" + (key == null ? " (none is set)" : "")
          + " and KONVO_JUDGE_API_KEY_HEADER");
    }
    if (code == 404) {
      return error(Kind.BAD_CONFIGURATION, "the judge has no chat/completions at " + url
          + " (HTTP 404" + said + "): check KONVO_JUDGE_URL, which usually ends in /v1, and KONVO_JUDGE_MODEL");
    }
    return error(Kind.BAD_REQUEST, "the judge refused the request (HTTP " + code + ")" + said
        + "; if it does not support response_format, set KONVO_JUDGE_JSON_MODE=false");
  }

  private String serverSaid(String text) {
    if (text == null || text.isBlank()) return "";
    try (com.squareup.moshi.JsonReader reader = com.squareup.moshi.JsonReader.of(new okio.Buffer().writeUtf8(text))) {
      if (reader.readJsonValue() instanceof java.util.Map<?, ?> map) {
        Object error = map.get("error");
        if (error instanceof java.util.Map<?, ?> e && e.get("message") instanceof String m) return ": " + excerpt(m);
        for (String field : new String[] {"message", "error", "detail"}) {
          if (map.get(field) instanceof String s && !s.isBlank()) return ": " + excerpt(s);
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // the raw excerpt below
    }
    return ": " + excerpt(text);
  }

  /** On one line, at most 200 characters, the key masked before the cut. */
  private String excerpt(String text) {
    return AnswerContract.excerpt(key == null ? text : key.mask(text));
  }

  private static String read(ResponseBody body) throws IOException {
    if (body == null) return "";
    try (body) {
      okio.BufferedSource source = body.source();
      source.request(MAX_BODY + 1L);
      if (source.getBuffer().size() > MAX_BODY) throw new IOException("the answer is longer than " + MAX_BODY + " bytes");
      return source.readUtf8();
    }
  }

  private JudgeException error(Kind kind, String message) {
    return new JudgeException(kind, key == null ? message : key.mask(message));
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JudgeException(Kind.UNAVAILABLE, "interrupted while waiting to retry the judge");
    }
  }

  @Override public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override public String toString() {
    return "JudgeClient[" + url + ", key=" + (key == null ? "none" : "***") + "]";
  }
}
