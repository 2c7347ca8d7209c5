package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The AI's reply times in one session. A reply time is the time from the earliest customer message
 * not yet answered to the next AI message: the wait the customer had, counted once however many
 * messages they sent meanwhile. An AI message with no customer message waiting (a greeting, a
 * second message in a row) is no reply. A human agent's message answers what waits, so the AI is
 * not charged for a wait after a handover. A customer message never answered is no reply either
 * (the session's last "thanks, bye" needs none); the gate "every session with a customer message
 * has an AI reply" is the one for sessions left without any.
 *
 * @param times each reply's time, in the order sent
 * @param uncertain messages whose writer is unknown (they could be replies, or messages waiting),
 *     or the AI's, in a session holding any: its reply times cannot be told, so none is kept
 */
record ReplyTimes(List<Duration> times, long uncertain) {
  static final ReplyTimes NONE = new ReplyTimes(List.of(), 0);

  /** The reply times of a conversation whose messages all have {@code created_at}. */
  static ReplyTimes of(Conversation c) {
    long unknown = c.unknownCount();
    if (unknown > 0) return new ReplyTimes(List.of(), unknown + c.by(Role.AI).size());
    List<Duration> times = new ArrayList<>();
    Instant waiting = null;
    for (Message m : c.messages()) {
      Role role = c.role(m);
      if (role == Role.CUSTOMER && waiting == null) waiting = m.createdAt();
      else if (role == Role.HUMAN_AGENT) waiting = null;
      else if (role == Role.AI && waiting != null) {
        times.add(Duration.between(waiting, m.createdAt()));
        waiting = null;
      }
    }
    return new ReplyTimes(times, 0);
  }

  /** Whether the reply times of a session cannot be measured: a message lacks created_at. */
  static boolean undated(Conversation c) {
    return c.has(Role.CUSTOMER) && c.hasUndatedMessage();
  }

  long over(Duration limit) {
    return times.stream().filter(t -> t.compareTo(limit) > 0).count();
  }

  Duration slowest() {
    return times.stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** The offence of a session with a reply over the limit, naming its slowest; null when none is. */
  String offence(Duration limit) {
    long over = over(limit);
    if (over == 0) return null;
    return "slowest AI reply after " + format(slowest()) + "; " + over + " of " + times.size()
        + " AI replies took longer than " + Durations.format(limit);
  }

  /** A reply time as figures show it: "4.2 s", "2.0 min", "1.5 h". */
  static String format(Duration d) {
    double s = d.toMillis() / 1000.0;
    return s < 90 ? String.format(Locale.ROOT, "%.1f s", s) : Durations.shortForm(d);
  }

  /**
   * The replies a gate cannot see as they are, as a {@link Completeness} in replies: each session
   * of the window not seen as it is counts as many replies as the sessions seen held on average
   * (at least one); sessions holding messages of unknown writers count {@code unknownMessages}.
   */
  static Completeness unknown(Completeness window, long replies, long sessionsWithReplies, SessionCount found) {
    Completeness unknown = Completeness.WHOLE;
    if (!window.whole()) {
      long each = Math.max(1, sessionsWithReplies == 0 ? 1 : (replies + sessionsWithReplies - 1) / sessionsWithReplies);
      unknown = new Completeness(Math.toIntExact(window.uncertain() * each), window.reason()
          + " (counted as " + each + " AI " + (each == 1 ? "reply" : "replies") + " each, as many as the sessions seen hold on average)");
    }
    if (found.none()) return unknown;
    int n = found.sessions;
    return unknown.plus(new Completeness(Math.toIntExact(found.messages), TextGaps.plural(n, "session") + " (e.g. "
        + found.first + ") " + (n == 1 ? "holds" : "hold") + " messages whose writer is unknown (no"
        + " initiator_origin, or one KONVO_ROLES does not name): up to " + Judging.count(found.messages)
        + " AI " + (found.messages == 1 ? "reply" : "replies") + " cannot be timed"));
  }
}
