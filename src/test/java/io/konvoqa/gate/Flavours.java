package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small sessions made to order for the gate tests: counted and not, per channel, per phrase. */
final class Flavours {
  private Flavours() {}

  static Sample sample(List<Session> sessions) {
    return sample(sessions, Completeness.WHOLE);
  }

  static Sample sample(List<Session> sessions, Completeness completeness) {
    return Selection.all().apply(sessions, completeness, 30, Role.parseMapping(null), TestSessions.NOW);
  }

  /** {@code unresolved} of {@code n} completed sessions unresolved, on one channel. */
  static List<Session> rate(String prefix, String channel, int unresolved, int n) {
    return sessions(prefix, n, (i, s) -> {
      s.channel(channel).customer("hi").ai("hello");
      if (i < unresolved) s.unresolved();
    });
  }

  /** {@code right} of {@code n} sessions routed to REFUND, the others to CONCIERGE. */
  static List<Session> refunds(String prefix, int right, int n) {
    return sessions(prefix, n, (i, s) -> s.subIntentType(i < right ? "REFUND" : "CONCIERGE")
        .customer("I want a refund").ai("Sure."));
  }

  /** {@code n} sessions, {@code offending} of them with an AI reply saying "Try Zalando". */
  static List<Session> replies(String prefix, int offending, int n) {
    return sessions(prefix, n, (i, s) -> s.customer("hi").ai(i < offending ? "Try Zalando instead." : "Hello!"));
  }

  /** {@code n} sessions answered after 3 seconds, {@code slow} of them after 2 minutes. */
  static List<Session> speed(String prefix, int slow, int n) {
    return sessions(prefix, n, (i, s) -> s.customer("hi").ai("hello", i < slow ? Duration.ofMinutes(2) : Duration.ofSeconds(3)));
  }

  /** {@code n} sessions over sub_intent_types A..D, a quarter each, {@code moved} of them moved from A to B. */
  static List<Session> spread(String prefix, int n, double moved) {
    int shifted = (int) Math.round(n * moved);
    return sessions(prefix, n, (i, s) -> s.subIntentType(i < n / 4 - shifted ? "A" : i < n / 2 ? "B"
        : i < 3 * n / 4 ? "C" : "D"));
  }

  interface Shape {
    void shape(int i, TestSessions session);
  }

  static List<Session> sessions(String prefix, int n, Shape shape) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TestSessions s = session(prefix + i);
      shape.shape(i, s);
      sessions.add(s.build());
    }
    return sessions;
  }

  @SafeVarargs
  static List<Session> all(List<Session>... parts) {
    List<Session> all = new ArrayList<>();
    for (List<Session> part : parts) all.addAll(part);
    return all;
  }

  static final Function<Session, String> CHANNEL = Session::channel;
}
