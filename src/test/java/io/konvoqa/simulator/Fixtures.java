package io.konvoqa.simulator;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.session.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic fixture dataset for tests: {@link #SESSIONS} sessions, one every 864 seconds
 * over ten days from {@link #START}, each updated five minutes after it was created.
 *
 * <p>Session {@code i} has id {@code s-0000i}, is created at {@code START + i * 864 s} and updated
 * at {@link #updatedAt(int)}; so a window picks an exact, known range of sessions.
 */
public final class Fixtures {
  public static final int SESSIONS = 1_000;
  public static final Instant START = Instant.parse("2026-11-17T00:00:00Z");
  public static final Instant RECORDED_AT = Instant.parse("2026-11-27T12:00:00Z");
  public static final Duration EVERY = Duration.ofSeconds(864);
  public static final Duration UPDATED_AFTER = Duration.ofMinutes(5);
  private static final String[] INTENTS = {"ORDER_STATUS", "RETURNS", "CONCIERGE", "SHIPPING"};
  private static final String[] ORIGINS = {"RECIPIENT", "AI", "RECIPIENT", "AGENT"};

  private Fixtures() {}

  public static Dataset dataset() {
    return Dataset.of(RECORDED_AT, sessions(SESSIONS));
  }

  public static List<Session> sessions(int n) {
    List<Session> sessions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) sessions.add(session(i));
    return sessions;
  }

  public static String id(int i) {
    return String.format("s-%05d", i);
  }

  public static Instant createdAt(int i) {
    return START.plus(EVERY.multipliedBy(i));
  }

  public static Instant updatedAt(int i) {
    return createdAt(i).plus(UPDATED_AFTER);
  }

  /** The window from the update time of session {@code first} to that of {@code last}, inclusive. */
  public static Window window(int first, int last) {
    return new Window(updatedAt(first), updatedAt(last));
  }

  /** A window holding every fixture session. */
  public static Window all() {
    return window(0, SESSIONS - 1);
  }

  /** The ids of sessions {@code first..last}, inclusive, in order. */
  public static List<String> ids(int first, int last) {
    List<String> ids = new ArrayList<>();
    for (int i = first; i <= last; i++) ids.add(id(i));
    return ids;
  }

  public static Session session(int i) {
    String id = id(i);
    Instant created = createdAt(i);
    boolean completed = i % 5 != 0;
    SessionStatus status = new SessionStatus(id, completed, i % 7 == 0,
        completed ? updatedAt(i) : null, created.plusSeconds(200), updatedAt(i));
    SessionState state = new SessionState(id, "SKILL", INTENTS[i % INTENTS.length],
        List.of("{\"step\":\"greet\"}", "{\"step\":\"answer\",\"n\":" + i + "}"));
    List<Message> messages = new ArrayList<>();
    for (int m = 0; m < 2 + i % 3; m++) {
      messages.add(new Message(id + "-m" + m, id, ORIGINS[m % ORIGINS.length],
          "message " + m + " of session " + i + ": where is my order?",
          created.plusSeconds(30L * (m + 1))));
    }
    return new Session(id, "ws-1", "feed-1", "contact-" + (i % 97), "49151" + (1_000_000 + i),
        i % 4 == 0 ? "webchat" : "whatsapp", created, status, state, messages);
  }
}
