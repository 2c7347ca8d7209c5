package io.konvoqa.report.render;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.session.Timestamps;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transcript says, worked out once so that the HTML and the text version cannot disagree.
 * Every field but the session id may be missing, and is then said to be missing.
 */
final class TranscriptFacts {
  static final String NOT_SENT = "not sent by the API";

  record Field(String label, String value) {}

  /** One message; {@code delay} is null unless it is a reply after a timed customer message. */
  record Line(Role role, String speaker, String time, String delay, String text) {}

  private TranscriptFacts() {}

  static List<Field> header(Session session) {
    var state = session.state();
    return List.of(
        new Field("Session", session.id()),
        new Field("Channel", orNotSent(session.channel())),
        new Field("Created at", session.createdAt() == null ? NOT_SENT
            : Timestamps.format(session.createdAt())),
        new Field("sub_intent_type", orNotSent(state == null ? null : state.subIntentType())),
        new Field("type", orNotSent(state == null ? null : state.type())),
        new Field("Status", status(session.status())),
        new Field("External user", orNotSent(session.externalUserId())));
  }

  static String status(SessionStatus status) {
    if (status == null) return NOT_SENT;
    String completed = status.completed() == null ? "completion " + NOT_SENT
        : status.completed() ? "completed" : "open";
    String resolved = status.unresolved() == null ? "resolution " + NOT_SENT
        : status.unresolved() ? "unresolved" : "resolved";
    return completed + ", " + resolved;
  }

  /** The messages in the order the API sent them, or null when it sent none. */
  static List<Line> lines(Session session, TranscriptOptions options) {
    if (!session.hasMessages()) return null;
    List<Line> lines = new ArrayList<>();
    Instant lastCustomer = null;
    for (Message message : session.messages()) {
      Role role = Role.of(message.initiatorOrigin(), options.roles());
      String delay = null;
      boolean reply = role == Role.AI || role == Role.HUMAN_AGENT;
      if (reply && lastCustomer != null && message.createdAt() != null) {
        delay = Durations.delay(Duration.between(lastCustomer, message.createdAt()));
      }
      if (role == Role.CUSTOMER) lastCustomer = message.createdAt();
      lines.add(new Line(role, speaker(role, message.initiatorOrigin()),
          time(message.createdAt()), delay, message.text()));
    }
    return lines;
  }

  static String speaker(Role role, String origin) {
    return switch (role) {
      case CUSTOMER -> "Customer";
      case AI -> "AI";
      case HUMAN_AGENT -> "Human agent";
      case OTHER -> "Other (" + (origin == null ? "initiator_origin " + NOT_SENT : origin) + ")";
    };
  }

  /** The trail items, or null when the API sent no state or no trail. */
  static List<String> trail(Session session) {
    return session.state() == null ? null : session.state().trail();
  }

  /** The session's dashboard URL, or null without a template; the id is percent-encoded. */
  static String dashboardUrl(Session session, TranscriptOptions options) {
    if (options.dashboardUrlTemplate() == null) return null;
    String id = URLEncoder.encode(session.id(), StandardCharsets.UTF_8).replace("+", "%20");
    return options.dashboardUrlTemplate().replace("{id}", id);
  }

  static String time(Instant instant) {
    return instant == null ? "time " + NOT_SENT : Timestamps.format(instant);
  }

  private static String orNotSent(String value) {
    return value == null ? NOT_SENT : value;
  }
}
