package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * What a gate over messages found session by session: the offenders, and the sessions it could not
 * read (messages without text or origin), with how many such messages they hold.
 */
final class Findings {
  final List<Offender> offenders = new ArrayList<>();
  private final List<Session> unclear = new ArrayList<>();
  private long messages;

  void offends(Session s, String reason) {
    offenders.add(new Offender(s.id(), reason));
  }

  /** A session the gate could not read whole, holding {@code unread} such messages (none: nothing noted). */
  void unclear(Session s, long unread) {
    if (unread <= 0) return;
    unclear.add(s);
    messages += unread;
  }

  /** The sessions not read whole, as unknowns: see {@link TextGaps#of}. */
  Completeness unknown(String whose, String consequence) {
    return TextGaps.of(unclear, messages, whose, consequence);
  }
}
