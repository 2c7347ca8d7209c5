package io.konvoqa.client;

import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import java.util.List;

/**
 * The sessions of one window, those the server sent from outside it (set aside, never judged),
 * and the summary of the fetch.
 */
public record FetchResult(
    Window window, List<Session> sessions, List<Session> outsideWindow, FetchSummary summary) {
  public FetchResult {
    sessions = List.copyOf(sessions);
    outsideWindow = List.copyOf(outsideWindow);
  }
}
