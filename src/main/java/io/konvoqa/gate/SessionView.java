package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.Map;

/**
 * One session as the gates of a pass see it: its conversation (role of each message, texts
 * lower-cased) is worked out once, when a gate or a selection first asks, and shared by all.
 */
public final class SessionView {
  private final Session session;
  private final Map<String, Role> roles;
  private Conversation conversation;

  SessionView(Session session, Map<String, Role> roles) {
    this.session = java.util.Objects.requireNonNull(session, "session");
    this.roles = roles;
  }

  public Session session() {
    return session;
  }

  String id() {
    return session.id();
  }

  Conversation conversation() {
    if (conversation == null) conversation = Conversation.of(session, roles);
    return conversation;
  }

  /** The conversation under {@code mapping}: the shared one when it is the pass's own. */
  Conversation conversation(Map<String, Role> mapping) {
    return mapping == roles || mapping.equals(roles) ? conversation() : Conversation.of(session, mapping);
  }
}
