package io.konvoqa.demo;

import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A made-up but realistic week of a web shop's AI customer service, for demos and benchmarks.
 *
 * <p>English and German customers write on WhatsApp, e-mail, web chat and Instagram about ten
 * sub_intent_types; transcripts carry trigger phrases, emoji, phone numbers and e-mail addresses.
 * The week is healthy but for one seeded regression a QA team would want caught: in its last four
 * days German return requests ("Rücksendung", "zurücksenden") are routed to CONCIERGE and mostly
 * stay unresolved. A second one answers German product questions in English all week
 * ({@link EnglishReplies}).
 * A third one only a judge sees: in the same days, about half of the English
 * return requests are told they have 30 days to return an item (the shop's policy is 14).
 *
 * <p>A seed always gives the same sessions, whatever {@code now} is: they are laid out once, in
 * the week before a fixed moment ({@link #LAID_OUT_AT}), and then shifted in time to end at
 * {@code now}. So "the last 7 days" holds every one of them, and a gate gives the same figures on
 * every run and at every time of day; only the timestamps move.
 */
public final class DemoWorkspace {
  private DemoWorkspace() {}

  static final long DEFAULT_SEED = 20_260_301L;
  static final int DEFAULT_SESSIONS = 2_000;
  static final Duration WEEK = Duration.ofDays(7);
  /** The moment the week is laid out before, then shifted to end at "now". */
  static final Instant LAID_OUT_AT = Instant.parse("2026-11-27T12:00:00Z");
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  /** The shop's local time, UTC+1; its customers write less at night. */
  private static final long LOCAL_OFFSET = HOUR;
  /** Chance in percent that a moment in each local hour is kept: busiest in the evening. */
  private static final int[] RHYTHM = {20, 12, 8, 6, 6, 10, 20, 40, 60, 75, 85, 90,
      95, 90, 85, 85, 85, 90, 95, 100, 100, 90, 70, 40};

  /** What the demo judge knows: the true verdicts of the demo rubrics {@code resolution} and {@code return-policy}. */
  public static io.konvoqa.simulator.JudgeTruth judgeTruth() {
    return new DemoJudgeTruth();
  }

  /** The demo week of 2,000 sessions before {@code now}. */
  public static Dataset generate(Instant now) {
    return generate(now, DEFAULT_SEED, DEFAULT_SESSIONS);
  }

  /**
   * {@code sessions} sessions updated in the seven days before {@code now}, which is taken to the
   * millisecond as the API's timestamps are: the same sessions for any {@code now}, shifted.
   */
  public static Dataset generate(Instant now, long seed, int sessions) {
    Objects.requireNonNull(now, "now");
    if (sessions < 0) {
      throw new IllegalArgumentException("sessions must be 0 or more but was " + sessions);
    }
    Instant end = now.truncatedTo(ChronoUnit.MILLIS);
    long laidOutAt = LAID_OUT_AT.toEpochMilli();
    SplittableRandom random = new SplittableRandom(seed);
    long[] createdAt = creationTimes(laidOutAt, sessions, random);
    SessionFactory factory = new SessionFactory(laidOutAt, end.toEpochMilli() - laidOutAt, sessions, random);
    List<Session> list = new ArrayList<>(sessions);
    for (int i = 0; i < sessions; i++) list.add(factory.make(createdAt[i], sessions - 1 - i));
    list = EnglishReplies.apply(list);
    return new Dataset(end, new Window(end.minus(WEEK), end), "demo", list.size(), list);
  }

  /** Creation times in the week before now, oldest first, following the daily rhythm. */
  private static long[] creationTimes(long now, int count, SplittableRandom random) {
    long[] times = new long[count];
    for (int i = 0; i < count; ) {
      long at = now - random.nextLong(1, WEEK.toMillis());
      int hour = (int) (Math.floorMod(at + LOCAL_OFFSET, DAY) / HOUR);
      if (random.nextInt(100) < RHYTHM[hour]) times[i++] = at;
    }
    Arrays.sort(times);
    return times;
  }
}
