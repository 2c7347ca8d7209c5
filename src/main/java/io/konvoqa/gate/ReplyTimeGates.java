package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Gates on the time the AI takes for every reply, not only the first (see {@link ReplyTimes} for
 * what a reply time is): the median, and the share sent within a limit, overall and per segment.
 * The units are replies: the minimum sample is of replies, and a session with many replies weighs
 * more. Offenders are the sessions with a reply over the limit, slowest first, each naming its
 * slowest reply. A message without {@code created_at} makes the times unmeasurable: data unavailable.
 */
public final class ReplyTimeGates {
  private ReplyTimeGates() {}

  /** Passes when the median reply time (the lower middle reply, so: at least half within) is at most {@code limit}. */
  public static Gate median(Duration limit) {
    return gate -> new Timing(gate, limit) {
      @Override public Verdict finish(Scope scope) {
        Verdict early = early(scope);
        return early != null ? early : MedianVerdict.of(gate, limit, sorted(), over, unknown(scope), offenders(), scope);
      }
    };
  }

  public static Verdict median(Sample sample, Duration limit, String gate) {
    return sample.judge(median(limit), gate);
  }

  /** Passes when at least {@code atLeast} of AI replies are sent within {@code limit}. */
  public static Gate within(Duration limit, double atLeast) {
    return gate -> new Timing(gate, limit) {
      @Override public Verdict finish(Scope scope) {
        Verdict early = early(scope);
        if (early != null) return early;
        String within = Durations.format(limit);
        long n = times.size();
        return Rates.verdict(gate, RateClaim.atLeast(atLeast), new Rates.Rate("share of AI replies sent within " + within,
            "AI replies", "sent within " + within, n - over, n, "%s of %s AI replies were sent within " + within),
            unknown(scope), offenders(), scope);
      }
    };
  }

  public static Verdict within(Sample sample, Duration limit, double atLeast, String gate) {
    return sample.judge(within(limit, atLeast), gate);
  }

  /**
   * As {@link #within}, for each segment (e.g. channel) on its own, judged as the per-segment
   * unresolved rate is. The median per segment is this with 50%: the median is at most the limit
   * exactly when at least half the replies are within it.
   */
  public static Gate withinPerSegment(Duration limit, double atLeast, String segmentName,
      Function<Session, String> segmentOf) {
    return perSegment(limit, atLeast, "share of AI replies sent within " + Durations.format(limit), segmentName, segmentOf);
  }

  public static Verdict withinPerSegment(Sample sample, Duration limit, double atLeast, String segmentName,
      Function<Session, String> segmentOf, String gate) {
    return sample.judge(withinPerSegment(limit, atLeast, segmentName, segmentOf), gate);
  }

  /**
   * The median reply time of each segment on its own: at most {@code limit} exactly when at least
   * half the segment's replies are within it, which is what is judged.
   */
  public static Gate medianPerSegment(Duration limit, String segmentName, Function<Session, String> segmentOf) {
    String within = Durations.format(limit);
    return perSegment(limit, 0.5, "share of AI replies sent within " + within + " (the median is at most "
        + within + " when it is at least 50%)", segmentName, segmentOf);
  }

  public static Verdict medianPerSegment(Sample sample, Duration limit, String segmentName,
      Function<Session, String> segmentOf, String gate) {
    return sample.judge(medianPerSegment(limit, segmentName, segmentOf), gate);
  }

  private static Gate perSegment(Duration limit, double atLeast, String rate, String segmentName,
      Function<Session, String> segmentOf) {
    SegmentMeasure measure = new SegmentMeasure(rate, "AI replies", "AI replies",
        "sent within " + Durations.format(limit), "sent later");
    return gate -> new SegmentTally(gate, RateClaim.atLeast(atLeast), measure, segmentName, segmentOf,
        new SegmentTally.Counter() {
          final Origins ai = new Origins(Role.AI);
          final SessionCount undated = new SessionCount();
          int size;
          long replies, sessionsWithReplies;

          @Override public SegmentTally.Units of(SessionView v) {
            Conversation c = v.conversation();
            if (ReplyTimes.undated(c)) {
              undated.add(v, 0);
              return SegmentTally.Units.NONE;
            }
            ReplyTimes r = ReplyTimes.of(c);
            if (r.uncertain() > 0) return new SegmentTally.Units(0, 0, r.uncertain(), null);
            replies += r.times().size();
            if (!r.times().isEmpty()) sessionsWithReplies++;
            return new SegmentTally.Units(r.times().size() - r.over(limit), r.times().size(), 0, r.offence(limit));
          }

          @Override public void observe(SessionView v) {
            size++;
            ai.add(v.conversation());
          }

          @Override public Verdict early(String gate) {
            Verdict early = ai.noMessageFrom(gate, size);
            return early != null ? early : Timing.undated(gate, undated);
          }

          @Override public Completeness unknown(Scope scope, SessionCount found) {
            return ReplyTimes.unknown(scope.completeness(), replies, sessionsWithReplies, found);
          }
        }, Need.MESSAGES);
  }

  /** The reply times of every session judged, and the sessions with one over the limit. */
  private abstract static class Timing extends MessageGates.Tally {
    final Duration limit;
    final List<Duration> times = new ArrayList<>();
    final SessionCount undated = new SessionCount();
    final SessionCount unknown = new SessionCount();
    private final List<Slow> slow = new ArrayList<>();
    long over, sessionsWithReplies;

    private record Slow(Offender offender, Duration slowest) {}

    Timing(String gate, Duration limit) {
      super(gate);
      this.limit = limit;
    }

    @Override void take(SessionView s) {
      Conversation c = s.conversation();
      if (ReplyTimes.undated(c)) {
        undated.add(s, 0);
        return;
      }
      ReplyTimes r = ReplyTimes.of(c);
      if (r.uncertain() > 0) {
        unknown.add(s, r.uncertain());
        return;
      }
      times.addAll(r.times());
      if (!r.times().isEmpty()) sessionsWithReplies++;
      over += r.over(limit);
      String offence = r.offence(limit);
      if (offence != null) slow.add(new Slow(new Offender(s.id(), offence), r.slowest()));
    }

    Verdict early(Scope scope) {
      Verdict early = needMessages(scope);
      return early != null ? early : undated(gate, undated);
    }

    static Verdict undated(String gate, SessionCount undated) {
      if (undated.none()) return null;
      return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, TextGaps.plural(undated.sessions, "session")
          + " with a customer message " + (undated.sessions == 1 ? "has" : "have") + " messages without created_at (e.g. "
          + undated.first + "): cannot measure AI reply times");
    }

    Completeness unknown(Scope scope) {
      return ReplyTimes.unknown(scope.completeness(), times.size(), sessionsWithReplies, unknown);
    }

    /** The sessions with a reply over the limit, slowest first. */
    List<Offender> offenders() {
      return slow.stream().sorted(Comparator.comparing(Slow::slowest).reversed()).map(Slow::offender).toList();
    }

    List<Duration> sorted() {
      List<Duration> sorted = new ArrayList<>(times);
      sorted.sort(null);
      return sorted;
    }
  }
}
