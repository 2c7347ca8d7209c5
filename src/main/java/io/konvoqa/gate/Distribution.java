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
 *
 * <p>Values are compared ignoring case ({@code REFUND} and {@code refund} are one value) and shown
 * in their most frequent spelling.
 */
public final class Distribution {
  private final Map<String, Long> counts; // by key: the value lower-cased
  private final Spellings spellings;
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

  /** Counts by key (the value lower-cased), and the spellings seen. */
  Distribution(Map<String, Long> counts, Spellings spellings) {
    this.counts = Map.copyOf(counts);
    this.spellings = spellings;
    this.total = counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts each session under its value, ignoring case; a null value counts as "(none)". */
  public static Distribution of(Collection<Session> sessions, Function<Session, String> valueOf) {
    Map<String, Long> counts = new TreeMap<>();
    Spellings spellings = new Spellings();
    for (Session s : sessions) {
      String value = valueOf.apply(s);
      counts.merge(Spellings.key(value), 1L, Long::sum);
      spellings.add(value, 1);
    }
    return new Distribution(counts, spellings);
  }

  public long total() {
    return total;
  }

  /** The sessions with {@code value}, in any spelling. */
  public long count(String value) {
    return counts.getOrDefault(Spellings.key(value), 0L);
  }

  public double share(String value) {
    return total == 0 ? 0 : (double) count(value) / total;
  }

  /** The values, as shown. */
  public Set<String> values() {
    Set<String> shown = new TreeSet<>();
    for (String key : counts.keySet()) shown.add(spellings.shown(key));
    return shown;
  }

  /** The total variation distance to {@code other}; both must hold sessions. */
  public double totalVariation(Distribution other) {
    if (total == 0 || other.total == 0) {
      throw new IllegalArgumentException("a distribution of no sessions has no distance: both sides"
          + " need sessions but had " + total + " and " + other.total);
    }
    double sum = 0;
    for (String key : union(other)) sum += Math.abs(shareOf(key) - other.shareOf(key));
    return sum / 2;
  }

  /**
   * How far two samples of these sizes drawn from one and the same spread lie apart by chance: the
   * {@code quantile} (e.g. 0.95) of the distance between random splits of both sides' sessions
   * pooled, over {@value DriftNoise#PERMUTATIONS} seeded permutations. The same data always gives
   * the same figure.
   */
  public double noise(Distribution other, double quantile) {
    List<String> keys = new ArrayList<>(union(other));
    long[] now = new long[keys.size()], base = new long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      now[i] = counts.getOrDefault(keys.get(i), 0L);
      base[i] = other.counts.getOrDefault(keys.get(i), 0L);
    }
    return DriftNoise.quantile(now, base, quantile);
  }

  /** Every value of either side, the biggest change in share first (ties by name). */
  public List<Move> movesFrom(Distribution baseline) {
    Spellings both = new Spellings();
    both.addAll(spellings);
    both.addAll(baseline.spellings);
    List<Move> moves = new ArrayList<>();
    for (String key : union(baseline)) {
      moves.add(new Move(both.shown(key), count(key), shareOf(key), baseline.count(key), baseline.shareOf(key)));
    }
    // rounded, so that floating-point dust cannot break a tie between equal changes
    moves.sort(Comparator.comparingLong((Move m) -> -Math.round(Math.abs(m.change()) * 1e9))
        .thenComparing(Move::value));
    return moves;
  }

  private double shareOf(String key) {
    return total == 0 ? 0 : (double) counts.getOrDefault(key, 0L) / total;
  }

  private Set<String> union(Distribution other) {
    Set<String> all = new TreeSet<>(counts.keySet());
    all.addAll(other.counts.keySet());
    return all;
  }
}
