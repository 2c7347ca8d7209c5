package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How sessions spread over the values of an open set (sub_intent_type), and how far two such
 * spreads lie apart: the total variation distance, half the sum of the absolute differences of
 * the shares, 0 (the same) to 1 (nothing in common). It is the largest difference in share any
 * group of values can show, which makes it easy to read: "at most 8% of sessions moved".
 */
public final class Distribution {
  private final Map<String, Long> counts;
  private final long total;

  /** One value's share now and in the baseline. */
  public record Move(String value, long count, double share, long baselineCount, double baselineShare) {
    public double change() {
      return share - baselineShare;
    }

    public boolean isNew() {
      return baselineCount == 0;
    }

    public boolean vanished() {
      return count == 0;
    }
  }

  private Distribution(Map<String, Long> counts) {
    this.counts = Map.copyOf(counts);
    this.total = counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts each session under its value; a null value counts as "(none)". */
  public static Distribution of(Collection<Session> sessions, Function<Session, String> valueOf) {
    Map<String, Long> counts = new TreeMap<>();
    for (Session s : sessions) counts.merge(Judging.label(valueOf.apply(s)), 1L, Long::sum);
    return new Distribution(counts);
  }

  public long total() {
    return total;
  }

  public long count(String value) {
    return counts.getOrDefault(value, 0L);
  }

  public double share(String value) {
    return total == 0 ? 0 : (double) count(value) / total;
  }

  public Set<String> values() {
    return new TreeSet<>(counts.keySet());
  }

  /** The total variation distance to {@code other}; both must hold sessions. */
  public double totalVariation(Distribution other) {
    if (total == 0 || other.total == 0) {
      throw new IllegalArgumentException("a distribution of no sessions has no distance: both sides"
          + " need sessions but had " + total + " and " + other.total);
    }
    double sum = 0;
    for (String value : union(other)) sum += Math.abs(share(value) - other.share(value));
    return sum / 2;
  }

  /**
   * Roughly the distance two samples of these sizes from one and the same spread would show by
   * chance: the sum over values of E|normal difference| / 2, with pooled shares.
   */
  public double noiseFloor(Distribution other) {
    double n1 = total, n2 = other.total, sum = 0;
    for (String value : union(other)) {
      double pooled = (count(value) + other.count(value)) / (n1 + n2);
      sum += Math.sqrt(2 / Math.PI * pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    }
    return sum / 2;
  }

  /** Every value of either side, the biggest change in share first (ties by name). */
  public List<Move> movesFrom(Distribution baseline) {
    List<Move> moves = new ArrayList<>();
    for (String value : union(baseline)) {
      moves.add(new Move(value, count(value), share(value), baseline.count(value), baseline.share(value)));
    }
    // rounded, so that floating-point dust cannot break a tie between equal changes
    moves.sort(Comparator.comparingLong((Move m) -> -Math.round(Math.abs(m.change()) * 1e9))
        .thenComparing(Move::value));
    return moves;
  }

  private Set<String> union(Distribution other) {
    Set<String> all = new TreeSet<>(counts.keySet());
    all.addAll(other.counts.keySet());
    return all;
  }
}
