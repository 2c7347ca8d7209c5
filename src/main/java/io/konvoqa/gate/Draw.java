package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * A seeded simple random sample of {@code size} sessions: the sessions with the smallest
 * {@link #rank} of (seed, session id). The rank depends on nothing else, so the sample is the same
 * whatever order the sessions come in, and it is drawn while they stream past, keeping only
 * {@code size} of them. For a random seed every subset of that size is equally likely.
 *
 * @param seed the scenario's by default ({@link #seedOf}), else KONVO_SAMPLE_SEED
 */
public record Draw(int size, long seed) {
  public Draw {
    if (size < 1) throw new IllegalArgumentException("a sample must hold at least 1 session but was " + size);
  }

  /** A seed from a text, e.g. the scenario's name: the same scenario draws the same sample. */
  public static long seedOf(String text) {
    return mix(fnv(text));
  }

  /** Where a session falls in the random order of this seed; ties are broken by id. */
  long rank(String sessionId) {
    return mix(seed ^ fnv(sessionId));
  }

  /** Keeps the sample while sessions stream past. */
  Keeper keeper() {
    return new Keeper();
  }

  /**
   * "200 of 1,950 sessions sampled at random (seed 42)", or "all 150 sessions: fewer than the sample of 200 (seed 42)",
   * or "all 200 sessions: as many as the sample of 200 (seed 42)".
   */
  public String describe(int population) {
    if (population > size) {
      return String.format(Locale.ROOT, "%,d of %,d sessions sampled at random (seed %d)", size, population, seed);
    }
    return String.format(Locale.ROOT, "all %,d sessions: %s the sample of %,d (seed %d)", population,
        population == size ? "as many as" : "fewer than", size, seed);
  }

  /** The {@code size} sessions of smallest rank seen so far. */
  final class Keeper {
    private record Ranked(long rank, Session session) {}

    private static final Comparator<Ranked> ORDER =
        Comparator.comparingLong(Ranked::rank).thenComparing(r -> r.session().id());
    private final PriorityQueue<Ranked> kept = new PriorityQueue<>(ORDER.reversed());
    private int seen;

    void add(Session s) {
      seen++;
      Ranked r = new Ranked(rank(s.id()), s);
      if (kept.size() < size) {
        kept.add(r);
      } else if (ORDER.compare(r, kept.peek()) < 0) {
        kept.poll();
        kept.add(r);
      }
    }

    int seen() {
      return seen;
    }

    /** The sample, in rank order. */
    List<Session> sessions() {
      List<Ranked> sorted = new ArrayList<>(kept);
      sorted.sort(ORDER);
      return sorted.stream().map(Ranked::session).toList();
    }
  }

  private static long fnv(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: spreads FNV's bits so that the ranks of similar ids are unrelated. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
