package io.konvoqa.privacy;

/**
 * The scans behind {@link PersonalData#maskText}, each linear in the length of the text.
 *
 * <p>Phone numbers have too many national shapes to recognise exactly, so any run of digits and
 * phone separators with seven digits or more is masked, unless it is a date. Order numbers
 * ({@code #10423}), times, prices and short numbers have fewer digits or are cut apart by
 * characters a phone number does not contain ({@code : ,}), and so survive. So do the figures
 * konvo-qa writes itself: it groups thousands with commas ({@code 1,000,000,000 sessions}), and a
 * comma ends a phone run.
 *
 * <p>Message text is untrusted and may be megabytes long. Regular expressions with nested or
 * unbounded repetition backtrack (the old e-mail pattern took 96 s over 64 kB of {@code a}) and
 * recurse once per repetition (a stack overflow on a long run of digits), so the masks and the
 * dates they spare are hand-written scans that visit each character a bounded number of times.
 */
final class TextMasks {
  private TextMasks() {}

  static final int MIN_PHONE_DIGITS = 7;
  // E.164 numbers have at most 15 digits (16 covers card numbers); longer runs are ids, not people.
  static final int MAX_PHONE_DIGITS = 16;


  /**
   * {@code anna.schmidt@example.co.uk} becomes {@code a***@***.uk}: a local part of word
   * characters and {@code . + % -}, an {@code @}, one or more dot-ended labels and a top-level
   * domain of two letters or more that is not followed by a word character or {@code -}.
   */
  static String emails(String text) {
    StringBuilder out = null;
    int copied = 0;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      int start = at;
      while (start > copied && localPart(text.codePointBefore(start))) {
        start -= Character.charCount(text.codePointBefore(start));
      }
      if (start == at) continue;
      int tld = topLevelDomain(text, at + 1);
      if (tld < 0) continue;
      int end = tld;
      while (end < text.length() && Character.isLetter(text.codePointAt(end))) {
        end += Character.charCount(text.codePointAt(end));
      }
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copied, start).appendCodePoint(text.codePointAt(start))
          .append("***@***.").append(text, tld, end);
      copied = end;
      at = end - 1;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * Where the top-level domain of a domain starting at {@code from} begins, or -1: the last label
   * that is all letters (two or more), with only non-empty labels before it and no word character
   * or {@code -} after it. One pass over the labels; a domain never runs past the next {@code @}.
   */
  private static int topLevelDomain(String text, int from) {
    int best = -1;
    int labelStart = from;
    boolean letters = true;
    int i = from;
    while (true) {
      int c = i < text.length() ? text.codePointAt(i) : -1;
      if (c >= 0 && domainChar(c)) {
        letters &= Character.isLetter(c);
        i += Character.charCount(c);
        continue;
      }
      // a label ends here: at a dot, or where the domain ends
      int length = i - labelStart;
      if (labelStart > from && letters && length >= 2 && text.codePointCount(labelStart, i) >= 2) {
        best = labelStart;
      }
      if (c != '.' || length == 0) return best;
      i++;
      labelStart = i;
      letters = true;
    }
  }

  private static boolean localPart(int c) {
    return word(c) || c == '.' || c == '+' || c == '%' || c == '-';
  }

  private static boolean domainChar(int c) {
    return word(c) || c == '-';
  }

  // \w as Java's UNICODE_CHARACTER_CLASS defines it.
  private static boolean word(int c) {
    if (Character.isAlphabetic(c) || Character.isDigit(c) || c == 0x200C || c == 0x200D) return true;
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
  }

  /**
   * {@code +49 151 4242 4351} becomes {@code [phone …51]}. A phone run opens with a digit, or
   * {@code +}, {@code (} or {@code (+} before one, where no word, {@code #}, {@code @}, {@code +}
   * or the tail of a figure ({@code 12:}, {@code 49.}) stands before it. Then digits follow, each
   * after at most one separator: a space, {@code . / -}, or a parenthesis with an optional space.
   * The run ends at its last digit that no letter, digit, {@code _}, {@code @} or figure
   * ({@code .5}, {@code :30}) follows.
   */
  static String phones(String text) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      int digit = phoneStart(text, start);
      if (digit < 0) {
        i++;
        continue;
      }
      int end = -1;
      for (int at = digit; at >= 0; at = nextPhoneDigit(text, at + 1)) {
        if (phoneEnd(text, at + 1)) end = at + 1;
        i = at + 1;
      }
      // a run opening later inside this one would end at one of the same places: go past it
      if (end < 0) continue;
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copied, start).append(maskedOutsideDates(text.substring(start, end)));
      copied = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** The first digit of a phone run opening at {@code i}, or -1 when none opens there. */
  private static int phoneStart(String text, int i) {
    char c = text.charAt(i);
    if (c != '+' && c != '(' && !digit(text, i)) return -1;
    if (i > 0) {
      int before = text.codePointBefore(i);
      if (Character.isLetter(before) || numeric(before) || before == '_' || before == '#'
          || before == '@' || before == '+') {
        return -1;
      }
      if (i > 1 && ".,:/-".indexOf(text.charAt(i - 1)) >= 0 && digit(text, i - 2)) return -1;
    }
    int j = i;
    if (c == '+') {
      j++;
    } else if (c == '(') {
      j++;
      if (j < text.length() && text.charAt(j) == '+') j++;
    }
    return digit(text, j) ? j : -1;
  }

  /** The digit that continues a phone run after {@code pos}, or -1 where the run stops. */
  private static int nextPhoneDigit(String text, int pos) {
    if (pos >= text.length()) return -1;
    char c = text.charAt(pos);
    if (digit(text, pos)) return pos;
    if ((space(c) || c == '.' || c == '/' || c == '-') && digit(text, pos + 1)) return pos + 1;
    if (c == ')') {
      if (pos + 1 < text.length() && space(text.charAt(pos + 1)) && digit(text, pos + 2)) return pos + 2;
      return digit(text, pos + 1) ? pos + 1 : -1;
    }
    if (space(c) && pos + 1 < text.length() && text.charAt(pos + 1) == '(' && digit(text, pos + 2)) {
      return pos + 2;
    }
    return c == '(' && digit(text, pos + 1) ? pos + 1 : -1;
  }

  /** Whether a phone run may end before {@code end}: not inside a word, a longer number or a figure. */
  private static boolean phoneEnd(String text, int end) {
    if (end >= text.length()) return true;
    int c = text.codePointAt(end);
    if (Character.isLetter(c) || numeric(c) || c == '_' || c == '@') return false;
    return !(".,:/-".indexOf(c) >= 0 && digit(text, end + 1));
  }

  private static boolean digit(String text, int i) {
    return i >= 0 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\u00A0';
  }

  // \p{N}: any kind of number, not only 0-9.
  private static boolean numeric(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  // A date can sit in the same run as a number ("2026-11-27 10 items"): keep the date, judge the
  // pieces around it on their own.
  static String maskedOutsideDates(String candidate) {
    StringBuilder out = new StringBuilder(candidate.length());
    int last = 0;
    for (int i = 0; i < candidate.length(); i++) {
      int end = dateEnd(candidate, i);
      if (end < 0) continue;
      out.append(maskedPiece(candidate.substring(last, i))).append(candidate, i, end);
      last = end;
      i = end - 1;
    }
    return out.append(maskedPiece(candidate.substring(last))).toString();
  }

  /**
   * The end of a date starting at {@code i}, or -1: 2026-11-27, 27.11.2026, 11/27/26, whole (no
   * digit or figure right before or after it), with day and month 1..31, so that dotted phone
   * numbers such as 01.23.45.67.89 are not mistaken for one.
   */
  private static int dateEnd(String text, int i) {
    if (!digit(text, i) || digit(text, i - 1)
        || (i > 1 && "./-".indexOf(text.charAt(i - 1)) >= 0 && digit(text, i - 2))) {
      return -1;
    }
    if (digits(text, i, 4) && at(text, i + 4, '-')) { // year-month-day
      for (int month : dayOrMonth(text, i + 5)) {
        if (month < 0 || !at(text, i + 5 + month, '-')) continue;
        for (int day : dayOrMonth(text, i + 6 + month)) {
          if (day > 0 && dateEndsAt(text, i + 6 + month + day)) return i + 6 + month + day;
        }
      }
    }
    for (int first : dayOrMonth(text, i)) { // day.month.year, month/day/year, either with - too
      if (first < 0 || i + first >= text.length()) continue;
      char separator = text.charAt(i + first);
      if ("./-".indexOf(separator) < 0) continue;
      for (int second : dayOrMonth(text, i + first + 1)) {
        int year = i + first + 1 + second + 1;
        if (second < 0 || !at(text, year - 1, separator)) continue;
        if (digits(text, year, 4) && dateEndsAt(text, year + 4)) return year + 4;
        if (digits(text, year, 2) && dateEndsAt(text, year + 2)) return year + 2;
      }
    }
    return -1;
  }

  /** The lengths a day or month at {@code i} may have, in the order to try them; -1 for none. */
  private static int[] dayOrMonth(String text, int i) {
    if (!digit(text, i)) return NONE;
    char c = text.charAt(i);
    boolean twoDigits = digit(text, i + 1);
    char next = twoDigits ? text.charAt(i + 1) : 'x';
    if (c == '0') return twoDigits && next != '0' ? TWO : NONE;
    boolean longer = twoDigits && (c == '1' || c == '2' || (c == '3' && next <= '1'));
    return longer ? ONE_THEN_TWO : ONE;
  }

  private static final int[] NONE = {-1};
  private static final int[] ONE = {1};
  private static final int[] TWO = {2};
  private static final int[] ONE_THEN_TWO = {1, 2};

  private static boolean dateEndsAt(String text, int end) {
    return !digit(text, end) && !("./-".indexOf(end < text.length() ? text.charAt(end) : 'x') >= 0
        && digit(text, end + 1));
  }

  private static boolean digits(String text, int from, int count) {
    for (int i = from; i < from + count; i++) if (!digit(text, i)) return false;
    return true;
  }

  private static boolean at(String text, int i, char c) {
    return i < text.length() && text.charAt(i) == c;
  }

  // The separators left at the ends of a piece cut beside a date belong to the text around it.
  static String maskedPiece(String piece) {
    int digits = 0;
    for (int i = 0; i < piece.length() && digits <= MAX_PHONE_DIGITS; i++) {
      if (digit(piece, i)) digits++;
    }
    if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) return piece;
    int from = 0;
    int to = piece.length();
    while (from < to && edge(piece.charAt(from))) from++;
    while (to > from && edge(piece.charAt(to - 1))) to--;
    StringBuilder lastTwo = new StringBuilder(2);
    for (int i = to - 1; i >= from && lastTwo.length() < 2; i--) {
      if (digit(piece, i)) lastTwo.insert(0, piece.charAt(i));
    }
    return piece.substring(0, from) + "[phone …" + lastTwo + "]" + piece.substring(to);
  }

  private static boolean edge(char c) {
    return space(c) || c == '.' || c == '/' || c == '-';
  }
}
