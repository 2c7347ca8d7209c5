package io.konvoqa.simulator;

import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.Timestamps;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import okio.Buffer;

/**
 * An embedded Konvo API serving {@code GET /ai-sessions} from a {@link Dataset}, as the contract
 * in {@code shared/konvo-api} says: 401 without a key, 400 for a bad limit or date, window
 * filtering on {@code status.last_updated} (else {@code created_at}), 1-based paging with
 * {@code count} (other numberings through {@link Faults#paging}), and {@code messages}/{@code state}
 * omitted unless asked for.
 *
 * <p>Listens on loopback only. {@link #faults()} injects misbehaviour for tests.
 *
 * <p>With the system property {@value #CACHE_PROPERTY}{@code =true} it keeps each session's JSON
 * (with messages and state) once written, and builds later pages from those bytes instead of
 * serialising the sessions again: for benchmarks, where the simulator's own serialisation would
 * otherwise be the bottleneck. Off by default, because it holds the dataset a second time.
 */
public final class KonvoSimulator implements AutoCloseable {
  /** One request as the simulator saw it. */
  public record Request(int page, int limit, String query, long startNanos, long endNanos, int status) {}

  /** The system property that turns on caching each session's serialised JSON. */
  public static final String CACHE_PROPERTY = "konvo.simulator.cache";

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Session> sorted;
  private final Instant[] updated;
  private final String apiKey;
  /** A recorded window's sessions its {@code count} claimed but the recording never got. */
  private final io.konvoqa.session.Window recordedWindow;
  private final int unserved;
  private final Faults faults = new Faults();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile ChatJudge judge;
  private final AtomicInteger judgeRequests = new AtomicInteger();
  private final List<String> judgeBodies = new CopyOnWriteArrayList<>();
  /** Each session's JSON with messages and state, once written; null when caching is off. */
  private final AtomicReferenceArray<byte[]> cached;

  private KonvoSimulator(Dataset dataset, int port, String apiKey) throws IOException {
    this.apiKey = apiKey;
    this.recordedWindow = dataset.window();
    this.unserved = dataset.shortfall().unserved();
    this.sorted = new ArrayList<>(dataset.sessions());
    sorted.sort(Comparator.comparing(Session::updatedAt, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Session::id));
    this.updated = sorted.stream().map(Session::updatedAt).toArray(Instant[]::new);
    this.cached = Boolean.getBoolean(CACHE_PROPERTY) ? new AtomicReferenceArray<>(sorted.size()) : null;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.executor = Executors.newFixedThreadPool(32, r -> {
      Thread thread = new Thread(r, "konvo-simulator");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts on an ephemeral loopback port, accepting any non-empty key. */
  public static KonvoSimulator start(Dataset dataset) {
    return start(dataset, 0, null);
  }

  /** Starts on {@code port} (0 for any); with {@code apiKey} non-null only that key is accepted. */
  public static KonvoSimulator start(Dataset dataset, int port, String apiKey) {
    try {
      return new KonvoSimulator(dataset, port, apiKey);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the simulator on port " + port + ": "
          + e.getMessage() + (port != 0 ? " (is the port in use? try --port 0)" : ""), e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:49152/}. */
  public String url() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort() + "/";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public Faults faults() {
    return faults;
  }

  /** Every request to {@code /ai-sessions} answered so far, in the order they were answered. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The most requests that were being answered at the same moment. */
  public int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  /** The ids of the sessions the churn fault has updated so far. */
  public java.util.Set<String> churnedIds() {
    Churn churn = faults.churn;
    java.util.Set<String> ids = new java.util.HashSet<>();
    if (churn == null) return ids;
    for (int i = 0; i < sorted.size(); i++) if (churn.updatedAt(i) != null) ids.add(sorted.get(i).id());
    return ids;
  }

  /**
   * Also serves {@code POST /v1/chat/completions} as the demo judge: grades from {@code truth},
   * wrong on purpose in a seeded {@code errorRate} share of cases. Faults apply to it as to the
   * sessions API, and {@link Faults#badAnswersNext} shapes bad answers.
   */
  public KonvoSimulator serveJudge(JudgeTruth truth, double errorRate, long seed) {
    this.judge = new ChatJudge(truth, errorRate, seed);
    return this;
  }

  /** The demo judge's base URL, as KONVO_JUDGE_URL would be set: {@code http://127.0.0.1:49152/v1}. */
  public String judgeUrl() {
    return url() + "v1";
  }

  /** Requests to {@code /v1/chat/completions} answered so far, failures included. */
  public int judgeRequests() {
    return judgeRequests.get();
  }

  /** The bodies of those requests, as sent. */
  public List<String> judgeBodies() {
    return List.copyOf(judgeBodies);
  }

  public void clearRequests() {
    judgeRequests.set(0);
    judgeBodies.clear();
    requests.clear();
    maxInFlight.set(0);
  }

  @Override public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    Reply reply;
    Map<String, String> params = Map.of();
    boolean judging = exchange.getRequestURI().getPath().endsWith("/chat/completions");
    try {
      params = query(exchange.getRequestURI());
      reply = judging ? judge(exchange) : answer(exchange, params);
    } catch (BadRequest e) {
      reply = Reply.error(400, e.getMessage());
    } catch (RuntimeException e) {
      reply = Reply.error(500, "simulator error: " + e);
    }
    boolean counted = true;
    try {
      if (faults.takeReset()) {
        inFlight.decrementAndGet();
        counted = false;
        exchange.close(); // no status line at all: the client sees the connection end
        return;
      }
      sleep(faults.latency.toMillis() + faults.takeStall().toMillis());
      // logged before answering: once a client has its answer, the request is in requests()
      if (exchange.getRequestURI().getPath().endsWith("/ai-sessions")) {
        requests.add(new Request(intOr(params.get("page"), -1), intOr(params.get("limit"), -1),
            exchange.getRequestURI().getRawQuery(), start, System.nanoTime(), reply.status));
      }
      if (judging) judgeRequests.incrementAndGet();
      // no longer in flight once answered: the client may send its next request before we return
      inFlight.decrementAndGet();
      counted = false;
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      if (reply.retryAfter != null) exchange.getResponseHeaders().set("Retry-After", reply.retryAfter);
      exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body);
      }
    } finally {
      if (counted) inFlight.decrementAndGet();
    }
  }

  private Reply judge(HttpExchange exchange) {
    ChatJudge judge = this.judge;
    if (judge == null) {
      return Reply.error(404, "no judge here: the simulator serves POST /v1/chat/completions only as the demo judge");
    }
    if (!"POST".equals(exchange.getRequestMethod())) return Reply.error(405, "use POST");
    byte[] body;
    try {
      body = exchange.getRequestBody().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    judgeBodies.add(new String(body, StandardCharsets.UTF_8));
    int failure = faults.takeFailure();
    if (failure != 0) {
      Reply reply = Reply.error(failure, "injected failure");
      reply.retryAfter = failure == 429 || failure == 503 ? faults.retryAfter() : null;
      return reply;
    }
    Faults.BadAnswer bad = faults.takeBadAnswer();
    ChatJudge.Answer answer = judge.answer(body, bad == null ? null : switch (bad) {
      case MALFORMED -> "malformed";
      case REFUSAL -> "refusal";
      case EMPTY_CHOICES -> "empty";
    });
    return new Reply(answer.status(), answer.body());
  }

  private Reply answer(HttpExchange exchange, Map<String, String> params) {
    if (!exchange.getRequestURI().getPath().endsWith("/ai-sessions")) {
      return Reply.error(404, "no such endpoint: the simulator serves GET /ai-sessions");
    }
    if (!"GET".equals(exchange.getRequestMethod())) return Reply.error(405, "use GET");
    String key = exchange.getRequestHeaders().getFirst("x-api-key");
    if (key == null || key.isBlank() || (apiKey != null && !apiKey.equals(key))) {
      return Reply.error(401, "missing or invalid x-api-key");
    }
    int failure = faults.takeFailure();
    if (failure != 0) {
      Reply reply = Reply.error(failure, "injected failure");
      reply.retryAfter = failure == 429 || failure == 503 ? faults.retryAfter() : null;
      return reply;
    }
    Faults.Paging paging = faults.paging;
    int page = intParam(params, "page", paging == Faults.Paging.FROM_ZERO ? 0 : 1,
        paging == Faults.Paging.FROM_ONE ? 1 : 0, Integer.MAX_VALUE);
    int limit = intParam(params, "limit", 50, 1, 200);
    Instant min = instantParam(params, "updated_at_min");
    Instant max = instantParam(params, "updated_at_max");
    boolean messages = boolParam(params, "messages");
    boolean state = boolParam(params, "state");
    if (faults.malformedPages.contains(page)) {
      return new Reply(200, "{\"count\": 1, \"result\": [{\"id\": <html>Bad Gateway</html>"
          .getBytes(StandardCharsets.UTF_8));
    }
    int lo = lowerBound(min), hi = upperBound(max);
    if (faults.churn != null || faults.newestFirst) {
      return ordered(lo, hi, min, max, position(paging, page), limit, messages, state);
    }
    int matching = Math.max(0, hi - lo);
    int shift = faults.takeShift();
    long nth = position(paging, page);
    // in long: page * limit overflows an int long before page does (page=21474838, limit=200)
    long first = lo + (nth - 1) * limit - shift - (nth > 1 ? faults.duplicateOverlap : 0);
    long last = lo + nth * limit - shift;
    int start = (int) Math.min(hi, Math.max(lo, first));
    int end = (int) Math.max(lo, Math.min(hi, last));
    int count = matching + faults.countDelta + (overlapsRecording(min, max) ? unserved : 0);
    byte[] body = page(Math.max(0, count), start, end, messages, state);
    if (faults.takeTruncated(page)) body = java.util.Arrays.copyOf(body, body.length / 2);
    return new Reply(200, body);
  }

  /** Which page, counted from 1, the request's {@code page} stands for. */
  private static long position(Faults.Paging paging, int page) {
    return switch (paging) {
      case FROM_ONE -> page;
      case FROM_ZERO -> page + 1L;
      case FROM_ONE_PAGE_ZERO_REPEATS -> Math.max(1, page);
      case IGNORED -> 1;
    };
  }

  /**
   * A page of the sessions as a live API orders them: with the churn's updates applied (moved
   * sessions leave their place, and join the end if their new time is in the window), newest
   * first when asked.
   */
  private Reply ordered(int lo, int hi, Instant min, Instant max, long nth, int limit,
      boolean messages, boolean state) {
    Churn churn = faults.churn;
    Churn.View view;
    if (churn != null) {
      churn.advance(sorted.size());
      view = churn.view(lo, hi, min, max);
    } else {
      int[] indices = java.util.stream.IntStream.range(lo, Math.max(lo, hi)).toArray();
      view = new Churn.View(indices, new Instant[indices.length]);
    }
    int size = view.indices().length;
    long from = Math.min(size, (nth - 1) * limit);
    int to = (int) Math.min(size, from + limit);
    Buffer buffer = new Buffer().writeUtf8("{\"count\":")
        .writeUtf8(Integer.toString(Math.max(0, size + faults.countDelta))).writeUtf8(",\"result\":[");
    for (int k = (int) from; k < to; k++) {
      int i = faults.newestFirst ? size - 1 - k : k;
      if (k > from) buffer.writeByte(',');
      Instant movedAt = view.movedAt()[i];
      if (movedAt == null && cached != null && messages && state) {
        buffer.write(sessionBytes(view.indices()[i]));
      } else {
        Session session = sorted.get(view.indices()[i]);
        writeSession(buffer, movedAt == null ? session : updated(session, movedAt), messages, state);
      }
    }
    return new Reply(200, buffer.writeUtf8("]}").readByteArray());
  }

  private static void writeSession(Buffer buffer, Session session, boolean messages, boolean state) {
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      SessionJson.write(writer, session, messages, state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Session updated(Session s, Instant at) {
    io.konvoqa.session.SessionStatus st = s.status();
    io.konvoqa.session.SessionStatus status = st == null
        ? new io.konvoqa.session.SessionStatus(s.id(), null, null, null, null, at)
        : new io.konvoqa.session.SessionStatus(st.sessionId(), st.completed(), st.unresolved(),
            st.completedAt(), st.lastMessageDate(), at);
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(),
        s.channel(), s.createdAt(), status, s.state(), s.messages());
  }

  private byte[] page(int count, int start, int end, boolean messages, boolean state) {
    if (cached != null && messages && state) return cachedPage(count, start, end);
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject().name("count").value(count).name("result").beginArray();
      for (int i = start; i < end; i++) SessionJson.write(writer, sorted.get(i), messages, state);
      writer.endArray().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  /** The same bytes as {@link #page}, joined from each session's cached JSON. */
  private byte[] cachedPage(int count, int start, int end) {
    Buffer buffer = new Buffer().writeUtf8("{\"count\":").writeUtf8(Integer.toString(count))
        .writeUtf8(",\"result\":[");
    for (int i = start; i < end; i++) {
      if (i > start) buffer.writeByte(',');
      buffer.write(sessionBytes(i));
    }
    return buffer.writeUtf8("]}").readByteArray();
  }

  private byte[] sessionBytes(int index) {
    byte[] bytes = cached.get(index);
    if (bytes != null) return bytes;
    Buffer buffer = new Buffer();
    writeSession(buffer, sorted.get(index), true, true);
    bytes = buffer.readByteArray();
    cached.set(index, bytes);
    return bytes;
  }

  /**
   * A replayed recording claims, for any window overlapping the one it recorded, the sessions its
   * {@code count} claimed but it never got: they may lie in any part of it.
   */
  private boolean overlapsRecording(Instant min, Instant max) {
    if (unserved == 0 || recordedWindow == null) return unserved > 0;
    return (min == null || !min.isAfter(recordedWindow.to())) && (max == null || !max.isBefore(recordedWindow.from()));
  }

  /** Index of the first session updated at or after {@code min}. */
  private int lowerBound(Instant min) {
    if (min == null) return 0;
    int lo = 0, hi = updated.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (updated[mid] != null && updated[mid].isBefore(min)) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Index after the last session updated at or before {@code max} (null times sort last). */
  private int upperBound(Instant max) {
    int lo = 0, hi = updated.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      boolean inside = updated[mid] != null && (max == null || !updated[mid].isAfter(max));
      if (inside) lo = mid + 1; else hi = mid;
    }
    return max == null ? updated.length : lo;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) return params;
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      String[] kv = pair.split("=", 2);
      params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  private static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
    String text = params.get(name);
    if (text == null) return fallback;
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be an integer but was '" + text + "'");
    }
    if (value < min) throw new BadRequest(name + " must be at least " + min + " but was " + value);
    if (value > max) throw new BadRequest(name + " must be at most " + max + " but was " + value);
    return value;
  }

  private static Instant instantParam(Map<String, String> params, String name) {
    String text = params.get(name);
    if (text == null || text.isEmpty()) return null;
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(name + " must be an ISO-8601 date-time but was '" + text + "'");
    }
  }

  private static boolean boolParam(Map<String, String> params, String name) {
    String text = params.get(name);
    if (text == null) return false;
    if (text.equalsIgnoreCase("true")) return true;
    if (text.equalsIgnoreCase("false")) return false;
    throw new BadRequest(name + " must be true or false but was '" + text + "'");
  }

  private static int intOr(String text, int fallback) {
    try {
      return text == null ? fallback : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  private static final class Reply {
    final int status;
    final byte[] body;
    String retryAfter;

    Reply(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }

    static Reply error(int status, String message) {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        writer.beginObject().name("message").value(message).endObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Reply(status, buffer.readByteArray());
    }
  }
}
