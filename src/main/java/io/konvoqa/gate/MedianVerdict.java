package io.konvoqa.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict of a median reply time against its limit. The median is the lower middle reply (the
 * ceil(n/2)-th fastest), so it is at most the limit exactly when at least half the replies are
 * within it: under the minimum sample the gate is breached only when significantly fewer than
 * half are (Wilson and an exact binomial test agree, as for a rate), else it cannot judge.
 */
final class MedianVerdict {
  private MedianVerdict() {}

  private static final RateClaim HALF = RateClaim.atLeast(0.5);

  static Verdict of(String gate, Duration limit, List<Duration> sorted, long over, Completeness unknown,
      List<Offender> slowest, Scope scope) {
    long n = sorted.size();
    int minimum = scope.minimumSample();
    Outcome outcome = HALF.judge(n - over, n, minimum);
    if (outcome == Outcome.INSUFFICIENT_DATA) {
      Verdict tooFew = Judging.tooFew(gate, scope, n, "AI replies");
      return tooFew != null ? tooFew : Verdict.notJudged(gate, Outcome.INSUFFICIENT_DATA,
          "no AI reply to a customer message (" + scope.describe() + "): cannot judge " + gate);
    }
    Duration median = sorted.get((int) ((n + 1) / 2 - 1));
    String limitText = Durations.format(limit);
    String figure = "median AI reply time " + ReplyTimes.format(median) + " of " + Judging.count(n) + " AI replies";
    String share = Percent.format((double) (n - over) / n) + " were sent within " + limitText;
    String reason = outcome == Outcome.PASSED ? figure + " is at most " + limitText + " (" + share + ")"
        : n < minimum ? figure + " is above " + limitText + " even with few replies: only " + share
            + ", significantly fewer than half"
        : figure + " is above " + limitText + " (only " + share + ")";
    List<Figure> figures = new ArrayList<>(List.of(
        new Figure("median AI reply time", ReplyTimes.format(median)),
        new Figure("95th percentile", ReplyTimes.format(sorted.get((int) Math.ceil(0.95 * n) - 1))),
        new Figure("slowest AI reply", ReplyTimes.format(sorted.get((int) n - 1))),
        Figure.n("n (AI replies)", n),
        Figure.rate("share sent within " + limitText, Percent.format((double) (n - over) / n), (double) (n - over) / n),
        Figure.threshold("median at most " + limitText + ": at least 50% sent within it", 0.5),
        new Figure("sessions", scope.describe())));
    Verdict v = Verdict.of(gate, outcome, reason).figure(figure).figures(figures)
        .offenders(outcome == Outcome.PASSED ? List.of() : slowest).build();
    long u = unknown.uncertain();
    List<Outcome> cases = List.of(HALF.judge(n - over + u, n + u, minimum), HALF.judge(n - over, n + u, minimum));
    return Uncertain.unlessAnyDiffers(v, unknown, cases, "with all of them sent within " + limitText
        + ", or none, the median could end on the other side of the limit");
  }
}
