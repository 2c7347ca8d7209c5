package io.konvoqa.bench;

import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The practical limit of a fetch on this machine: a plain OkHttp loop that asks for the page URLs
 * the client asks for (pages numbered from 1; page 1 first for its {@code count}, then the rest
 * at the same concurrency, and the page after a full last one, as the client reads it) and reads
 * their bytes only to throw them away. No decoding, no de-duplication, no store.
 */
final class RawDownload {
  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
  private static final int PAGE_SIZE = 200;

  private RawDownload() {}

  /** What one download read: pages (= requests), body bytes, and how long it took. */
  record Result(int pages, long bytes, long millis) {}

  static Result of(String baseUrl, Window window, int concurrency) {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(Math.max(5, concurrency), 5, TimeUnit.MINUTES))
        .build();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      long started = System.nanoTime();
      AtomicLong bytes = new AtomicLong();
      String first = new String(read(http, url(baseUrl, window, 1), bytes), StandardCharsets.UTF_8);
      Matcher m = COUNT.matcher(first.substring(0, Math.min(first.length(), 200)));
      int count = m.find() ? Integer.parseInt(m.group(1)) : 0;
      int pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE) + (count > 0 && count % PAGE_SIZE == 0 ? 1 : 0);
      AtomicInteger next = new AtomicInteger(2);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        workers.add(pool.submit(() -> {
          for (int page = next.getAndIncrement(); page <= pages; page = next.getAndIncrement()) {
            read(http, url(baseUrl, window, page), bytes);
          }
        }));
      }
      for (Future<?> worker : workers) worker.get();
      return new Result(pages, bytes.get(), (System.nanoTime() - started) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the raw download was interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the raw download failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Page 1's bytes are kept (its count is read); every other page's are only counted. */
  private static byte[] read(OkHttpClient http, HttpUrl url, AtomicLong bytes) {
    Request request = new Request.Builder().url(url).header("x-api-key", "bench-client").build();
    try (Response response = http.newCall(request).execute(); InputStream in = response.body().byteStream()) {
      if (!response.isSuccessful()) throw new IllegalStateException("HTTP " + response.code() + " for " + url);
      boolean keep = "1".equals(url.queryParameter("page"));
      java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.addAndGet(n);
        if (keep) kept.write(buffer, 0, n);
      }
      return kept.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the raw download of " + url + " failed: " + e.getMessage(), e);
    }
  }

  /** The URL the client asks for (KonvoApi): the same query, the same order of parameters. */
  static HttpUrl url(String baseUrl, Window window, int page) {
    return HttpUrl.get(baseUrl).newBuilder().addPathSegment("ai-sessions")
        .addQueryParameter("page", Integer.toString(page))
        .addQueryParameter("limit", Integer.toString(PAGE_SIZE))
        .addQueryParameter("updated_at_min", Timestamps.format(window.from()))
        .addQueryParameter("updated_at_max", Timestamps.format(window.to()))
        .addQueryParameter("messages", "true")
        .addQueryParameter("state", "true")
        .build();
  }
}
