package io.konvoqa.gate;

import java.util.List;
import java.util.function.UnaryOperator;

/** Per-segment results (channels, sub_intent_types) or the bars of a distribution. */
public record SegmentTable(List<Segment> rows) implements Evidence {
  public SegmentTable {
    rows = List.copyOf(rows);
  }

  @Override public SegmentTable mapText(UnaryOperator<String> text) {
    return new SegmentTable(rows.stream().map(s -> new Segment(text.apply(s.name()), s.n(), s.share(),
        s.outcome(), s.note() == null ? null : text.apply(s.note()))).toList());
  }
}
