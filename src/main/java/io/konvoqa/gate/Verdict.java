package io.konvoqa.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a gate found: its outcome, the main figure, a table of typed figures, typed evidence, and
 * every offending session with the reason it offends. Gates produce verdicts; the report and the
 * console only render them. Build one with {@link #of}.
 *
 * @param gate the claim as the feature states it, e.g. "the unresolved rate is at most 15%"
 * @param figure the main figure in a few words, for the one-screen summary
 * @param evidence routing tables, per-segment tables, ... (may be empty)
 */
public record Verdict(
    String gate,
    Outcome outcome,
    String reason,
    String figure,
    List<Figure> figures,
    List<Offender> offenders,
    List<Evidence> evidence) {

  public Verdict {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    figure = figure == null ? "" : figure;
    figures = List.copyOf(figures);
    List<Offender> stamped = new ArrayList<>(offenders.size());
    for (Offender o : offenders) stamped.add(o.of(gate));
    offenders = List.copyOf(stamped);
    evidence = List.copyOf(evidence);
  }

  /** Starts a verdict of {@code gate}. */
  public static Builder of(String gate, Outcome outcome, String reason) {
    return new Builder(gate, outcome, reason);
  }

  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /** The rows of the per-segment table, or none. */
  public List<Segment> segments() {
    for (Evidence e : evidence) if (e instanceof SegmentTable t) return t.rows();
    return List.of();
  }

  /** The routing table, or null. */
  public Confusion confusion() {
    for (Evidence e : evidence) if (e instanceof Confusion c) return c;
    return null;
  }

  /** The first figure of that kind, or null. */
  public Figure figure(Figure.Kind kind) {
    for (Figure f : figures) if (f.kind() == kind) return f;
    return null;
  }

  /**
   * The verdict with every text it holds passed through {@code text}: claim, reason, figures,
   * offenders' reasons and all evidence. Masking goes through here, so a new text is masked by
   * construction. Session ids, numbers and the outcome stay.
   */
  public Verdict mapText(UnaryOperator<String> text) {
    UnaryOperator<String> safe = s -> s == null ? null : text.apply(s);
    return new Verdict(safe.apply(gate), outcome, safe.apply(reason), safe.apply(figure),
        figures.stream().map(f -> f.mapText(safe)).toList(),
        offenders.stream().map(o -> o.mapText(safe)).toList(),
        evidence.stream().map(e -> e.mapText(safe)).toList());
  }

  /** A verdict that could not judge, with no figures beyond the reason. */
  public static Verdict notJudged(String gate, Outcome outcome, String reason) {
    if (!outcome.couldNotJudge()) throw new IllegalArgumentException("not a could-not-judge outcome: " + outcome);
    return of(gate, outcome, reason).figure("not judged").build();
  }

  public Verdict withFigures(List<Figure> more) {
    List<Figure> all = new ArrayList<>(figures);
    all.addAll(more);
    return new Verdict(gate, outcome, reason, figure, all, offenders, evidence);
  }

  /** Builds a verdict; figures, offenders and evidence default to none. */
  public static final class Builder {
    private final String gate;
    private final Outcome outcome;
    private final String reason;
    private String figure = "";
    private final List<Figure> figures = new ArrayList<>();
    private List<Offender> offenders = List.of();
    private final List<Evidence> evidence = new ArrayList<>();

    private Builder(String gate, Outcome outcome, String reason) {
      this.gate = Objects.requireNonNull(gate, "gate");
      this.outcome = Objects.requireNonNull(outcome, "outcome");
      this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Builder figure(String figure) {
      this.figure = figure;
      return this;
    }

    public Builder figures(List<Figure> more) {
      figures.addAll(more);
      return this;
    }

    public Builder offenders(List<Offender> offenders) {
      this.offenders = offenders;
      return this;
    }

    public Builder evidence(Evidence e) {
      if (e != null) evidence.add(e);
      return this;
    }

    public Verdict build() {
      return new Verdict(gate, outcome, reason, figure, figures, offenders, evidence);
    }
  }
}
