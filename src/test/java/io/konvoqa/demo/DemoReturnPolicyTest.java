package io.konvoqa.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.JudgeTruth.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The regression only a judge sees, and the demo judge's truth about it. */
class DemoReturnPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final Dataset DEMO = DemoWorkspace.generate(NOW);

  static boolean says(Session s, String text) {
    return s.messages().stream().anyMatch(m -> m.initiatorOrigin().equals("AI") && m.text().contains(text));
  }

  @Test void fromDayFourSomeEnglishReturnRequestsAreToldThirtyDays() {
    List<Session> thirty = DEMO.sessions().stream().filter(s -> says(s, "within 30 days")).toList();
    assertThat(thirty).hasSize(57).allSatisfy(s -> {
      assertThat(s.subIntentType()).isEqualTo("RETURN_REQUEST");
      assertThat(s.createdAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(4)).minus(Duration.ofHours(1)));
    });
    List<Session> englishReturnsBefore = DEMO.sessions().stream()
        .filter(s -> s.createdAt().isBefore(NOW.minus(Duration.ofDays(4).plus(Duration.ofHours(1)))))
        .filter(s -> says(s, "Returns are free within")).toList();
    assertThat(englishReturnsBefore).isNotEmpty().allSatisfy(s -> assertThat(says(s, "within 14 days")).isTrue());
    assertThat(DEMO.sessions()).noneMatch(s -> says(s, "30 Tagen"));
  }

  @Test void theTruthOfTheReturnPolicyReadsThePeriodTheAiStated() {
    DemoJudgeTruth truth = new DemoJudgeTruth();
    assertThat(truth.grade("return-policy", "[t] customer: I want to return my jacket, how does that work?\n"
        + "[t] ai: Sure! Returns are free within 30 days. I've just sent a return label."))
        .isEqualTo(new Verdict(false, "The AI told the customer they have 30 days to return an item; the shop's policy is 14 days."));
    assertThat(truth.grade("return-policy", "[t] customer: within 30 days?\n[t] ai: Returns are free within 14 days.").pass()).isTrue();
  }

  @Test void theTruthOfResolutionFailsAReturnRequestAnsweredWithShoppingTips() {
    DemoJudgeTruth truth = new DemoJudgeTruth();
    Verdict v = truth.grade("resolution", "[t] customer: Ich möchte eine Rücksendung anmelden, die Jacke passt leider nicht.\n"
        + "[t] ai: Gerne helfe ich Ihnen weiter! Suchen Sie etwas Bestimmtes in unserem Shop?\n"
        + "[t] customer: Danke!\n[t] ai: Gern geschehen! Rücksendungen können Sie ganz einfach in unserem Retourenportal anmelden: shop.example.de/retouren 😊");
    assertThat(v).isEqualTo(new Verdict(false, "The AI answered a concierge request instead of the customer's"
        + " return request, so the request was not understood."));
    assertThat(truth.grade("resolution", "[t] customer: Where is my order #12345? The tracking hasn't changed in 3 days 📦\n"
        + "[t] ai: Let me check that for you. Order #12345 is at the parcel centre and is expected to be delivered tomorrow 📦\n"
        + "[t] customer: Thanks!").pass()).isTrue();
  }
}
