package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A rate of each segment, counted session by session: per segment (values that differ only in
 * case are one) its population and counted units, and the offending sessions. What a session adds
 * is its {@link Counter}'s answer; the unresolved rate is the one counted by default.
 */
final class SegmentTally extends Tally {
  private final RateClaim claim;
  private final SegmentMeasure measure;
  private final String segmentName;
  private final Function<Session, String> segmentOf;
  private final Counter counter;
  private final Map<String, Counts> byKey = new HashMap<>();
  /** Each value as sessions wrote it (null too): its segment, and how many wrote it so. */
  private final Map<String, Value> byValue = new HashMap<>();
  /** Sessions whose units are unknown, and how many units they may hold. */
  private final SessionCount unknown = new SessionCount();

  /** A segment so far; a segment without population is listed, not judged. */
  static final class Counts {
    long hits, n;
    /** The offending sessions, each with what it did (e.g. "unresolved"). */
    final List<Offender> offending = new ArrayList<>();
  }

  /**
   * What one session adds to its segment: {@code hits} counted of {@code n} units, {@code unknown}
   * units it may hold that cannot be told, and its offence against the claim (null: none).
   */
  record Units(long hits, long n, long unknown, String offence) {
    static final Units NONE = new Units(0, 0, 0, null);
  }

  /** What a per-segment gate counts in a session, and what it checks before it judges. */
  interface Counter {
    Units of(SessionView v);

    /** Sees every session, also once data is missing. */
    default void observe(SessionView v) {}

    /** Could-not-judge before the counts are judged; null to judge them. */
    default Verdict early(String gate) {
      return null;
    }

    /** The units not seen as they are: the window's unknowns and the sessions counted in {@code found}. */
    default Completeness unknown(Scope scope, SessionCount found) {
      return scope.completeness();
    }
  }

  /** The unresolved rate among completed sessions: an unresolved one offends an "at most" claim. */
  static final Counter UNRESOLVED = v -> {
    Session s = v.session();
    if (!s.isCompleted()) return Units.NONE;
    boolean unresolved = Boolean.TRUE.equals(s.unresolved());
    return new Units(unresolved ? 1 : 0, 1, 0, unresolved ? "unresolved" : null);
  };

  private static final class Value {
    final Counts segment;
    long sessions;

    Value(Counts segment) {
      this.segment = segment;
    }
  }

  SegmentTally(String gate, RateClaim claim, String segmentName, Function<Session, String> segmentOf) {
    this(gate, claim, SegmentMeasure.UNRESOLVED, segmentName, segmentOf, UNRESOLVED, Need.STATUS);
  }

  SegmentTally(String gate, RateClaim claim, SegmentMeasure measure, String segmentName,
      Function<Session, String> segmentOf, Counter counter, Need... needs) {
    super(gate, needs);
    this.claim = claim;
    this.measure = measure;
    this.segmentName = segmentName;
    this.segmentOf = segmentOf;
    this.counter = counter;
  }

  @Override void observe(SessionView v) {
    counter.observe(v);
  }

  @Override void take(SessionView v) {
    Session s = v.session();
    String value = segmentOf.apply(s);
    Value seen = byValue.get(value);
    if (seen == null) {
      seen = new Value(byKey.computeIfAbsent(Spellings.key(value), k -> new Counts()));
      byValue.put(value, seen);
    }
    seen.sessions++;
    Counts counts = seen.segment;
    Units units = counter.of(v);
    counts.n += units.n();
    counts.hits += units.hits();
    if (units.offence() != null) counts.offending.add(new Offender(s.id(), units.offence()));
    if (units.unknown() > 0) unknown.add(v, units.unknown());
  }

  @Override public Verdict finish(Scope scope) {
    Verdict early = null;
    for (Need need : Need.values()) if (early == null) early = missing(need);
    if (early == null) early = none(scope);
    if (early == null) early = counter.early(gate);
    if (early != null) return early;
    // each segment under the spelling shown, in alphabetical order
    Spellings spellings = new Spellings();
    byValue.forEach((value, seen) -> spellings.add(value, seen.sessions));
    Map<String, Counts> shown = new TreeMap<>();
    byKey.forEach((key, counts) -> shown.put(spellings.shown(key), counts));
    return Segments.judge(scope, claim, measure, segmentName, new LinkedHashMap<>(shown),
        counter.unknown(scope, unknown), gate);
  }
}
