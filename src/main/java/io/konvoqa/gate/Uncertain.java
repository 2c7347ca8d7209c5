package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * What sessions a gate cannot see as they are (not served, served twice differently, a reply
 * without its text) do to its verdict. A gate that passes only when nothing offends cannot pass
 * while any is unknown; a rate gate cannot judge when its verdict would differ if every unknown
 * session were counted, or if none were. An offender found stays found.
 */
final class Uncertain {
  private Uncertain() {}

  /**
   * For a rate: null when the outcome is the same whether all unknown sessions count or none do;
   * else the cases that differ, as a sentence to append to the reason.
   */
  static String rateChanges(RateClaim claim, Rates.Rate rate, Completeness unknown, int minimum,
      Outcome outcome) {
    if (unknown.whole()) return null;
    long u = unknown.uncertain(), n = rate.n() + u;
    List<String> differ = new ArrayList<>();
    Outcome all = claim.judge(rate.hits() + u, n, minimum);
    if (all != outcome) {
      differ.add("if all " + Judging.count(u) + " were " + rate.counted() + ", it would be "
          + claim.rate(rate.hits() + u, n) + " of " + Judging.count(n) + " and the gate " + would(all));
    }
    Outcome none = claim.judge(rate.hits(), n, minimum);
    if (none != outcome) {
      differ.add("if none of the " + Judging.count(u) + " were " + rate.counted() + ", it would be "
          + claim.rate(rate.hits(), n) + " of " + Judging.count(n) + " and the gate " + would(none));
    }
    return differ.isEmpty() ? null : "; " + String.join("; ", differ);
  }

  /** "passes", "is breached": what a gate would do. */
  static String would(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> "would pass";
      case BREACHED -> "would be breached";
      default -> "would be too few to judge";
    };
  }

  /** The reason of a verdict the unknown sessions could change: theirs first, then the detail. */
  static String couldChange(Completeness unknown, String detail) {
    return unknown.reason() + ", and the verdict could change with them: " + detail;
  }

  /**
   * A gate that passes only when nothing offends: passed with sessions unknown, it cannot judge
   * (one of them might offend). Any other verdict stands, noting the unknown sessions.
   */
  static Verdict absence(Verdict v, Completeness unknown) {
    if (unknown.whole()) return v;
    if (!v.passed()) return v.withFigures(List.of(note(unknown)));
    List<Figure> figures = new ArrayList<>(v.figures());
    figures.add(note(unknown));
    return notJudged(v, couldChange(unknown, v.reason() + " among the"
        + " sessions seen, but any of the " + Judging.count(unknown.uncertain()) + " not seen as they are"
        + " could offend"), figures);
  }

  /**
   * A gate whose outcome is recomputed with the unknown sessions placed where they matter most:
   * the verdict stands when every such case ends the same, else it cannot judge.
   */
  static Verdict unlessAnyDiffers(Verdict v, Completeness unknown, List<Outcome> cases, String detail) {
    if (unknown.whole() || v.outcome().couldNotJudge()) return v;
    if (cases.stream().allMatch(o -> o == v.outcome())) return v.withFigures(List.of(note(unknown)));
    List<Figure> figures = new ArrayList<>(v.figures());
    figures.add(note(unknown));
    return notJudged(v, couldChange(unknown, v.reason() + "; " + detail), figures);
  }

  /** {@code v} as could-not-judge, without offenders, keeping its evidence. */
  private static Verdict notJudged(Verdict v, String reason, List<Figure> figures) {
    Verdict.Builder b = Verdict.of(v.gate(), Outcome.DATA_UNAVAILABLE, reason).figure("not judged: " + v.figure())
        .figures(figures);
    for (Evidence e : v.evidence()) b.evidence(e);
    return b.build();
  }

  static Figure note(Completeness unknown) {
    return new Figure("sessions not seen as they are", unknown.reason());
  }
}
