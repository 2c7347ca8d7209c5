package io.konvoqa.bench;

import io.konvoqa.privacy.PersonalData;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code bench --masking}: how long masking phone numbers and e-mail addresses takes over one
 * 10 MB message, in the shapes that once made it backtrack (a long run of one letter) or recurse
 * (long digit runs), and in a realistic mix.
 */
final class MaskingBench {
  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final int WARM_UPS = 3;
  private static final int ROUNDS = 5;
  private static final String[][] SHAPES = {
      {"a", "10 MB of `a`, then \" Zalando\""},
      {"1 ", "`1 ` repeated (one digit run)"},
      {"a@b.", "`a@b.` repeated"},
      {"2026-11-27 ", "dates in one digit run"},
      {"Call +49 151 4242 4351 or anna@example.com, order #10423. ", "phones, e-mails, order numbers"},
  };

  private MaskingBench() {}

  static int run(PrintStream out) {
    PersonalData masking = PersonalData.masking();
    out.println("Masking one 10 MB message (PersonalData.maskText), " + WARM_UPS + " warm-ups, then "
        + ROUNDS + " rounds; load average " + Bench.Machine.load());
    out.println();
    out.println("| message | median | slowest |");
    out.println("| --- | ---: | ---: |");
    for (String[] shape : SHAPES) {
      String message = shape[0].repeat(TEN_MB / shape[0].length()) + " Zalando";
      for (int i = 0; i < WARM_UPS; i++) masking.maskText(message);
      long[] millis = new long[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        long started = System.nanoTime();
        masking.maskText(message);
        millis[i] = (System.nanoTime() - started) / 1_000_000;
      }
      Arrays.sort(millis);
      out.printf(Locale.ROOT, "| %s | %,d ms | %,d ms |%n", shape[1], millis[ROUNDS / 2], millis[ROUNDS - 1]);
    }
    out.println();
    out.println("load average at the end: " + Bench.Machine.load());
    return 0;
  }
}
