package io.konvoqa.gate;

import io.konvoqa.session.Message;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a session runs, whoever writes: its number of messages (every role, and messages whose
 * writer or text is unknown, which are messages all the same) and the time from its first to its
 * last message.
 */
public final class LengthGates {
  private LengthGates() {}

  /** No session has more than {@code max} messages, of any role. */
  public static Gate maxMessages(int max) {
    if (max < 0) throw new IllegalArgumentException("max must be 0 or more but was " + max);
    return gate -> new Tally(gate, Need.MESSAGES) {
      final Findings found = new Findings();

      @Override void take(SessionView s) {
        int count = s.session().messages().size();
        if (count > max) found.offends(s, count + " messages, at most " + max);
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = missing(Need.MESSAGES);
        if (early == null) early = none(scope);
        if (early != null) return early;
        Verdict v = MessageGates.absence(gate, scope, size, "sessions", found.offenders, "more than " + max
            + " messages", "no session of " + Judging.count(size) + " has more than " + max + " messages");
        return Uncertain.absence(v, scope.completeness());
      }
    };
  }

  public static Verdict maxMessages(Sample sample, int max, String gate) {
    return sample.judge(maxMessages(max), gate);
  }

  /**
   * No session lasts longer than {@code limit}, from its first message's {@code created_at} to its
   * last one's. A session with a message without {@code created_at} cannot be measured: unless its
   * dated messages alone already span more than the limit (an offender all the same), the gate
   * cannot pass while any is found (data unavailable). A session with fewer than two messages lasts 0.
   */
  public static Gate maxDuration(Duration limit) {
    if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("limit must be positive but was " + limit);
    return gate -> new Tally(gate, Need.MESSAGES) {
      final Findings found = new Findings();
      final SessionCount undated = new SessionCount();

      @Override void take(SessionView s) {
        Instant first = null, last = null;
        long withoutTime = 0;
        for (Message m : s.session().messages()) {
          Instant at = m.createdAt();
          if (at == null) {
            withoutTime++;
            continue;
          }
          if (first == null || at.isBefore(first)) first = at;
          if (last == null || at.isAfter(last)) last = at;
        }
        Duration span = first == null ? Duration.ZERO : Duration.between(first, last);
        if (span.compareTo(limit) > 0) {
          found.offends(s, "lasts " + Durations.shortForm(span) + " from first to last message, at most "
              + Durations.format(limit) + (withoutTime > 0 ? " (" + TextGaps.plural(withoutTime, "message")
              + " without created_at not counted)" : ""));
        } else if (withoutTime > 0) {
          undated.add(s, withoutTime);
        }
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = missing(Need.MESSAGES);
        if (early == null) early = none(scope);
        if (early != null) return early;
        String longer = "longer than " + Durations.format(limit);
        Verdict v = MessageGates.absence(gate, scope, size, "sessions", found.offenders, "a conversation "
            + longer, "no session of " + Judging.count(size) + " lasts " + longer);
        return Uncertain.absence(v, scope.completeness().plus(undated()));
      }

      private Completeness undated() {
        if (undated.none()) return Completeness.WHOLE;
        int n = undated.sessions;
        return new Completeness(n, TextGaps.plural(n, "session") + " (e.g. " + undated.first + ") "
            + (n == 1 ? "holds " : "hold ") + TextGaps.plural(undated.messages, "message")
            + " without created_at: how long " + (n == 1 ? "it lasts" : "they last") + " cannot be measured");
      }
    };
  }

  public static Verdict maxDuration(Sample sample, Duration limit, String gate) {
    return sample.judge(maxDuration(limit), gate);
  }
}
