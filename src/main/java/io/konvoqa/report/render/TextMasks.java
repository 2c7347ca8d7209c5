package io.konvoqa.report.render;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patterns behind {@link PersonalData#maskText}.
 *
 * <p>Phone numbers have too many national shapes to recognise exactly, so any run of digits and
 * phone separators with seven digits or more is masked, unless it is a date. Order numbers
 * ({@code #10423}), times, prices and short numbers have fewer digits or are cut apart by
 * characters a phone number does not contain ({@code : ,}), and so survive.
 */
final class TextMasks {
  private TextMasks() {}

  static final int MIN_PHONE_DIGITS = 7;
  // E.164 numbers have at most 15 digits (16 covers card numbers); longer runs are ids, not people.
  static final int MAX_PHONE_DIGITS = 16;

  private static final Pattern EMAIL = Pattern.compile(
      "([\\w.+%-]+)@((?:[\\w-]+\\.)+)(\\p{L}{2,})(?![\\w-])", Pattern.UNICODE_CHARACTER_CLASS);

  // A digit, then digits joined by at most one separator: a space, . / - or a parenthesis
  // with an optional space. It may open with + or (, and must not start or end inside a longer
  // token (a word, an #order number, the tail of 12:30 or 49.99).
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\p{L}\\p{N}_#@+]|[0-9][.,:/-])"
          + "(?:\\+|\\(\\+?)?[0-9]"
          + "(?:(?:[ \\u00A0./-]|\\)[ \\u00A0]?|[ \\u00A0]?\\()?[0-9])*"
          + "(?![\\p{L}\\p{N}_@]|[.,:/-]?[0-9])");

  // 2026-11-27, 27.11.2026, 11/27/26: whole, with day and month in range, so that dotted phone
  // numbers such as 01.23.45.67.89 are not mistaken for one.
  private static final String DAY_OR_MONTH = "(?:0?[1-9]|[12][0-9]|3[01])";
  private static final Pattern DATE = Pattern.compile(
      "(?<![0-9]|[0-9][./-])"
          + "(?:[0-9]{4}-" + DAY_OR_MONTH + "-" + DAY_OR_MONTH
          + "|" + DAY_OR_MONTH + "([./-])" + DAY_OR_MONTH + "\\1(?:[0-9]{4}|[0-9]{2}))"
          + "(?![0-9]|[./-][0-9])");

  /** {@code anna.schmidt@example.co.uk} becomes {@code a***@***.uk}. */
  static String emails(String text) {
    return EMAIL.matcher(text).replaceAll(m ->
        Matcher.quoteReplacement(firstLetter(m.group(1)) + "***@***." + m.group(3)));
  }

  private static String firstLetter(String localPart) {
    return new String(Character.toChars(localPart.codePointAt(0)));
  }

  /** {@code +49 151 4242 4351} becomes {@code [phone …51]}. */
  static String phones(String text) {
    return PHONE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(maskedPhone(m)));
  }

  private static String maskedPhone(MatchResult match) {
    return maskedOutsideDates(match.group());
  }

  // A date can sit in the same run as a number ("2026-11-27 10 items"): keep the date, judge the
  // pieces around it on their own.
  private static String maskedOutsideDates(String candidate) {
    Matcher date = DATE.matcher(candidate);
    if (date.find()) {
      return maskedOutsideDates(candidate.substring(0, date.start())) + date.group()
          + maskedOutsideDates(candidate.substring(date.end()));
    }
    String digits = candidate.replaceAll("[^0-9]", "");
    if (digits.length() < MIN_PHONE_DIGITS || digits.length() > MAX_PHONE_DIGITS) return candidate;
    Matcher edges = EDGES.matcher(candidate);
    edges.matches();
    return edges.group(1) + "[phone …" + digits.substring(digits.length() - 2) + "]"
        + edges.group(3);
  }

  // The separators left at the ends of a piece cut beside a date belong to the text around it.
  private static final Pattern EDGES = Pattern.compile("([ \\u00A0./-]*)(.*?)([ \\u00A0./-]*)");
}
