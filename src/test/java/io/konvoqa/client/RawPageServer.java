package io.konvoqa.client;

import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * A loopback HTTP server answering with fixed bodies, byte for byte: for page shapes the
 * simulator, which writes its own JSON, never produces (the vendor's example, nulls, offsets, a
 * session without id, a 200 that is not a page). One body for every page, unless a page has its
 * own answer, status and delay.
 */
final class RawPageServer implements AutoCloseable {
  private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(-?\\d+)");

  private record Answer(int status, byte[] body, Duration delay) {}

  private final HttpServer server;
  private volatile byte[] body = new byte[0];
  private final Map<Integer, Answer> pages = new ConcurrentHashMap<>();
  private final List<Integer> asked = new CopyOnWriteArrayList<>();

  RawPageServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "raw-page-server");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    Matcher page = PAGE.matcher(query == null ? "" : query);
    int number = page.find() ? Integer.parseInt(page.group(1)) : -1;
    asked.add(number);
    Answer answer = pages.getOrDefault(number, new Answer(200, body, Duration.ZERO));
    try {
      Thread.sleep(answer.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
  }

  /** Every page not given its own answer gets this body. */
  RawPageServer serving(String json) {
    return serving(json.getBytes(StandardCharsets.UTF_8));
  }

  RawPageServer serving(byte[] bytes) {
    this.body = bytes.clone();
    return this;
  }

  /** Page {@code number} gets this status and body. */
  RawPageServer page(int number, int status, String json) {
    return page(number, status, json, Duration.ZERO);
  }

  /** Page {@code number} gets this status and body after {@code delay}. */
  RawPageServer page(int number, int status, String json, Duration delay) {
    pages.put(number, new Answer(status, json.getBytes(StandardCharsets.UTF_8), delay));
    return this;
  }

  /** The {@code page} of every request so far, in the order they came (-1 without one). */
  List<Integer> asked() {
    return List.copyOf(asked);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override public void close() {
    server.stop(0);
  }

  /** A page as the API writes it: {@code count} (left out when null) and the sessions. */
  static String page(Integer count, List<Session> sessions) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      if (count != null) writer.name("count").value(count);
      writer.name("result").beginArray();
      for (Session session : sessions) SessionJson.write(writer, session, true, true);
      writer.endArray().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
