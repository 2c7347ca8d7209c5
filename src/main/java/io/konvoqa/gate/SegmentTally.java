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
  private final Spellings spellings = new Spellings();
  private final Map<String, Counts> byKey = new HashMap<>();

  /** A segment so far; a segment of open sessions only is listed, not judged. */
  static final class Counts {
    long hits, n;
    final List<String> unresolved = new ArrayList<>();
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
    spellings.add(value, 1);
    Counts counts = byKey.computeIfAbsent(Spellings.key(value), k -> new Counts());
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
    Map<String, Counts> shown = new TreeMap<>();
    byKey.forEach((key, counts) -> shown.put(spellings.shown(key), counts));
    return Segments.judge(scope, claim, segmentName, new LinkedHashMap<>(shown), gate);
  }
}
