package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * What a gate over messages found session by session: the offenders, and the sessions it could not
 * read (messages without text or origin), with how many such messages they hold.
 */
final class Findings {
  final List<Offender> offenders = new ArrayList<>();
  private int unclear;
  private String firstUnclear;
  private long messages;

  void offends(SessionView s, String reason) {
    offenders.add(new Offender(s.id(), reason));
  }

  /** A session the gate could not read whole, holding {@code unread} such messages (none: nothing noted). */
  void unclear(SessionView s, long unread) {
    if (unread <= 0) return;
    if (unclear++ == 0) firstUnclear = s.id();
    messages += unread;
  }

  /** The sessions not read whole, as unknowns: see {@link TextGaps#of}. */
  Completeness unknown(String whose, String consequence) {
    return TextGaps.of(unclear, firstUnclear, messages, whose, consequence);
  }
}
