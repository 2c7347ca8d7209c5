package io.konvoqa.gate;

import java.util.function.UnaryOperator;

/**
 * What a verdict shows beyond its figures: a routing table, a per-segment table, later a grader's
 * grades. Every text it holds goes through {@link #mapText}, so masking reaches it by construction.
 */
public sealed interface Evidence permits Confusion, SegmentTable, Judgment {
  /** The same evidence with every text passed through {@code text}. */
  Evidence mapText(UnaryOperator<String> text);
}
