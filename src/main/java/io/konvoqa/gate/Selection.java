package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The choices a scenario makes among the sessions of its window: channels, completed only,
 * maturity, sub_intent_type, a trigger phrase in the first customer message. Immutable; each
 * {@code with...} returns a new selection. Filters combine (all must hold).
 */
public final class Selection {
  private final List<Filter> filters;

  /**
   * @param unknown sessions the filter cannot decide on (null: none), left out of the sample but
   *     counted as uncertain, with {@code unknownReason} saying why
   */
  private record Filter(String description, Predicate<SessionView> test, String checkValue, Kind kind,
      ToLongFunction<SessionView> unknown, String unknownWhose, String unknownReason) {
    Filter(String description, Predicate<Session> test, String checkValue, Kind kind) {
      this(description, v -> test.test(v.session()), checkValue, kind, null, null, null);
    }
  }

  private static final Selection ALL = new Selection(List.of());

  /** Which filters name a value that may be misspelt (checked against what the window holds). */
  enum Kind { CHANNEL, SUB_INTENT_TYPE, OTHER }

  private Selection(List<Filter> filters) {
    this.filters = List.copyOf(filters);
  }

  /** Every session: one and the same selection, so gates over it share it in a {@link OnePass}. */
  public static Selection all() {
    return ALL;
  }

  /** Sessions on any of the channels in a comma list ("whatsapp, email"), case-insensitively. */
  public Selection onChannels(String commaList) {
    List<String> channels = Arrays.stream(Objects.requireNonNull(commaList).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("no channel named in '" + commaList
          + "': write one or a comma list, e.g. \"whatsapp\" or \"whatsapp, email\"");
    }
    Predicate<Session> test = s -> s.channel() != null
        && channels.contains(s.channel().toLowerCase(Locale.ROOT));
    return with(new Filter("on channel " + String.join(" or ", channels), test,
        String.join(",", channels), Kind.CHANNEL));
  }

  public Selection completedOnly() {
    return with(new Filter("completed", Session::isCompleted, null, Kind.OTHER));
  }

  /** Sessions last updated more than {@code age} before {@code now}: they are done changing. */
  public Selection olderThan(Duration age, Instant now) {
    Instant cutoff = now.minus(age);
    return with(new Filter("older than " + Durations.format(age),
        s -> s.updatedAt() != null && !s.updatedAt().isAfter(cutoff), null, Kind.OTHER));
  }

  public Selection withSubIntentType(String subIntentType) {
    String wanted = subIntentType.trim();
    return with(new Filter("with sub_intent_type " + wanted,
        s -> wanted.equalsIgnoreCase(s.subIntentType()), wanted, Kind.SUB_INTENT_TYPE));
  }

  /**
   * Sessions whose first customer message contains (or matches) the trigger phrase. A session whose
   * first customer message came without text cannot be decided: it is left out and counted among
   * the sessions the sample cannot show as they are.
   */
  public Selection firstCustomerMessageMatching(TriggerPhrase phrase, Map<String, Role> roles) {
    return with(new Filter("whose first customer message " + phrase.describe(),
        v -> v.conversation(roles).firstCustomerMessageMatches(phrase), null, Kind.OTHER,
        v -> v.conversation(roles).firstCustomerMessageUnknown() ? v.conversation().textless(Role.CUSTOMER) : -1,
        "the first customer message", "whether it " + phrase.describe() + " is unknown"));
  }

  /**
   * Sessions in which any customer message contains (or matches) the trigger phrase. A session
   * none of whose customer messages is known to hold it, but with a customer message without text
   * or a message whose writer is unknown that could be one holding it, cannot be decided: it is
   * left out and counted among the sessions the sample cannot show as they are.
   */
  public Selection anyCustomerMessageMatching(TriggerPhrase phrase, Map<String, Role> roles) {
    return with(new Filter("where a customer message " + phrase.describe(),
        v -> v.conversation(roles).anyCustomerMessageMatches(phrase), null, Kind.OTHER,
        v -> {
          long unknown = v.conversation(roles).customerMessagesUnknown(phrase);
          return unknown > 0 ? unknown : -1;
        },
        "customer messages", "whether one " + phrase.describe() + " is unknown"));
  }

  private Selection with(Filter filter) {
    List<Filter> next = new ArrayList<>(filters);
    next.add(filter);
    return new Selection(next);
  }

  /** Applies the filters to a window seen whole. */
  public Sample apply(List<Session> fetched, int minimumSample, Map<String, Role> roles, Instant now) {
    return apply(fetched, Completeness.WHOLE, minimumSample, roles, now);
  }

  /** Applies the filters in order, recording how many sessions each left. */
  public Sample apply(List<Session> fetched, Completeness completeness, int minimumSample,
      Map<String, Role> roles, Instant now) {
    Funnel funnel = funnel(completeness, minimumSample);
    List<Session> left = new ArrayList<>();
    for (Session s : fetched) if (funnel.admits(new SessionView(s, roles))) left.add(s);
    Scope scope = funnel.scope();
    return new Sample(left, scope.funnel(), minimumSample, roles, now, fetched, scope.completeness());
  }

  /**
   * The filters applied one session at a time: {@link Funnel#admits} for each session of the
   * window in order, then {@link Funnel#scope}. It keeps counts and the values seen, never sessions.
   */
  Funnel funnel(Completeness completeness, int minimumSample) {
    return new Funnel(completeness, minimumSample);
  }

  /** How many sessions each filter let through so far, and those it could not decide on. */
  final class Funnel {
    private final Seen seen = new Seen();
    private final Completeness completeness;
    private final int minimumSample;
    private final int[] remaining = new int[filters.size()];
    private final SessionCount[] undecided = new SessionCount[filters.size()];

    private Funnel(Completeness completeness, int minimumSample) {
      this.completeness = completeness;
      this.minimumSample = minimumSample;
      for (int i = 0; i < undecided.length; i++) undecided[i] = new SessionCount();
    }

    /** Whether every filter keeps the session; a session a filter cannot decide on is counted. */
    boolean admits(SessionView s) {
      seen.add(s.session());
      for (int i = 0; i < remaining.length; i++) {
        Filter filter = filters.get(i);
        long unknown = filter.unknown() == null ? -1 : filter.unknown().applyAsLong(s);
        if (unknown >= 0) { // the filter cannot decide: these messages could go either way
          undecided[i].add(s, unknown);
          return false;
        }
        if (!filter.test().test(s)) return false;
        remaining[i]++;
      }
      return true;
    }

    /**
     * The funnel and what is unknown, once every session has been offered.
     *
     * @throws ConfigurationException when a filter names a channel or sub_intent_type that no
     *     session has but one close to it does: a typo
     */
    Scope scope() {
      for (Filter filter : filters) checkSpelling(filter, seen);
      List<Sample.Step> steps = new ArrayList<>();
      steps.add(new Sample.Step("fetched", seen.sessions()));
      Completeness unknown = completeness;
      for (int i = 0; i < remaining.length; i++) {
        Filter filter = filters.get(i);
        if (filter.unknown() != null) {
          unknown = unknown.plus(undecided[i].unknown(filter.unknownWhose(), filter.unknownReason()));
        }
        steps.add(new Sample.Step(filter.description(), remaining[i]));
      }
      int size = steps.get(steps.size() - 1).remaining();
      return new Scope(size, steps, minimumSample, unknown, seen);
    }
  }

  /** A channel or sub_intent_type that no session has but is close to one that some do: a typo. */
  private static void checkSpelling(Filter filter, Seen window) {
    if (filter.kind() == Kind.OTHER) return;
    List<String> seen = (filter.kind() == Kind.CHANNEL ? window.channels() : window.subIntentTypes()).stream()
        .map(v -> v.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    for (String value : filter.checkValue().split(",")) {
      String wanted = value.toLowerCase(Locale.ROOT);
      if (seen.contains(wanted)) continue;
      String close = Spelling.closest(wanted, seen);
      if (close != null) {
        String what = filter.kind() == Kind.CHANNEL ? "channel" : "sub_intent_type";
        throw new ConfigurationException("no session has " + what + " '" + value
            + "', but some have '" + close + "': did you mean '" + close + "'? ("
            + what + "s in the window: " + String.join(", ", seen) + ")");
      }
    }
  }

  @Override public String toString() {
    return filters.stream().map(Filter::description).collect(Collectors.joining(", "));
  }
}
