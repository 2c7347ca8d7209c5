package io.konvoqa.gate;

/**
 * Sessions counted as a gate meets them, keeping only the first one's id (for "e.g. ...") and how
 * many messages of theirs matter.
 */
final class SessionCount {
  int sessions;
  String first;
  long messages;

  void add(SessionView s, long messagesOfIt) {
    if (sessions++ == 0) first = s.id();
    messages += messagesOfIt;
  }

  boolean none() {
    return sessions == 0;
  }

  /** These sessions as unknowns: see {@link TextGaps#of}. */
  Completeness unknown(String whose, String consequence) {
    return TextGaps.of(sessions, first, messages, whose, consequence);
  }
}
