package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.List;

/**
 * Messages a gate must read but the API sent without text ({@code "message": null}, the text under
 * another field name, a null entry in the messages array), as sessions the gate cannot see as they
 * are: a phrase cannot be looked for in a text that is not there.
 */
final class TextGaps {
  private TextGaps() {}

  /**
   * The sessions among {@code affected} as unknowns, counting their messages without text.
   *
   * @param messages how many messages without text they hold
   * @param whose what those messages may be, e.g. "AI replies"
   * @param consequence e.g. "what they said cannot be searched"
   */
  static Completeness of(List<Session> affected, long messages, String whose, String consequence) {
    return of(affected.size(), affected.isEmpty() ? null : affected.get(0).id(), messages, whose, consequence);
  }

  /** As {@link #of(List, long, String, String)}, given how many sessions and the first one's id. */
  static Completeness of(int sessions, String firstId, long messages, String whose, String consequence) {
    if (sessions == 0) return Completeness.WHOLE;
    return new Completeness(sessions, plural(sessions, "session") + " (e.g. "
        + firstId + ") " + (sessions == 1 ? "holds " : "hold ")
        + plural(messages, "message") + " without text that may be " + whose + " (\"message\" null or"
        + " missing, or a null entry in the messages array): " + consequence);
  }

  static String plural(long n, String noun) {
    return Judging.count(n) + " " + noun + (n == 1 ? "" : "s");
  }
}
