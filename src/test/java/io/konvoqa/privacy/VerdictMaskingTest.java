package io.konvoqa.privacy;

import io.konvoqa.report.Fixtures;
import static io.konvoqa.report.Fixtures.EMAIL;
import static io.konvoqa.report.Fixtures.PHONE;
import static io.konvoqa.report.Fixtures.WEB_ID;
import static io.konvoqa.report.Fixtures.WHATSAPP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Confusion;
import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Segment;
import io.konvoqa.gate.SegmentTable;
import io.konvoqa.gate.Verdict;
import io.konvoqa.gate.VerdictAssert;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictMaskingTest {
  private final Privacy privacy = Privacy.of(true, Salt.of("test-salt", "demo"), System.err);

  @Test void masksPhonesEmailsAndExternalUserIdsInEveryTextOfTheVerdict() {
    Sample sample = Fixtures.sample(Fixtures.session("s-1", WHATSAPP_ID, "hi", "ok"),
        Fixtures.session("s-2", WEB_ID, "hi", "ok"));
    Verdict verdict = Verdict.of("gate " + PHONE, Outcome.BREACHED, "reason " + EMAIL).figure("figure " + PHONE)
        .figures(List.of(new Figure("customer " + WEB_ID, "value " + EMAIL)))
        .offenders(List.of(new Offender("s-1", "AI reply: \"call " + PHONE + " or " + EMAIL + "\""),
            new Offender("s-2", "customer number " + WEB_ID + ".")))
        .evidence(new SegmentTable(List.of(new Segment("channel " + PHONE, 3, 0.5, Outcome.BREACHED, "note " + EMAIL))))
        .evidence(new Confusion(List.of("phrase " + PHONE), List.of("WISMO"), new long[][] {{1}},
            Map.of("phrase " + PHONE, "WISMO"))).build();

    Verdict masked = privacy.mask(verdict, sample);

    String all = masked.toString() + masked.confusion().phrases() + masked.confusion().expected();
    assertThat(all).doesNotContain(PHONE, EMAIL, WEB_ID, WHATSAPP_ID, "4242");
    assertThat(masked.gate()).isEqualTo("gate [phone …51]");
    assertThat(masked.reason()).isEqualTo("reason a***@***.de");
    assertThat(masked.offenders()).containsExactly(
        new Offender("gate [phone …51]", "s-1", "AI reply: \"call [phone …51] or a***@***.de\""),
        new Offender("gate [phone …51]", "s-2", "customer number " + privacy.mask(sample.sessions().get(1)).externalUserId() + "."));
    assertThat(masked.offenders().get(1).reason()).matches("customer number customer-[0-9a-f]{10}\\.");
    assertThat(masked.segments().get(0).name()).isEqualTo("channel [phone …51]");
    assertThat(masked.confusion().expected()).containsEntry("phrase [phone …51]", "WISMO");
  }

  @Test void theAssertionMessageOfAMaskedVerdictHoldsNoPersonalData() {
    Verdict verdict = Fixtures.breached(List.of(new Offender("s-1", "AI reply: \"mail " + EMAIL + "\"")));

    String message = VerdictAssert.message(privacy.mask(verdict, null));

    assertThat(message).contains("s-1: AI reply: \"mail a***@***.de\"").doesNotContain(EMAIL);
  }

  @Test void aLongQuotedReplyIsMaskedWholeAndCutOnlyForDisplay() {
    String reply = "We will refund you, dear customer, as promised; write to us at " + EMAIL + " any time";
    Verdict masked = privacy.mask(Fixtures.breached(List.of(
        new Offender("s-1", "AI reply contains 'refund': \"" + reply + "\""))), null);

    assertThat(masked.offenders().get(0).reason()).isEqualTo("AI reply contains 'refund': \""
        + "We will refund you, dear customer, as promised; write to us at a***@***.de any time\"");
    assertThat(VerdictAssert.shortened(masked.offenders().get(0).reason(), 60)).hasSize(60).endsWith("...");
  }

  @Test void anExternalUserIdIsTokenisedWhereverItStands() {
    Sample sample = Fixtures.sample(Fixtures.session("s-1", WEB_ID, "hi", "hello"));
    for (String quoted : List.of("#" + WEB_ID, "Kundennr.:" + WEB_ID, "id=" + WEB_ID, "`" + WEB_ID + "`", WEB_ID + "-ok")) {
      Verdict masked = privacy.mask(Fixtures.breached(List.of(new Offender("s-1", "AI reply: \"" + quoted + "\""))), sample);
      assertThat(masked.offenders().get(0).reason()).as(quoted).doesNotContain(WEB_ID).contains("customer-");
    }
  }

  @Test void hostileTextIsLeftForTheRenderersToEscape() {
    Verdict verdict = Fixtures.breached(List.of(new Offender("s" + Fixtures.SVG, Fixtures.IMG)));

    assertThat(privacy.mask(verdict, null).offenders())
        .containsExactly(new Offender(verdict.gate(), "s" + Fixtures.SVG, Fixtures.IMG));
  }

  @Test void turnedOffItChangesNothingAndSaysSoLoudly() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Privacy off = Privacy.of(false, null, new PrintStream(console, true, StandardCharsets.UTF_8));
    Verdict verdict = Fixtures.breached(List.of(new Offender("s-1", PHONE)));

    assertThat(off.mask(verdict, null)).isSameAs(verdict);
    assertThat(off.masking()).isFalse();
    assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("konvo-qa: WARNING: personal data is NOT"
        + " MASKED (KONVO_MASK_PERSONAL_DATA=false): this report shows phone numbers, e-mail addresses"
        + " and external_user_ids as the customers wrote them" + System.lineSeparator());
  }

  @Test void aTranscriptSessionLosesItsExternalUserIdEvenWhereItsTextsQuoteIt() {
    var session = Fixtures.session("s-2", WEB_ID, "my customer number is " + WEB_ID, "ok " + EMAIL);

    var masked = privacy.mask(session);

    assertThat(masked.toString()).doesNotContain(WEB_ID, EMAIL, PHONE);
    assertThat(masked.messages().get(0).message()).isEqualTo("my customer number is " + masked.externalUserId());
    assertThat(masked.state().trail()).containsExactly(
        "{\"user\":\"" + masked.externalUserId() + "\",\"phone\":\"[phone …51]\"}");
  }
}
