package io.konvoqa.gate;

/**
 * What a per-segment gate counts, in the words its verdict uses: the unresolved rate among
 * completed sessions, the handover rate among sessions, the share of AI replies sent in time.
 *
 * @param rate e.g. "unresolved rate"
 * @param per the population after a count, e.g. "completed" in "9.6% of 410 completed"
 * @param population the population named on its own, e.g. "completed sessions"
 * @param counted what a counted unit is, e.g. "unresolved"
 * @param notCounted what the others are, e.g. "resolved"
 */
record SegmentMeasure(String rate, String per, String population, String counted, String notCounted) {
  static final SegmentMeasure UNRESOLVED =
      new SegmentMeasure("unresolved rate", "completed", "completed sessions", "unresolved", "resolved");
  static final SegmentMeasure HANDOVER =
      new SegmentMeasure("handover rate", "sessions", "sessions", "handed over", "not handed over");
}
