package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A session's messages seen by role: who said what, in the order it was said. The API does not
 * promise an order, so messages are sorted by {@code created_at} when they all have one; "first"
 * and "in a row" mean first and in a row in time.
 */
public final class Conversation {
  private final List<Message> messages;
  private final Map<String, Role> roles;

  private Conversation(List<Message> messages, Map<String, Role> roles) {
    this.messages = messages;
    this.roles = roles;
  }

  /** The conversation of a session; a session without messages gives an empty one. */
  public static Conversation of(Session session, Map<String, Role> roles) {
    List<Message> messages = session.messages() == null ? List.of() : session.messages();
    return new Conversation(chronological(messages), roles);
  }

  private static List<Message> chronological(List<Message> messages) {
    for (int i = 1; i < messages.size(); i++) {
      Instant previous = messages.get(i - 1).createdAt(), current = messages.get(i).createdAt();
      if (previous == null || current == null) return messages; // cannot tell: keep the API's order
      if (current.isBefore(previous)) {
        for (Message m : messages) if (m.createdAt() == null) return messages;
        List<Message> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(Message::createdAt)); // stable: ties keep the API's order
        return sorted;
      }
    }
    return messages;
  }

  /** Whether any message lacks {@code created_at}: timing cannot be judged then. */
  public boolean hasUndatedMessage() {
    for (Message m : messages) if (m.createdAt() == null) return true;
    return false;
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

  /**
   * A message the API sent without its text and without its origin: a null entry of the messages
   * array, or an object whose fields came under other names. It may have been anyone's.
   */
  public static boolean unknown(Message m) {
    return m.initiatorOrigin() == null && m.message() == null;
  }

  /** Messages from {@code role} without text, and messages of unknown origin without text. */
  public int textless(Role role) {
    int count = 0;
    for (Message m : messages) if (m.message() == null && (unknown(m) || role(m) == role)) count++;
    return count;
  }

  /**
   * Whether the first customer message cannot be read: it came without text, or a message of
   * unknown origin without text comes first (it may be the customer's).
   */
  public boolean firstCustomerMessageUnknown() {
    for (Message m : messages) {
      if (unknown(m)) return true;
      if (role(m) == Role.CUSTOMER) return m.message() == null;
    }
    return false;
  }

  public boolean has(Role role) {
    for (Message m : messages) if (role(m) == role) return true;
    return false;
  }
}
