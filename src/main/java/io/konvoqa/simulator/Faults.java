package io.konvoqa.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misbehaviour the simulator can be told to show, for tests and benchmarks. Thread-safe; all
 * faults are off until set.
 */
public final class Faults {
  /** How the simulator numbers its pages; the contract leaves it open, so tests need each. */
  public enum Paging {
    /** Pages 1, 2, ...; page 0 is refused with a 400. The default. */
    FROM_ONE,
    /** Pages 0, 1, ...: what the client calls page 1 is the second page. */
    FROM_ZERO,
    /** Pages 1, 2, ...; page 0 answers what page 1 answers. */
    FROM_ONE_PAGE_ZERO_REPEATS,
    /** {@code page} is ignored: every page is the first one. */
    IGNORED;

    /** As written on the command line: "from-zero", "ignored". */
    public String option() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The mode written as {@link #option()}, or an error listing every mode. */
    public static Paging of(String option) {
      for (Paging mode : values()) if (mode.option().equals(option)) return mode;
      throw new IllegalArgumentException("--paging must be one of " + java.util.Arrays.stream(values())
          .map(Paging::option).toList() + " but was '" + option + "'");
    }
  }

  /** How the demo judge can answer badly: content that breaks the answer contract, a refusal, no choice. */
  public enum BadAnswer { MALFORMED, REFUSAL, EMPTY_CHOICES }

  volatile Paging paging = Paging.FROM_ONE;
  volatile Duration latency = Duration.ZERO;
  volatile int countDelta;
  volatile int duplicateOverlap;
  volatile int shiftPerRequest;
  volatile int alwaysStatus;
  volatile Churn churn;
  volatile boolean newestFirst;
  private final AtomicInteger burstLeft = new AtomicInteger();
  private final AtomicInteger resetsLeft = new AtomicInteger();
  private final AtomicInteger stallsLeft = new AtomicInteger();
  private volatile Duration stall = Duration.ZERO;
  private final AtomicInteger shiftedRequests = new AtomicInteger();
  private volatile int burstStatus;
  private final AtomicInteger badAnswersLeft = new AtomicInteger();
  private volatile BadAnswer badAnswer;
  private volatile String burstRetryAfter;
  final Set<Integer> malformedPages = ConcurrentHashMap.newKeySet();
  final Map<Integer, AtomicInteger> truncatedPages = new ConcurrentHashMap<>();

  /** Numbers the pages this way (see {@link Paging}); {@link Paging#FROM_ONE} until set. */
  public Faults paging(Paging mode) {
    this.paging = java.util.Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** Every request waits this long before it is answered. */
  public Faults latency(Duration perRequest) {
    this.latency = perRequest;
    return this;
  }

  /** The next {@code times} requests get {@code status} (e.g. 429 or 503), with an optional Retry-After. */
  public Faults failNext(int times, int status, String retryAfter) {
    this.burstStatus = status;
    this.burstRetryAfter = retryAfter;
    this.burstLeft.set(times);
    return this;
  }

  /** The next {@code times} requests get no answer: the connection is closed at once. */
  public Faults resetNext(int times) {
    this.resetsLeft.set(times);
    return this;
  }

  /** The next {@code times} requests are answered only after {@code wait} (a client times out first). */
  public Faults stallNext(int times, Duration wait) {
    this.stall = wait;
    this.stallsLeft.set(times);
    return this;
  }

  /** Every request gets {@code status} (0 turns it off). */
  public Faults failAlways(int status) {
    this.alwaysStatus = status;
    return this;
  }

  /** This page is answered with a body that is not JSON. */
  public Faults malformedPage(int page) {
    malformedPages.add(page);
    return this;
  }

  /** This page is cut off in the middle of its JSON, the next {@code times} times it is asked for. */
  public Faults truncatedPage(int page, int times) {
    truncatedPages.put(page, new AtomicInteger(times));
    return this;
  }

  /** {@code count} claims this many sessions more (or fewer) than match. */
  public Faults countLie(int delta) {
    this.countDelta = delta;
    return this;
  }

  /** Every page after the first also repeats the last {@code overlap} sessions of the page before. */
  public Faults duplicatePages(int overlap) {
    this.duplicateOverlap = overlap;
    return this;
  }

  /** Each request sees the list moved on by {@code sessions}, as if new ones were arriving. */
  public Faults shiftingPages(int sessions) {
    this.shiftPerRequest = sessions;
    this.shiftedRequests.set(0);
    return this;
  }

  /**
   * From now on, {@code perSecond} sessions a second (picked with {@code seed}) get a new
   * {@code last_updated}, the moment of their update: they leave a window that ends before it.
   */
  public Faults churn(int perSecond, long seed) {
    this.churn = new Churn(perSecond, seed, java.time.Clock.systemUTC());
    return this;
  }

  /** Sessions updated by the churn so far. */
  public int churnUpdates() {
    Churn c = churn;
    return c == null ? 0 : c.updates();
  }

  /** Pages list the most recently updated session first instead of last. */
  public Faults newestFirst(boolean on) {
    this.newestFirst = on;
    return this;
  }

  /** The demo judge's next {@code times} answers are bad in this way (HTTP 200 all the same). */
  public Faults badAnswersNext(int times, BadAnswer kind) {
    this.badAnswer = java.util.Objects.requireNonNull(kind, "kind");
    this.badAnswersLeft.set(times);
    return this;
  }

  /** The bad answer this judge request gets, or null; consumes one. */
  BadAnswer takeBadAnswer() {
    return badAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? badAnswer : null;
  }

  public Faults reset() {
    badAnswersLeft.set(0);
    paging = Paging.FROM_ONE;
    churn = null;
    newestFirst = false;
    latency = Duration.ZERO;
    countDelta = 0;
    duplicateOverlap = 0;
    shiftPerRequest = 0;
    shiftedRequests.set(0);
    alwaysStatus = 0;
    burstLeft.set(0);
    resetsLeft.set(0);
    stallsLeft.set(0);
    malformedPages.clear();
    truncatedPages.clear();
    return this;
  }

  /** The status to fail this request with, or 0; consumes one from a burst. */
  int takeFailure() {
    if (alwaysStatus != 0) return alwaysStatus;
    return burstLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? burstStatus : 0;
  }

  /** How far this request sees the list moved: counted from when shifting was set, not from start. */
  int takeShift() {
    return shiftPerRequest == 0 ? 0 : shiftPerRequest * shiftedRequests.getAndIncrement();
  }

  boolean takeReset() {
    return resetsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** How long this request stalls before its answer; consumes one stall. */
  Duration takeStall() {
    return stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? stall : Duration.ZERO;
  }

  String retryAfter() {
    return burstRetryAfter;
  }

  boolean takeTruncated(int page) {
    AtomicInteger left = truncatedPages.get(page);
    return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
