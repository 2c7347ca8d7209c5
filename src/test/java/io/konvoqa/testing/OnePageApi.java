package io.konvoqa.testing;

import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpServer;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import okio.Buffer;

/**
 * A loopback API that serves sessions the simulator never would (no timestamps, say) on page 1
 * and nothing on any other page, with the {@code count} given (none when null).
 */
public final class OnePageApi implements AutoCloseable {
  private final HttpServer server;

  public OnePageApi(List<Session> sessions, Integer count) {
    byte[] full = page(sessions, count), empty = page(List.of(), count);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      boolean first = query == null || query.matches("(.*&)?page=1(&.*)?") || !query.contains("page=");
      byte[] body = first ? full : empty;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  private static byte[] page(List<Session> sessions, Integer count) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      if (count != null) writer.name("count").value(count);
      writer.name("result").beginArray();
      for (Session s : sessions) SessionJson.write(writer, s, true, true);
      writer.endArray().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override public void close() {
    server.stop(0);
  }
}
