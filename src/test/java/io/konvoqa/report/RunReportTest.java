package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Offender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  @TempDir Path reports;

  @Test void aReasonQuotingALoneSurrogateStillGivesTheSummaryAndItsExitCode() throws Exception {
    // given a breach whose scenario name and reason hold half a surrogate pair, as JSON can carry it
    ScenarioResult scenario = new ScenarioResult("Broken \ud800 text", "file:features/x.feature", List.of(),
        List.of(Fixtures.breached(List.of(new Offender("s-1", "AI reply: \"bad \ud800 text\"")))),
        ScenarioResult.Status.FAILED, null, null);

    // when
    Summary summary = RunReport.finish(reports, List.of(scenario), null, null);

    // then
    assertThat(summary.exitCode()).isEqualTo(1);
    assertThat(Files.readString(RunReport.summaryFile(reports), StandardCharsets.UTF_8)).contains("Broken ? text");
    assertThat(Files.readString(RunReport.exitCodeFile(reports))).isEqualTo("1");
  }
}
