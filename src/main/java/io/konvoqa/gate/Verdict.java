package io.konvoqa.gate;

import java.util.List;
import java.util.Objects;

/**
 * What a gate found: its outcome, the main figure, a table of figures, and every offending
 * session with the reason it offends. Gates produce verdicts; the report and the console only
 * render them.
 *
 * @param gate the claim as the feature states it, e.g. "the unresolved rate is at most 15%"
 * @param figure the main figure in a few words, for the one-screen summary
 * @param segments per-segment results or a distribution, for charts (may be empty)
 * @param confusion the routing table of a routing gate, or null
 */
public record Verdict(
    String gate,
    Outcome outcome,
    String reason,
    String figure,
    List<Figure> figures,
    List<Offender> offenders,
    List<Segment> segments,
    Confusion confusion) {

  public Verdict {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    figure = figure == null ? "" : figure;
    figures = List.copyOf(figures);
    offenders = List.copyOf(offenders);
    segments = List.copyOf(segments);
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /** A verdict that could not judge, with no figures beyond the reason. */
  public static Verdict notJudged(String gate, Outcome outcome, String reason) {
    if (!outcome.couldNotJudge()) throw new IllegalArgumentException("not a could-not-judge outcome: " + outcome);
    return new Verdict(gate, outcome, reason, "not judged", List.of(), List.of(), List.of(), null);
  }

  public Verdict withFigures(List<Figure> more) {
    List<Figure> all = new java.util.ArrayList<>(figures);
    all.addAll(more);
    return new Verdict(gate, outcome, reason, figure, all, offenders, segments, confusion);
  }
}
