package io.konvoqa.gate;

/**
 * One segment of a per-segment gate (a channel, a sub_intent_type), or one bar of a distribution.
 *
 * @param share the measured share 0..1, or null when the segment was not judged
 */
public record Segment(String name, long n, Double share, Outcome outcome, String note) {}
