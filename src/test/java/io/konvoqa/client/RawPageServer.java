package io.konvoqa.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A loopback HTTP server answering every request with one fixed body, byte for byte: for page
 * shapes the simulator, which writes its own JSON, never produces (the vendor's example, nulls,
 * offsets, a session without id).
 */
final class RawPageServer implements AutoCloseable {
  private final HttpServer server;
  private volatile byte[] body = new byte[0];

  RawPageServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      byte[] bytes = body;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  RawPageServer serving(String json) {
    return serving(json.getBytes(StandardCharsets.UTF_8));
  }

  RawPageServer serving(byte[] bytes) {
    this.body = bytes.clone();
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override public void close() {
    server.stop(0);
  }
}
