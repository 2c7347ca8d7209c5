package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.List;

/**
 * The unresolved rate now against the baseline's, among completed sessions on both sides (see
 * {@link Rise}).
 */
final class UnresolvedRise {
  private UnresolvedRise() {}

  private static final Rise.Words WORDS = new Rise.Words("unresolved rate", "completed sessions", "unresolved");

  static Verdict judge(Comparison c, double allowedRise, String gate) {
    Rise.checkAllowed(allowedRise);
    String status = "a status (completed, unresolved)";
    Verdict early = Judging.missing(gate, c.now(), Judging::hasStatus, status);
    if (early == null) early = c.baselineUnfit(Judging.missing(gate, c.baseline(), Judging::hasStatus, status));
    if (early != null) return early;
    return Rise.judge(c, allowedRise, WORDS, side(c.now()), side(c.baseline()), gate);
  }

  private static Rise.Side side(Sample sample) {
    List<Session> completed = sample.sessions().stream().filter(Session::isCompleted).toList();
    List<Offender> unresolved = completed.stream().filter(s -> Boolean.TRUE.equals(s.unresolved()))
        .map(s -> new Offender(s.id(), "unresolved")).toList();
    return new Rise.Side(unresolved.size(), completed.size(), unresolved, sample.completeness());
  }
}
