package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.List;
import java.util.Map;

/** A session's messages seen by role: who said what, in order. */
public final class Conversation {
  private final List<Message> messages;
  private final Map<String, Role> roles;

  private Conversation(List<Message> messages, Map<String, Role> roles) {
    this.messages = messages;
    this.roles = roles;
  }

  /** The conversation of a session; a session without messages gives an empty one. */
  public static Conversation of(Session session, Map<String, Role> roles) {
    return new Conversation(session.messages() == null ? List.of() : session.messages(), roles);
  }

  public Role role(Message message) {
    return Role.of(message.initiatorOrigin(), roles);
  }

  public List<Message> messages() {
    return messages;
  }

  public List<Message> by(Role role) {
    return messages.stream().filter(m -> role(m) == role).toList();
  }

  public Message firstCustomer() {
    for (Message m : messages) if (role(m) == Role.CUSTOMER) return m;
    return null;
  }

  /** The text of the first customer message, or null when the customer wrote nothing. */
  public String firstCustomerMessage() {
    Message first = firstCustomer();
    return first == null ? null : first.text();
  }

  public boolean has(Role role) {
    for (Message m : messages) if (role(m) == role) return true;
    return false;
  }
}
