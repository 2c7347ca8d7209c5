package io.konvoqa.steps;

import static io.konvoqa.testing.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.report.ScenarioResult;
import io.konvoqa.session.Session;
import io.konvoqa.testing.GateRunFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language step in a real feature file (src/test/resources/language/features), run by Cucumber. */
class LanguageStepsTest {
  @TempDir static Path dir;
  static Map<String, ScenarioResult> results;

  /**
   * Webchat: 20 English and 10 German customers, each answered in their language. E-mail: 20 German
   * customers, 3 of them answered in English. WhatsApp: 25 customers who only write "ok".
   */
  static List<Session> sessions() {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sessions.add(session("en-" + i).channel("webchat").customer("Hi, where is my order? I ordered it last week.")
          .ai("Your order was shipped yesterday and arrives tomorrow.").build());
    }
    for (int i = 0; i < 10; i++) {
      sessions.add(session("de-" + i).channel("webchat").customer("Hallo, wo ist meine Bestellung? Ich habe letzte Woche bestellt.")
          .ai("Ihre Bestellung wurde gestern verschickt und kommt morgen an.").customer("ok danke").build());
    }
    for (int i = 0; i < 20; i++) {
      sessions.add(session("mail-" + i).channel("email").customer("Guten Tag, ich möchte die Schuhe zurücksenden, sie sind zu klein.")
          .ai(i < 3 ? "Sure! I've just sent a return label to your e-mail address."
              : "Gerne! Ich habe Ihnen gerade ein Rücksendeetikett per E-Mail geschickt.").build());
    }
    for (int i = 0; i < 25; i++) sessions.add(session("wa-" + i).channel("whatsapp").customer("ok").ai("👍").build());
    return sessions;
  }

  @BeforeAll static void runTheFeature() throws IOException {
    String feature = Files.readString(Path.of("src/test/resources/language/features/language.feature"), StandardCharsets.UTF_8);
    results = new GateRunFixture(dir).sessions(sessions()).run(feature).stream()
        .collect(Collectors.toMap(ScenarioResult::name, r -> r));
  }

  private static Verdict verdict(String scenario) {
    ScenarioResult r = results.get(scenario);
    assertThat(r).as(scenario).isNotNull();
    assertThat(r.verdicts()).as(r.error()).hasSize(1);
    return r.verdicts().get(0);
  }

  @Test void customersAnsweredInTheirOwnLanguagePass() {
    Verdict v = verdict("every customer on webchat is answered in their own language");
    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.gate()).isEqualTo("the AI replies in the customer's language in at least 98% of sessions");
    assertThat(v.figure()).isEqualTo("100.0% of 30 sessions whose languages are known were answered in the customer's language");
  }

  @Test void germanCustomersAnsweredInEnglishBreachTheGateNamingBothLanguages() {
    Verdict v = verdict("German customers on e-mail are answered in English");
    assertThat(v.outcome()).isEqualTo(Outcome.BREACHED);
    assertThat(v.reason()).startsWith("85.0% of 20 sessions whose languages are known were answered in the customer's"
        + " language, which is below 98%");
    assertThat(v.offenders()).extracting(Offender::sessionId).containsExactly("mail-0", "mail-1", "mail-2");
    assertThat(v.offenders()).extracting(Offender::reason).containsOnly("customer wrote German (de), AI replied English (en)");
    assertThat(results.get("German customers on e-mail are answered in English").status()).isEqualTo(ScenarioResult.Status.FAILED);
  }

  @Test void customersWhoOnlyWriteOkCannotBeJudged() {
    Verdict v = verdict("customers on whatsapp write too little to tell");
    assertThat(v.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
    assertThat(v.reason()).startsWith("the language of 25 of 25 sessions with customer and AI text (100.0%) is unknown");
  }
}
