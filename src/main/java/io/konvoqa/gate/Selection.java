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
  private record Filter(String description, Predicate<Session> test, String checkValue, Kind kind,
      Predicate<Session> unknown, String unknownReason) {
    Filter(String description, Predicate<Session> test, String checkValue, Kind kind) {
      this(description, test, checkValue, kind, null, null);
    }
  }

  /** Which filters name a value that may be misspelt (checked against what the window holds). */
  enum Kind { CHANNEL, SUB_INTENT_TYPE, OTHER }

  private Selection(List<Filter> filters) {
    this.filters = List.copyOf(filters);
  }

  public static Selection all() {
    return new Selection(List.of());
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
        s -> phrase.matches(Conversation.of(s, roles).firstCustomerMessage()), null, Kind.OTHER,
        s -> Conversation.of(s, roles).firstCustomerMessageUnknown(),
        "whether it " + phrase.describe() + " is unknown"));
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
    List<Sample.Step> funnel = new ArrayList<>();
    funnel.add(new Sample.Step("fetched", fetched.size()));
    List<Session> left = fetched;
    for (Filter filter : filters) {
      checkSpelling(filter, fetched);
      if (filter.unknown() != null) {
        List<Session> undecided = left.stream().filter(filter.unknown()).toList();
        completeness = completeness.plus(TextGaps.firstCustomerMessages(undecided, roles, filter.unknownReason()));
        left = left.stream().filter(filter.unknown().negate()).toList();
      }
      left = left.stream().filter(filter.test()).toList();
      funnel.add(new Sample.Step(filter.description(), left.size()));
    }
    return new Sample(left, funnel, minimumSample, roles, now, fetched, completeness);
  }

  /** A channel or sub_intent_type that no session has but is close to one that some do: a typo. */
  private static void checkSpelling(Filter filter, List<Session> fetched) {
    if (filter.kind() == Kind.OTHER) return;
    List<String> seen = fetched.stream()
        .map(s -> filter.kind() == Kind.CHANNEL ? s.channel() : s.subIntentType())
        .filter(Objects::nonNull).map(v -> v.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
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
