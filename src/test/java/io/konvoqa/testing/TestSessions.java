package io.konvoqa.testing;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.session.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds sessions for tests, one readable line each: {@code session("s1").channel("email").unresolved().build()}. */
public final class TestSessions {
  public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private final String id;
  private String channel = "webchat";
  private String subIntentType = "ORDER_STATUS";
  private boolean completed = true;
  private boolean unresolved;
  private boolean withStatus = true;
  private boolean withState = true;
  private boolean withMessages = true;
  private Instant created = NOW.minus(Duration.ofDays(1));
  private final List<Message> messages = new ArrayList<>();
  private Instant clock;

  private TestSessions(String id) {
    this.id = id;
    this.clock = created;
  }

  public static TestSessions session(String id) {
    return new TestSessions(id);
  }

  public TestSessions channel(String value) {
    channel = value;
    return this;
  }

  public TestSessions subIntentType(String value) {
    subIntentType = value;
    return this;
  }

  public TestSessions unresolved() {
    unresolved = true;
    return this;
  }

  public TestSessions open() {
    completed = false;
    return this;
  }

  public TestSessions createdAgo(Duration ago) {
    created = NOW.minus(ago);
    clock = created;
    return this;
  }

  public TestSessions withoutStatus() {
    withStatus = false;
    return this;
  }

  public TestSessions withoutState() {
    withState = false;
    return this;
  }

  public TestSessions withoutMessages() {
    withMessages = false;
    return this;
  }

  /** A customer message, a few seconds after the previous message. */
  public TestSessions customer(String text) {
    return message("RECIPIENT", text, Duration.ofSeconds(5));
  }

  /** An AI reply {@code delay} after the previous message. */
  public TestSessions ai(String text, Duration delay) {
    return message("AI", text, delay);
  }

  public TestSessions ai(String text) {
    return ai(text, Duration.ofSeconds(3));
  }

  public TestSessions agent(String text) {
    return message("AGENT", text, Duration.ofMinutes(2));
  }

  public TestSessions message(String origin, String text, Duration delay) {
    clock = clock.plus(delay);
    messages.add(new Message(id + "-m" + messages.size(), id, origin, text, clock));
    return this;
  }

  public Session build() {
    Instant updated = clock.plusSeconds(30);
    SessionStatus status = withStatus
        ? new SessionStatus(id, completed, completed && unresolved, completed ? updated : null, clock, updated)
        : null;
    SessionState state = withState ? new SessionState(id, "TYPE", subIntentType, List.of("{\"step\":1}")) : null;
    return new Session(id, "ws", "feed", "contact-" + id, "4915142424351", channel, created,
        status, state, withMessages ? messages : null);
  }

  /** {@code n} plain resolved sessions with a customer message and a quick AI reply. */
  public static List<Session> healthy(String prefix, int n) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sessions.add(session(prefix + i).customer("where is my order #" + i).ai("It ships today.").build());
    }
    return sessions;
  }
}
