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
 * The unresolved rate of each segment, counted session by session: per segment (values that
 * differ only in case are one) its completed and unresolved sessions, and the unresolved ones' ids.
 */
final class SegmentTally extends Tally {
  private final RateClaim claim;
  private final String segmentName;
  private final Function<Session, String> segmentOf;
  private final Map<String, Counts> byKey = new HashMap<>();
  /** Each value as sessions wrote it (null too): its segment, and how many wrote it so. */
  private final Map<String, Value> byValue = new HashMap<>();

  /** A segment so far; a segment of open sessions only is listed, not judged. */
  static final class Counts {
    long hits, n;
    final List<String> unresolved = new ArrayList<>();
  }

  private static final class Value {
    final Counts segment;
    long sessions;

    Value(Counts segment) {
      this.segment = segment;
    }
  }

  SegmentTally(String gate, RateClaim claim, String segmentName, Function<Session, String> segmentOf) {
    super(gate, Need.STATUS);
    this.claim = claim;
    this.segmentName = segmentName;
    this.segmentOf = segmentOf;
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
    if (!s.isCompleted()) return;
    counts.n++;
    if (Boolean.TRUE.equals(s.unresolved())) {
      counts.hits++;
      counts.unresolved.add(s.id());
    }
  }

  @Override public Verdict finish(Scope scope) {
    Verdict early = missing(Need.STATUS);
    if (early == null) early = none(scope);
    if (early != null) return early;
    // each segment under the spelling shown, in alphabetical order
    Spellings spellings = new Spellings();
    byValue.forEach((value, seen) -> spellings.add(value, seen.sessions));
    Map<String, Counts> shown = new TreeMap<>();
    byKey.forEach((key, counts) -> shown.put(spellings.shown(key), counts));
    return Segments.judge(scope, claim, segmentName, new LinkedHashMap<>(shown), gate);
  }
}
