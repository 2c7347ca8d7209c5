package io.konvoqa.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scans of {@link TextMasks} mask what the regular expressions they replaced
 * masked: those are kept here, as the reference, and both run over random short texts made of the
 * pieces that matter (digits, separators, letters, {@code @ . + ( )}).
 */
class TextMasksScanTest {
  private static final Pattern EMAIL = Pattern.compile(
      "([\\w.+%-]+)@((?:[\\w-]+\\.)+)(\\p{L}{2,})(?![\\w-])", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\p{L}\\p{N}_#@+]|[0-9][.,:/-])"
          + "(?:\\+|\\(\\+?)?[0-9]"
          + "(?:(?:[ \\u00A0./-]|\\)[ \\u00A0]?|[ \\u00A0]?\\()?[0-9])*"
          + "(?![\\p{L}\\p{N}_@]|[.,:/-]?[0-9])");
  private static final String DAY_OR_MONTH = "(?:0?[1-9]|[12][0-9]|3[01])";
  private static final Pattern DATE = Pattern.compile(
      "(?<![0-9]|[0-9][./-])"
          + "(?:[0-9]{4}-" + DAY_OR_MONTH + "-" + DAY_OR_MONTH
          + "|" + DAY_OR_MONTH + "([./-])" + DAY_OR_MONTH + "\\1(?:[0-9]{4}|[0-9]{2}))"
          + "(?![0-9]|[./-][0-9])");

  @Test void emailScanMasksWhatTheFormerPatternMasked() {
    Random random = new Random(7);
    String[] pieces = {"a", "b", "é", "1", "_", "-", "+", "%", ".", "..", "@", "@", "co", "m", "de",
        " ", ",", "o\u0301", "x.y", "@b.", ".de", "x@", "com", "\u00FCn"};
    int masked = 0;
    for (int n = 0; n < 50_000; n++) {
      String text = randomText(random, pieces, 1 + random.nextInt(12));
      String expected = formerEmails(text);
      assertThat(TextMasks.emails(text)).as("emails in '%s'", text).isEqualTo(expected);
      if (!expected.equals(text)) masked++;
    }
    assertThat(masked).as("texts with an e-mail address").isGreaterThan(1_000);
  }

  @Test void phoneScanFindsTheRunsTheFormerPatternFound() {
    Random random = new Random(11);
    String[] pieces = {"0", "1", "12", "345", "6789", "2026", "11", " ", " ", "-", ".", "/", "(", ")",
        "+", ":", ",", "#", "a", "_", "@", "\u00A0", "\u00B2", " (", ") "};
    int masked = 0;
    for (int n = 0; n < 50_000; n++) {
      String text = randomText(random, pieces, 1 + random.nextInt(16));
      String expected = formerPhones(text);
      assertThat(TextMasks.phones(text)).as("phones in '%s'", text).isEqualTo(expected);
      if (!expected.equals(text)) masked++;
    }
    assertThat(masked).as("texts with a phone number").isGreaterThan(1_000);
  }

  @Test void dateScanKeepsTheDatesTheFormerPatternKept() {
    Random random = new Random(13);
    String[] pieces = {"0", "1", "2", "3", "12", "31", "32", "2026", "26", "7", " ", "-", ".", "/",
        "0151 2345", "678", "09", "2026-11-27", "27.11.", "11/27/", "2026-", "-27", "3-1-", "1.2."};
    int dated = 0;
    for (int n = 0; n < 50_000; n++) {
      String text = randomText(random, pieces, 1 + random.nextInt(14));
      String expected = formerOutsideDates(text);
      assertThat(TextMasks.maskedOutsideDates(text)).as("dates in '%s'", text).isEqualTo(expected);
      if (DATE.matcher(text).find()) dated++;
    }
    assertThat(dated).as("texts with a date").isGreaterThan(1_000);
  }

  private static String formerOutsideDates(String candidate) {
    Matcher date = DATE.matcher(candidate);
    if (date.find()) {
      return formerOutsideDates(candidate.substring(0, date.start())) + date.group()
          + formerOutsideDates(candidate.substring(date.end()));
    }
    return TextMasks.maskedPiece(candidate);
  }

  private static String randomText(Random random, String[] pieces, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) text.append(pieces[random.nextInt(pieces.length)]);
    return text.toString();
  }

  private static String formerEmails(String text) {
    return EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        new String(Character.toChars(m.group(1).codePointAt(0))) + "***@***." + m.group(3)));
  }

  private static String formerPhones(String text) {
    return PHONE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(formerCandidate(m)));
  }

  // Dates are judged inside each run as before (by the same method): the runs must be the same.
  private static String formerCandidate(MatchResult m) {
    return TextMasks.maskedOutsideDates(m.group());
  }
}
