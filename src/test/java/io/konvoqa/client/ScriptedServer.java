package io.konvoqa.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers every request as its script says, and remembers each
 * request's path and {@code x-api-key}: for redirects, trickled bodies and error bodies.
 */
final class ScriptedServer implements AutoCloseable {
  /** What the server does with one request. */
  interface Script {
    void answer(HttpExchange exchange) throws IOException;
  }

  /** A request as it arrived: its path and query, and its x-api-key (null when none came). */
  record Seen(String target, String apiKey) {}

  private final HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  ScriptedServer(Script script) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "scripted-server");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> {
      seen.add(new Seen(exchange.getRequestURI().toString(),
          exchange.getRequestHeaders().getFirst("x-api-key")));
      try (exchange) {
        script.answer(exchange);
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override public void close() {
    server.stop(0);
  }
}
