package io.konvoqa.report;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, java.net.http): navigate,
 * evaluate JavaScript in the page, resize the viewport, take screenshots. No WebDriver needed.
 */
final class DevTools implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

  private DevTools(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts the browser with a fresh profile under {@code profiles} and attaches to its first tab. */
  static DevTools start(Path binary, Path profiles) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(Files.createDirectories(profiles), "devtools");
    Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "--window-size=1400,1000", "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
        .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IOException("chromium did not open its DevTools port (" + portFile + ")");
        }
        Thread.sleep(50);
      }
      String port = Files.readAllLines(portFile).get(0).strip();
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
          .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
      String url = new Moshi.Builder().build().<List<Map<String, Object>>>adapter(Types.newParameterizedType(
              List.class, Map.class)).fromJson(list).stream()
          .filter(t -> "page".equals(t.get("type"))).map(t -> (String) t.get("webSocketDebuggerUrl"))
          .findFirst().orElseThrow(() -> new IOException("chromium has no page to attach to: " + list));
      DevTools[] self = new DevTools[1];
      WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
          .buildAsync(URI.create(url), new Listener(m -> self[0].received(m))).get(30, TimeUnit.SECONDS);
      self[0] = new DevTools(process, socket);
      return self[0];
    } catch (Exception e) {
      process.destroyForcibly();
      if (e instanceof IOException io) throw io;
      throw new IOException("could not attach to chromium: " + e, e);
    }
  }

  /** Sends one command and waits for its result; a protocol error fails the test. */
  Map<String, Object> send(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
    pending.put(id, reply);
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("method", method);
    message.put("params", params);
    socket.sendText(JSON.toJson(message), true).join();
    Map<String, Object> answer = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    if (answer.containsKey("error")) throw new AssertionError(method + " failed: " + answer.get("error"));
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) answer.get("result");
    return result;
  }

  /** Evaluates {@code expression} in the page (awaiting a promise) and returns its JSON value. */
  Object eval(String expression) {
    Map<String, Object> result = send("Runtime.evaluate", Map.of("expression", expression,
        "awaitPromise", true, "returnByValue", true));
    if (result.containsKey("exceptionDetails")) {
      throw new AssertionError("script failed: " + result.get("exceptionDetails") + "\n" + expression);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> value = (Map<String, Object>) result.get("result");
    return value.get("value");
  }

  /** Polls {@code condition} (a JS expression) until true; fails after the timeout. */
  void waitFor(String condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!Boolean.TRUE.equals(eval("!!(" + condition + ")"))) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + ": " + condition);
      Thread.sleep(100);
    }
  }

  void open(String url) {
    send("Page.navigate", Map.of("url", url));
  }

  /** The viewport the page lays out in, as a desktop or laptop window. */
  void viewport(int width, int height) {
    send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
  }

  void screenshot(Path png) throws IOException {
    Map<String, Object> shot = send("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
  }

  private void received(String text) {
    try {
      Map<String, Object> message = JSON.fromJson(text);
      if (message != null && message.get("id") instanceof Number n) {
        CompletableFuture<Map<String, Object>> reply = pending.remove(n.intValue());
        if (reply != null) reply.complete(message);
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable DevTools message: " + text, e);
    }
  }

  @Override public void close() throws InterruptedException {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
  }

  /** Collects a message's frames, then hands the whole text on. */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<String> onMessage;
    private final StringBuilder buffer = new StringBuilder();

    Listener(java.util.function.Consumer<String> onMessage) {
      this.onMessage = onMessage;
    }

    @Override public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        onMessage.accept(text);
      }
      socket.request(1);
      return null;
    }
  }
}
