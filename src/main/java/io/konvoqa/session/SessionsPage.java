package io.konvoqa.session;

import java.util.List;

/** One page of {@code GET /ai-sessions}: {@code count} is the total the server claims to match. */
public record SessionsPage(Integer count, List<Session> result) {
  public SessionsPage {
    result = result == null ? List.of() : List.copyOf(result);
  }
}
