package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Calibration;
import io.konvoqa.gate.GraderFacts;
import io.konvoqa.gate.Judgment;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A judged gate's report: its judge panel, masked, and the judge's reason on each offender's transcript. */
class JudgePanelReportTest {
  private record Attached(String name, String type, String body) {}

  private final Privacy privacy = Privacy.masking(Salt.of("test-salt", "demo"));

  @Test void aJudgedGateHasAJudgePanelAndItsOffendersShowTheJudgesReason() {
    Session s = Fixtures.session("s-1", Fixtures.WHATSAPP_ID, "call " + Fixtures.PHONE, "you have 30 days");
    Sample sample = Fixtures.sample(s);
    Judgment judgment = new Judgment("return-policy", "200 of 1,950 sessions sampled at random (seed 42)", 200, 190, 9,
        1, 150, 12_345, new GraderFacts("gpt-4o-mini", "api.openai.com", "judge-v1", false, false, 210, 150, 40_000, 1),
        new Calibration(18, 2, 1, 19, 0), null);
    Verdict v = Verdict.of("no session fails the rubric \"return-policy\"", Outcome.BREACHED, "9 of 199 graded sessions fail")
        .offenders(List.of(new Offender("s-1", "the judge found: the AI told the customer (" + Fixtures.PHONE
            + ") they have 30 days, the policy says 14"))).evidence(judgment).build();

    List<Attached> out = new ArrayList<>();
    VerdictReport.attach(privacy.mask(v, sample), sample, null, privacy,
        (name, type, ext, body) -> out.add(new Attached(name, type, body)));

    assertThat(out).extracting(Attached::name).containsExactly("Verdict: gate breached", "Verdict table", "Judge panel",
        "Judge panel (text)", "Offending sessions (1, CSV)", "1 conversation", "1 conversation (text)");
    assertThat(out.get(3).body()).isEqualTo("""
        Judge panel
        judge: gpt-4o-mini
        endpoint host: api.openai.com
        prompt version: judge-v1
        personal data: masked before it is sent
        rubric: return-policy
        sessions to grade: 200 of 1,950 sessions sampled at random (seed 42)
        grades: 200 sent to the judge: 190 pass, 9 fail, 1 judge error
        this gate's cost: 150 grades from the cache, 12,345 tokens
        the run so far: 210 judge calls, 150 cache hits, 40,000 tokens, 1 judge error
        judge against the labels: agreement 92.5% of 40, sensitivity 90.0% of 20, specificity 95.0% of 20, Cohen's kappa 0.85
        """);
    assertThat(out.get(2).body()).contains("<th>endpoint host</th><td>api.openai.com</td>");
    assertThat(out.get(6).body()).contains("Why this session offends: the judge found: the AI told the customer ")
        .contains("they have 30 days, the policy says 14");
    for (Attached a : out) assertThat(a.body()).doesNotContain(Fixtures.PHONE, Fixtures.WHATSAPP_ID);
  }

  @Test void theDemoJudgeAndUnmaskedSendingAreDeclared() {
    Judgment judgment = new Judgment("resolution", "every one of the 40 sessions chosen (no sample)", 40, 40, 0, 0, 0, 0,
        new GraderFacts("demo", "localhost", "judge-v1", true, true, 40, 0, 0, 0), null, null);
    String text = io.konvoqa.report.render.JudgePanel.text(judgment);
    assertThat(text).contains("judge: demo (the demo judge: a simulator of a judge, not a language model)")
        .contains("personal data: SENT UNMASKED to the judge (KONVO_JUDGE_SEND_PERSONAL_DATA=true)")
        .contains("judge against the labels: no labelled examples: the judge's own error rate is not measured");
  }
}
