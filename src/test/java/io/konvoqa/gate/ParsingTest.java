package io.konvoqa.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Percentages, durations and trigger phrases as feature files write them. */
class ParsingTest {
  @Test void percentages() {
    assertThat(Percent.parse("15%")).isEqualTo(0.15);
    assertThat(Percent.parse("12.5%")).isEqualTo(0.125);
    assertThat(Percent.parse("0%")).isZero();
    assertThat(Percent.parse("100%")).isEqualTo(1.0);
    assertThat(Percent.format(0.125)).isEqualTo("12.5%");
  }

  @Test void percentagesWrittenOtherwiseSayHow() {
    assertThatThrownBy(() -> Percent.parse("15 percent"))
        .hasMessage("'15 percent' is not a percentage: write it like 15% or 12.5%");
    assertThatThrownBy(() -> Percent.parse("0.15")).hasMessage("'0.15' is not a percentage: write it like 15% or 12.5%");
    assertThatThrownBy(() -> Percent.parse("150%")).hasMessage("'150%' is more than 100%: a share is 0% to 100%");
  }

  @Test void durations() {
    assertThat(Durations.parse("90 seconds")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("10 minutes")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("24 hours")).isEqualTo(Duration.ofHours(24));
    assertThat(Durations.parse("7 days")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("1 day")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("2 weeks")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }

  @Test void durationsWrittenOtherwiseSayHow() {
    assertThatThrownBy(() -> Durations.parse("a week"))
        .hasMessage("'a week' is not a duration: write it like 90 seconds, 10 minutes, 24 hours or 7 days");
    assertThatThrownBy(() -> Durations.parse("0 days")).hasMessage("'0 days' is zero: a duration must be positive");
  }

  @Test void triggerPhrasesMatchTextOrRegex() {
    assertThat(TriggerPhrase.parse("Where is my ORDER").matches("hi, where is my order #12?")).isTrue();
    assertThat(TriggerPhrase.parse("Rücksendung").matches("RÜCKSENDUNG bitte")).isTrue();
    assertThat(TriggerPhrase.parse("a.b").matches("axb")).isFalse();
    assertThat(TriggerPhrase.parse("/storn(o|ieren)/").matches("Bitte stornieren")).isTrue();
    assertThat(TriggerPhrase.parse("refund").matches(null)).isFalse();
    assertThatThrownBy(() -> TriggerPhrase.parse("/(unclosed/"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("'/(unclosed/' is not a valid regular expression (Unclosed group");
    assertThatThrownBy(() -> TriggerPhrase.parse(" ")).isInstanceOf(ConfigurationException.class);
  }

  @Test void closestSpellingAllowsASwapOrAMissingLetter() {
    assertThat(Spelling.closest("webchta", java.util.List.of("webchat", "email"))).isEqualTo("webchat");
    assertThat(Spelling.closest("whatsap", java.util.List.of("whatsapp", "email"))).isEqualTo("whatsapp");
    assertThat(Spelling.closest("tiktok", java.util.List.of("whatsapp", "email"))).isNull();
  }

  @Test void plainTextMatchesIgnoringCaseWithoutARegex() {
    assertThat(TriggerPhrase.text("Rücksendung").matches("Ich möchte eine RÜCKSENDUNG anmelden")).isTrue();
    assertThat(TriggerPhrase.text("/not a regex/").matches("this is /not a regex/ at all")).isTrue();
    assertThat(TriggerPhrase.text("guarantee").matches("we guarant")).isFalse();
    assertThat(TriggerPhrase.regexOf("guarantee(d)?").matches("GUARANTEED")).isTrue();
  }

  @Test void repliesAreTheSameIgnoringCaseAndSpacing() {
    assertThat(ReplyGates.sameReply("Please wait.", "  please   WAIT. ")).isTrue();
    assertThat(ReplyGates.sameReply("Please wait.", "Please wait!")).isFalse();
    assertThat(ReplyGates.sameReply("Please wait", "Pleasewait")).isFalse();
    assertThat(ReplyGates.sameReply(" ", " ")).isFalse();
  }
}
