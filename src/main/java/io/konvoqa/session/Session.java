package io.konvoqa.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One AI session as the Konvo API lists it.
 *
 * <p>Every field but {@code id} may be null: the API omits {@code status} and {@code state} unless
 * asked for them, and {@code messages} likewise. A null {@code messages} means "not sent", which
 * is not the same as an empty list, and gates that need messages say so instead of passing.
 */
public record Session(
    String id,
    String workspaceId,
    String feedId,
    String contactId,
    String externalUserId,
    String channel,
    Instant createdAt,
    SessionStatus status,
    SessionState state,
    List<Message> messages) {

  public Session {
    Objects.requireNonNull(id, "id");
    messages = messages == null ? null : List.copyOf(messages);
  }

  /** The time the window is matched against: {@code status.last_updated}, else {@code created_at}. */
  public Instant updatedAt() {
    if (status != null && status.lastUpdated() != null) return status.lastUpdated();
    return createdAt;
  }

  /** {@code sub_intent_type}, or null when the API sent no state. */
  public String subIntentType() {
    return state == null ? null : state.subIntentType();
  }

  public boolean isCompleted() {
    return status != null && Boolean.TRUE.equals(status.completed());
  }

  /** True, false, or null when the API did not say. */
  public Boolean unresolved() {
    return status == null ? null : status.unresolved();
  }

  public boolean hasMessages() {
    return messages != null;
  }

  public Session withMessages(List<Message> newMessages) {
    return new Session(id, workspaceId, feedId, contactId, externalUserId, channel, createdAt,
        status, state, newMessages);
  }

  public Session withExternalUserId(String newExternalUserId) {
    return new Session(id, workspaceId, feedId, contactId, newExternalUserId, channel, createdAt,
        status, state, messages);
  }
}
