package io.konvoqa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.squareup.moshi.JsonReader;
import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.Window;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceTest {
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  private static final Dataset WEEK = DemoWorkspace.generate(NOW);
  private static final List<Session> SESSIONS = WEEK.sessions();
  private static final Instant REGRESSION_START = NOW.minus(Duration.ofDays(4));
  private static final Pattern GERMAN_RETURN = Pattern.compile("rücksend|zurücksend|zurückschick");
  private static final Pattern PHONE =
      Pattern.compile("\\+\\d{1,2} \\(?\\d|\\(\\d{3}\\) \\d{3}-|\\b01\\d{2} \\d{8}\\b");
  private static final Pattern EMOJI = Pattern.compile("[🙏😊📦]");
  private static final Pattern EMAIL = Pattern.compile("[a-z.]+@(mail\\.)?example\\.(de|com|org)");

  @Test void sameNowAndSeedGiveIdenticalSessions() {
    assertThat(DemoWorkspace.generate(NOW)).isEqualTo(WEEK);
    Dataset small = DemoWorkspace.generate(NOW, 42, 300);
    assertThat(DemoWorkspace.generate(NOW, 42, 300)).isEqualTo(small);
    assertThat(DemoWorkspace.generate(NOW, 43, 300)).isNotEqualTo(small);
  }

  @Test void timesAreLaidOutRelativeToNow() {
    List<Session> today = DemoWorkspace.generate(NOW, 42, 300).sessions();
    List<Session> tomorrow = DemoWorkspace.generate(NOW.plus(Duration.ofDays(1)), 42, 300).sessions();

    for (int i = 0; i < today.size(); i++) {
      assertThat(tomorrow.get(i).id()).isEqualTo(today.get(i).id());
      assertThat(tomorrow.get(i).updatedAt())
          .isEqualTo(today.get(i).updatedAt().plus(Duration.ofDays(1)));
    }
  }

  @Test void defaultWeekIsTwoThousandDemoSessionsUpdatedInTheSevenDaysBeforeNow() {
    assertThat(WEEK.recordedAt()).isEqualTo(NOW);
    assertThat(WEEK.source()).isEqualTo("demo");
    assertThat(WEEK.window()).isEqualTo(new Window(NOW.minus(Duration.ofDays(7)), NOW));
    assertThat(WEEK.countClaimed()).isEqualTo(2000);
    assertThat(SESSIONS).hasSize(2000);
    assertThat(SESSIONS).allSatisfy(s -> {
      assertThat(WEEK.window().contains(s.updatedAt())).as("updatedAt %s", s.updatedAt()).isTrue();
      assertThat(WEEK.window().contains(s.createdAt())).as("createdAt %s", s.createdAt()).isTrue();
    });
    assertThat(SESSIONS.stream().map(Session::id).distinct()).hasSize(2000);
  }

  @Test void moreSessionsStartByDayThanByNight() {
    long night = count(s -> s.createdAt().atOffset(ZoneOffset.ofHours(1)).getHour() < 6);
    long afternoon = count(s -> {
      int hour = s.createdAt().atOffset(ZoneOffset.ofHours(1)).getHour();
      return hour >= 12 && hour < 18;
    });

    assertThat(afternoon).isGreaterThan(4 * night);
  }

  @Test void sessionsComeFromAllFourChannelsInRoughlyTheirShares() {
    Map<String, Long> byChannel = SESSIONS.stream()
        .collect(Collectors.groupingBy(Session::channel, Collectors.counting()));

    assertThat(byChannel).containsOnlyKeys("whatsapp", "email", "webchat", "instagram");
    assertThat(byChannel.get("whatsapp") / 2000.0).isCloseTo(0.45, within(0.04));
    assertThat(byChannel.get("email") / 2000.0).isCloseTo(0.20, within(0.04));
    assertThat(byChannel.get("webchat") / 2000.0).isCloseTo(0.25, within(0.04));
    assertThat(byChannel.get("instagram") / 2000.0).isCloseTo(0.10, within(0.03));
  }

  @Test void customersAreIdentifiedByPhoneOnWhatsappAndOpaqueIdsElsewhereAndSomeComeBack() {
    assertThat(SESSIONS).allSatisfy(s -> assertThat(s.externalUserId())
        .matches(s.channel().equals("whatsapp") ? "(49|44|1)\\d{9,11}" : "u_[0-9a-f]{8}"));
    Map<String, List<String>> contactIds = SESSIONS.stream().collect(Collectors.groupingBy(
        Session::externalUserId, Collectors.mapping(Session::contactId, Collectors.toList())));
    assertThat(contactIds.values().stream().filter(ids -> ids.size() > 1))
        .hasSizeGreaterThan(100);
    assertThat(contactIds)
        .allSatisfy((user, ids) -> assertThat(ids).as(user).containsOnly(ids.get(0)));
    assertThat(SESSIONS.stream().map(Session::workspaceId).distinct()).hasSize(1);
    assertThat(SESSIONS.stream().map(Session::feedId).distinct()).hasSize(4);
  }

  @Test void sessionsSpanTenSubIntentTypesWithConsistentTypes() {
    Map<String, List<String>> typesBySubIntent = SESSIONS.stream().collect(Collectors.groupingBy(
        Session::subIntentType, Collectors.mapping(s -> s.state().type(), Collectors.toList())));

    assertThat(typesBySubIntent).hasSizeGreaterThanOrEqualTo(10);
    assertThat(typesBySubIntent)
        .allSatisfy((sub, types) -> assertThat(types).as(sub).containsOnly(types.get(0)));
  }

  @Test void trailItemsAreValidJsonObjectsNamingTheSubIntentType() throws IOException {
    for (Session s : SESSIONS) {
      for (String item : s.state().trail()) {
        Object parsed = JsonReader.of(new Buffer().writeUtf8(item)).readJsonValue();
        assertThat(parsed).as(item).isInstanceOf(Map.class);
      }
      assertThat(s.state().trail().get(0)).contains("\"intent\":\"" + s.subIntentType() + "\"");
    }
  }

  @Test void unresolvedShareAmongCompletedSessionsIsEightToTwelvePercent() {
    assertThat(unresolvedRate(SESSIONS)).isBetween(0.08, 0.12);
  }

  @Test void everyChannelsUnresolvedRateStaysBelowFifteenPercent() {
    for (String channel : List.of("whatsapp", "email", "webchat", "instagram")) {
      assertThat(unresolvedRate(SESSIONS.stream().filter(s -> s.channel().equals(channel)).toList()))
          .as(channel).isLessThan(0.15);
    }
  }

  @Test void sixToNinePercentAreHandedOverToAHumanAgent() {
    List<Session> handovers =
        SESSIONS.stream().filter(s -> "HANDOVER".equals(s.subIntentType())).toList();

    assertThat(handovers.size() / 2000.0).isBetween(0.06, 0.09);
    assertThat(handovers).allSatisfy(s -> assertThat(origins(s)).contains("AGENT"));
    assertThat(SESSIONS.stream().filter(s -> origins(s).contains("AGENT"))).hasSameSizeAs(handovers);
  }

  @Test void aFewRecentSessionsAreStillOpen() {
    List<Session> open = SESSIONS.stream().filter(s -> !s.isCompleted()).toList();

    assertThat(open.size() / 2000.0).isBetween(0.03, 0.05);
    assertThat(open).allSatisfy(s -> {
      assertThat(s.createdAt()).isAfter(NOW.minus(Duration.ofDays(1)));
      assertThat(s.unresolved()).isNotEqualTo(Boolean.TRUE);
      assertThat(s.status().completedAt()).isNull();
    });
    assertThat(open.stream().filter(s -> s.createdAt().isAfter(NOW.minus(Duration.ofHours(6)))))
        .hasSizeGreaterThan(open.size() / 2);
  }

  @Test void germanReturnRequestsOfTheLastFourDaysMostlyGoToConciergeAndStayUnresolved() {
    List<Session> late = germanReturns(s -> !s.createdAt().isBefore(REGRESSION_START));

    assertThat(late).hasSizeGreaterThan(15);
    assertThat(share(late, s -> "CONCIERGE".equals(s.subIntentType()))).isGreaterThan(0.8);
    assertThat(unresolvedRate(late)).isGreaterThan(0.5);
  }

  @Test void germanReturnRequestsBeforeThenAndEnglishOnesAreRoutedAsReturns() {
    List<Session> early = germanReturns(s -> s.createdAt().isBefore(REGRESSION_START));
    List<Session> english = SESSIONS.stream()
        .filter(s -> firstCustomerMessage(s).contains("I want to return")).toList();

    assertThat(early).hasSizeGreaterThan(15)
        .allSatisfy(s -> assertThat(s.subIntentType()).isEqualTo("RETURN_REQUEST"));
    assertThat(english).hasSizeGreaterThan(30)
        .allSatisfy(s -> assertThat(s.subIntentType()).isEqualTo("RETURN_REQUEST"));
    assertThat(unresolvedRate(early)).isLessThan(0.2);
  }

  @Test void aRuecksendungRoutingGateOfNinetyPercentWouldClearlyFail() {
    List<Session> mentioning = SESSIONS.stream()
        .filter(s -> firstCustomerMessage(s).toLowerCase(Locale.ROOT).contains("rücksendung"))
        .toList();

    assertThat(share(mentioning, s -> "RETURN_REQUEST".equals(s.subIntentType()))).isLessThan(0.75);
  }

  @Test void triggerPhrasesMatchMostButNotAllSessionsOfTheirIntent() {
    assertThat(phraseShare("ORDER_STATUS", "where is my order")).isBetween(0.5, 0.95);
    assertThat(phraseShare("ORDER_STATUS", "wo ist meine bestellung")).isBetween(0.5, 0.95);
    assertThat(phraseShare("REFUND", "refund")).isBetween(0.5, 0.95);
    assertThat(phraseShare("CANCEL_ORDER", "stornieren")).isBetween(0.5, 0.95);
  }

  @Test void customerMessagesHoldPhoneNumbersEmailAddressesEmojiAndLongTexts() {
    List<String> customerTexts = SESSIONS.stream().flatMap(s -> s.messages().stream())
        .filter(m -> m.initiatorOrigin().equals("RECIPIENT")).map(Message::text).toList();

    assertThat(customerTexts.stream().filter(t -> PHONE.matcher(t).find())).hasSizeGreaterThan(50);
    assertThat(customerTexts.stream().filter(t -> EMAIL.matcher(t).find())).hasSizeGreaterThan(50);
    assertThat(customerTexts.stream().filter(t -> EMOJI.matcher(t).find())).hasSizeGreaterThan(50);
    assertThat(customerTexts.stream().filter(t -> t.length() >= 500)).hasSizeBetween(10, 100);
  }

  @Test void everySessionHasAnOrderedTranscriptOfAboutEightMessagesAndAnAiReply() {
    assertThat(SESSIONS).allSatisfy(s -> {
      assertThat(origins(s)).startsWith("RECIPIENT").contains("AI");
      for (int i = 0; i < s.messages().size(); i++) {
        assertThat(s.messages().get(i).sessionId()).isEqualTo(s.id());
        if (i > 0) assertThat(delay(s, i)).isPositive();
      }
      Message last = s.messages().get(s.messages().size() - 1);
      assertThat(s.status().lastMessageDate()).isEqualTo(last.createdAt());
    });
    double average = SESSIONS.stream().mapToInt(s -> s.messages().size()).average().orElseThrow();
    assertThat(average).isBetween(7.0, 9.0);
  }

  @Test void aiRepliesMostlyTakeSecondsAndAFewSessionsAMinuteOrMore() {
    long quick = 0, replies = 0;
    for (Session s : SESSIONS) {
      for (int i = 1; i < s.messages().size(); i++) {
        if (!s.messages().get(i).initiatorOrigin().equals("AI")) continue;
        replies++;
        if (delay(s, i).compareTo(Duration.ofSeconds(20)) <= 0) quick++;
      }
    }
    long slowSessions = count(s -> {
      for (int i = 1; i < s.messages().size(); i++) {
        boolean ai = s.messages().get(i).initiatorOrigin().equals("AI");
        if (ai && delay(s, i).toSeconds() >= 60) return true;
      }
      return false;
    });

    assertThat((double) quick / replies).isGreaterThan(0.95);
    assertThat(slowSessions / 2000.0).isBetween(0.015, 0.05);
  }

  @Test void theAiNeverSendsTheSameReplyTwiceInARow() {
    assertThat(SESSIONS).allSatisfy(s -> {
      List<String> ai = s.messages().stream()
          .filter(m -> m.initiatorOrigin().equals("AI")).map(Message::text).toList();
      for (int i = 1; i < ai.size(); i++) assertThat(ai.get(i)).isNotEqualTo(ai.get(i - 1));
    });
  }

  @Test void theAiNeverSaysWhatAQaTeamWouldForbid() {
    List<String> forbidden = List.of("as an ai language model", "i cannot help", "guarantee",
        "garantie", "amazon", "zalando", "ebay", "als ki", "nicht helfen");

    assertThat(SESSIONS.stream().flatMap(s -> s.messages().stream())
        .filter(m -> !m.initiatorOrigin().equals("RECIPIENT"))
        .map(m -> m.text().toLowerCase(Locale.ROOT))
        .filter(text -> forbidden.stream().anyMatch(text::contains)))
        .isEmpty();
  }

  @Test void roundTripsThroughADatasetFileFieldForField(@TempDir Path dir) {
    Path file = dir.resolve("demo.json.gz");

    DatasetFile.write(WEEK, file);

    assertThat(DatasetFile.read(file)).isEqualTo(WEEK);
  }

  /** Speed is the benchmark's business (docs/benchmarks.md); this checks only size and uniqueness. */
  @Test void generatesAHundredThousandDistinctSessions() {
    Dataset big = DemoWorkspace.generate(NOW, 7, 100_000);

    assertThat(big.sessions()).hasSize(100_000);
    assertThat(big.sessions().stream().map(Session::id).distinct().count()).isEqualTo(100_000);
  }

  @Test void rejectsANegativeNumberOfSessions() {
    assertThatThrownBy(() -> DemoWorkspace.generate(NOW, 1, -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessions must be 0 or more but was -5");
  }

  private static List<Session> germanReturns(Predicate<Session> when) {
    return SESSIONS.stream().filter(when)
        .filter(s -> GERMAN_RETURN.matcher(firstCustomerMessage(s).toLowerCase(Locale.ROOT)).find())
        .toList();
  }

  private static double phraseShare(String subIntentType, String phrase) {
    boolean german = phrase.equals("wo ist meine bestellung") || phrase.equals("stornieren");
    List<Session> sessions = SESSIONS.stream()
        .filter(s -> subIntentType.equals(s.subIntentType()))
        .filter(s -> s.state().trail().get(0).contains("\"language\":\"" + (german ? "de" : "en")))
        .toList();
    return share(sessions, s -> firstCustomerMessage(s).toLowerCase(Locale.ROOT).contains(phrase));
  }

  private static String firstCustomerMessage(Session s) {
    return s.messages().get(0).text();
  }

  private static List<String> origins(Session s) {
    return s.messages().stream().map(Message::initiatorOrigin).toList();
  }

  private static Duration delay(Session s, int i) {
    return Duration.between(s.messages().get(i - 1).createdAt(), s.messages().get(i).createdAt());
  }

  private static double unresolvedRate(List<Session> sessions) {
    List<Session> completed = sessions.stream().filter(Session::isCompleted).toList();
    return share(completed, s -> Boolean.TRUE.equals(s.unresolved()));
  }

  private static double share(List<Session> sessions, Predicate<Session> which) {
    return (double) sessions.stream().filter(which).count() / sessions.size();
  }

  private static long count(Predicate<Session> which) {
    return SESSIONS.stream().filter(which).count();
  }
}
