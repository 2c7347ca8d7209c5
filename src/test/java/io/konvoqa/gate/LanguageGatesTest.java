package io.konvoqa.gate;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.testing.TestSessions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AI replies in the customer's language: detected per session, unknowns neither pass nor breach. */
class LanguageGatesTest {
  private static final String GERMAN = "Hallo, wo ist meine Bestellung? Ich warte schon seit einer Woche.";
  private static final String GERMAN_REPLY = "Ihre Bestellung wurde gestern verschickt und kommt morgen bei Ihnen an.";
  private static final String ENGLISH = "Hi, where is my order? I have been waiting for a week now.";
  private static final String ENGLISH_REPLY = "Your order was shipped yesterday and will arrive tomorrow.";

  private static Sample sample(List<Session> sessions, int minimum) {
    return Selection.all().apply(sessions, minimum, Role.parseMapping(null), TestSessions.NOW);
  }

  private static List<Session> answered(String prefix, int n, String customer, String ai) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < n; i++) sessions.add(session(prefix + i).customer(customer).ai(ai).build());
    return sessions;
  }

  @Test void sessionsAnsweredInTheCustomersLanguagePass() {
    List<Session> sessions = new ArrayList<>(answered("en", 30, ENGLISH, ENGLISH_REPLY));
    sessions.addAll(answered("de", 20, GERMAN, GERMAN_REPLY));
    Verdict v = LanguageGates.inCustomerLanguage(sample(sessions, 30), 0.98, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.reason()).isEqualTo("100.0% of 50 sessions whose languages are known were answered in the"
        + " customer's language, which is at least 98%");
    assertThat(v.figures()).contains(new Figure("customers' languages", "English 30, German 20"),
        new Figure("language unknown", "none of 50 sessions"));
  }

  @Test void aGermanCustomerAnsweredInEnglishIsAnOffenderNamingBothLanguages() {
    List<Session> sessions = new ArrayList<>(answered("en", 45, ENGLISH, ENGLISH_REPLY));
    sessions.addAll(answered("de", 5, GERMAN, GERMAN_REPLY));
    sessions.add(session("slip").customer(GERMAN).ai(ENGLISH_REPLY).build());
    Verdict v = LanguageGates.inCustomerLanguage(sample(sessions, 30), 0.99, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).startsWith("98.0% of 51 sessions whose languages are known were answered in the"
        + " customer's language, which is below 99%");
    assertThat(v.offenders()).extracting(Offender::sessionId, Offender::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("slip", "customer wrote German (de), AI replied English (en)"));
  }

  @Test void theLanguageOfAllTheCustomersMessagesTogetherCountsNotTheirClosingOk() {
    Session s = session("s").customer(GERMAN).ai(GERMAN_REPLY).customer("ok thx").ai("Gern geschehen, einen schönen Tag noch!").build();
    Verdict v = LanguageGates.inCustomerLanguage(sample(List.of(s), 1), 0.98, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figures()).contains(new Figure("customers' languages", "German 1"));
  }

  @Test void shortMessagesAreUnknownAndNeitherPassNorBreach() {
    List<Session> sessions = new ArrayList<>(answered("en", 30, ENGLISH, ENGLISH_REPLY));
    sessions.add(session("short").customer("Danke!").ai(ENGLISH_REPLY).build());
    Verdict v = LanguageGates.inCustomerLanguage(sample(sessions, 30), 0.98, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.offenders()).isEmpty();
    assertThat(v.figures()).contains(new Figure("language unknown", "the language of 1 of 31 sessions with"
        + " customer and AI text (3.2%) is unknown, too little text to tell: the customer's in 1 (e.g. short)"));
  }

  @Test void whenMostSessionsAreOfUnknownLanguageTheGateCannotJudge() {
    List<Session> sessions = new ArrayList<>(answered("en", 40, ENGLISH, ENGLISH_REPLY));
    sessions.addAll(answered("ok", 41, "ok", "Gerne!"));
    Verdict v = LanguageGates.inCustomerLanguage(sample(sessions, 30), 0.98, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(v.reason()).isEqualTo("the language of 41 of 81 sessions with customer and AI text (50.6%) is"
        + " unknown, too little text to tell: the customer's in 41 (e.g. ok0), the AI's in 41 (e.g. ok0), more"
        + " than half: the sessions of known language are no fair sample of the rest: cannot judge g; the"
        + " customers write too little to tell their language");
  }

  @Test void fewerSessionsOfKnownLanguageThanTheMinimumSampleCannotPass() {
    Verdict v = LanguageGates.inCustomerLanguage(sample(answered("en", 20, ENGLISH, ENGLISH_REPLY), 30), 0.98, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(v.reason()).startsWith("only 20 sessions whose languages are known, fewer than the minimum sample of 30");
  }

  @Test void anAiReplyWithoutTextMakesItsSessionUnknownAndCanTipTheVerdict() {
    List<Session> sessions = new ArrayList<>(answered("en", 30, ENGLISH, ENGLISH_REPLY));
    sessions.add(session("gap").customer(GERMAN).ai(null).build());
    Verdict v = LanguageGates.inCustomerLanguage(sample(sessions, 30), 1.0, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.DATA_UNAVAILABLE);
    assertThat(v.reason()).startsWith("1 session (e.g. gap) holds 1 message without text");
  }

  @Test void sessionsWithoutAnAiReplyAreLeftToTheGatesOnAnswers() {
    List<Session> sessions = new ArrayList<>(answered("en", 30, ENGLISH, ENGLISH_REPLY));
    sessions.add(session("silent").customer(GERMAN).build());
    Verdict v = LanguageGates.inCustomerLanguage(sample(sessions, 30), 0.98, "g");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.figure()).isEqualTo("100.0% of 30 sessions whose languages are known were answered in the customer's language");
  }
}
