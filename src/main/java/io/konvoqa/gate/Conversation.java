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
  private static final int ROLES = Role.values().length;
  private final List<Message> messages;
  private final Map<String, Role> roles;
  /** Worked out once, as several gates of one pass ask for them. */
  private final Role[] roleOf;
  private final List<Message>[] byRole;
  private String[] lowered;
  /** Regular expressions already matched against the first customer message, and the answers. */
  private TriggerPhrase[] matchedPhrases;
  private boolean[] matchedAnswers;

  @SuppressWarnings("unchecked")
  private Conversation(List<Message> messages, Map<String, Role> roles) {
    this.messages = messages;
    this.roles = roles;
    this.roleOf = new Role[messages.size()];
    for (int i = 0; i < roleOf.length; i++) roleOf[i] = Role.of(messages.get(i).initiatorOrigin(), roles);
    this.byRole = new List[ROLES];
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
    int i = indexOf(message);
    return i >= 0 ? roleOf[i] : Role.of(message.initiatorOrigin(), roles);
  }

  private int indexOf(Message message) {
    for (int i = 0; i < roleOf.length; i++) if (messages.get(i) == message) return i;
    return -1;
  }

  /**
   * The text of a message of this conversation lower-cased for {@link TriggerPhrase#matches(String,
   * String)}, once for every gate that searches it.
   */
  String lowered(Message message) {
    int i = indexOf(message);
    if (i < 0) return TriggerPhrase.lower(message.text());
    if (lowered == null) lowered = new String[roleOf.length];
    if (lowered[i] == null) lowered[i] = TriggerPhrase.lower(message.text());
    return lowered[i];
  }

  public List<Message> messages() {
    return messages;
  }

  public List<Message> by(Role role) {
    List<Message> of = byRole[role.ordinal()];
    if (of == null) {
      List<Message> found = new ArrayList<>();
      for (int i = 0; i < roleOf.length; i++) if (roleOf[i] == role) found.add(messages.get(i));
      of = byRole[role.ordinal()] = java.util.Collections.unmodifiableList(found);
    }
    return of;
  }

  public Message firstCustomer() {
    for (int i = 0; i < roleOf.length; i++) if (roleOf[i] == Role.CUSTOMER) return messages.get(i);
    return null;
  }

  /**
   * Whether the first customer message contains (or matches) {@code phrase}; false when the
   * customer wrote nothing. A regular expression is matched once for all gates that ask.
   */
  boolean firstCustomerMessageMatches(TriggerPhrase phrase) {
    Message first = firstCustomer();
    if (first == null) return false;
    if (!phrase.isRegex()) return phrase.matches(first.text(), lowered(first));
    int known = matchedPhrases == null ? 0 : matchedPhrases.length;
    for (int i = 0; i < known; i++) if (matchedPhrases[i].equals(phrase)) return matchedAnswers[i];
    boolean answer = phrase.matches(first.text(), lowered(first));
    matchedPhrases = java.util.Arrays.copyOf(matchedPhrases == null ? new TriggerPhrase[0] : matchedPhrases, known + 1);
    matchedAnswers = java.util.Arrays.copyOf(matchedAnswers == null ? new boolean[0] : matchedAnswers, known + 1);
    matchedPhrases[known] = phrase;
    matchedAnswers[known] = answer;
    return answer;
  }

  /** Whether any customer message contains (or matches) {@code phrase}. */
  boolean anyCustomerMessageMatches(TriggerPhrase phrase) {
    for (Message m : by(Role.CUSTOMER)) if (m.message() != null && phrase.matches(m.text(), lowered(m))) return true;
    return false;
  }

  /**
   * The messages that may be a customer message holding {@code phrase} unseen: customer messages
   * without text, and messages whose writer is unknown that came without text or hold it. 0 when
   * a customer message is known to hold it, or none could.
   */
  long customerMessagesUnknown(TriggerPhrase phrase) {
    if (anyCustomerMessageMatches(phrase)) return 0;
    long n = 0;
    for (int i = 0; i < roleOf.length; i++) {
      Message m = messages.get(i);
      boolean unattributed = unattributed(m);
      if (m.message() == null ? roleOf[i] == Role.CUSTOMER || unattributed
          : unattributed && phrase.matches(m.text(), lowered(m))) {
        n++;
      }
    }
    return n;
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
    for (int i = 0; i < roleOf.length; i++) {
      Message m = messages.get(i);
      if (m.message() == null && (unknown(m) || roleOf[i] == role)) count++;
    }
    return count;
  }

  /**
   * Whether who wrote a message of this conversation is unknown: it came without origin, or with
   * an origin the role mapping does not name (an origin mapped to "other" on purpose is known).
   */
  boolean unattributed(Message message) {
    if (message.initiatorOrigin() == null) return true;
    int i = indexOf(message);
    Role role = i >= 0 ? roleOf[i] : role(message);
    return role == Role.OTHER && !named(message.initiatorOrigin());
  }

  private boolean named(String origin) {
    return roles.containsKey(origin) || roles.containsKey(origin.toUpperCase(java.util.Locale.ROOT));
  }

  /** Messages whose writer is unknown (see {@link #unattributed}): they may be anyone's. */
  long unknownCount() {
    long count = 0;
    for (Message m : messages) if (unattributed(m)) count++;
    return count;
  }

  /**
   * Whether the first customer message cannot be read: it came without text, or a message whose
   * writer is unknown comes first (it may be the customer's).
   */
  public boolean firstCustomerMessageUnknown() {
    for (int i = 0; i < roleOf.length; i++) {
      Message m = messages.get(i);
      if (unattributed(m)) return true;
      if (roleOf[i] == Role.CUSTOMER) return m.message() == null;
    }
    return false;
  }

  public boolean has(Role role) {
    for (Role r : roleOf) if (r == role) return true;
    return false;
  }
}
