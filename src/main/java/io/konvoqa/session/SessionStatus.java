package io.konvoqa.session;

import java.time.Instant;

/** The {@code status} object of a session: whether it is completed and whether it was resolved. */
public record SessionStatus(
    String sessionId,
    Boolean completed,
    Boolean unresolved,
    Instant completedAt,
    Instant lastMessageDate,
    Instant lastUpdated) {}
