package io.konvoqa.session;

import java.util.List;

/**
 * The {@code state} object of a session: the skill the AI chose and its trail.
 *
 * <p>The shape of trail items is undocumented, so each is kept as its raw JSON text.
 */
public record SessionState(String sessionId, String type, String subIntentType, List<String> trail) {
  public SessionState {
    trail = trail == null ? null : List.copyOf(trail);
  }
}
