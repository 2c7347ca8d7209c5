package io.konvoqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end at a tiny size and reports what it did; no figure is asserted. */
class BenchTest {
  @Test void aTinyRunFetchesEveryPagePlusTheEmptyOneAndPrintsARowPerConcurrency() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Bench.run(new String[] {"--sessions", "400", "--concurrency", "1,2", "--latency-ms", "0",
        "--simulator-heap", "256m"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(code).as(out).isZero();
    assertThat(out).contains("| sessions N | C | pages P | requests |");
    // 400 sessions are two full pages of 200; a full last page means one more (empty) page is asked for
    assertThat(out).containsPattern("\\| 400 \\| 1 \\| 2 \\| 3 \\| [\\d,]+ ms \\|");
    assertThat(out).containsPattern("\\| 400 \\| 2 \\| 2 \\| 3 \\| [\\d,]+ ms \\|");
    assertThat(out).contains("judging 20 gates over 400 sessions");
  }

  @Test void aBadOptionIsAUsageErrorNamingTheValue() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Bench.run(new String[] {"--concurrency", "1,0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("konvo-qa bench: --concurrency must be 1..64 but was 0" + System.lineSeparator());
  }

  @Test void theFloorIsWholeRoundsOfConcurrentRequests() {
    assertThat(FetchRow.floor(500, 8, 50)).isEqualTo(63 * 50);
    assertThat(FetchRow.floor(500, 1, 50)).isEqualTo(500 * 50);
    assertThat(FetchRow.floor(50, 16, 50)).isEqualTo(4 * 50);
    assertThat(Options.parse(new String[0])).isEqualTo(
        new Options(List.of(10_000, 100_000), List.of(1, 4, 8, 16), 50, "3g", true, List.of(), false, "512m"));
  }
}
