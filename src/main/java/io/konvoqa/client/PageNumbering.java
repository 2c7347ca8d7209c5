package io.konvoqa.client;

import io.konvoqa.session.SessionsPage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the API numbers its pages from 0 or from 1, and how that was found out.
 *
 * <p>The API's reference does not say, and a wrong guess loses a whole page in silence. So unless
 * {@code KONVO_FIRST_PAGE} says, page 0 is asked for beside page 1 and the two compared: page 0
 * empty, refused, or holding only sessions of page 1 means pages start at 1; other sessions on
 * page 0 mean they start at 0. A mistaken "from 0" costs one request (the client reads on
 * while pages come back full); "from 1" is only concluded when page 0 holds nothing new.
 *
 * @param first the number of the first page, 0 or 1
 * @param how how it was found, e.g. "page 0 was empty"
 * @param settled false when pages 0 and 1 were both empty: nothing to tell them apart by, so the
 *     next window detects again
 */
record PageNumbering(int first, String how, boolean settled) {
  private static final Pattern HTTP_STATUS = Pattern.compile("HTTP \\d{3}");

  /** As {@code KONVO_FIRST_PAGE} says, without asking the API. */
  static PageNumbering told(int first) {
    return new PageNumbering(first, "KONVO_FIRST_PAGE=" + first, true);
  }

  /** From page 0 (null when asking for it failed with {@code zeroFailure}) and page 1. */
  static PageNumbering detect(SessionsPage zero, KonvoApiException zeroFailure, SessionsPage one) {
    if (zero == null) {
      // An HTTP answer, even after retries, is how this API refuses page 0; no answer at all (a
      // timeout, a reset) tells nothing, so the next window asks again. In this window a page 0
      // that held sessions shows as sessions not served, against the count.
      return zeroFailure.kind() != KonvoApiException.Kind.UNREACHABLE ? new PageNumbering(1, refused(zeroFailure), true)
          : new PageNumbering(1, "page 0 could not be fetched, so it is asked again on the next window", false);
    }
    if (zero.result().isEmpty()) {
      return one.result().isEmpty()
          ? new PageNumbering(1, "pages 0 and 1 were both empty, so it is detected again on the next window", false)
          : new PageNumbering(1, "page 0 was empty", true);
    }
    java.util.Set<String> onZero = PageTally.ids(zero), onOne = PageTally.ids(one);
    if (onZero.equals(onOne)) return new PageNumbering(1, "page 0 held the same sessions as page 1", true);
    if (onOne.containsAll(onZero)) return new PageNumbering(1, "page 0 held only sessions of page 1", true);
    return new PageNumbering(0, "page 0 held other sessions than page 1", true);
  }

  private static String refused(KonvoApiException failure) {
    Matcher status = HTTP_STATUS.matcher(failure.getMessage());
    if (status.find()) return "the API answered page 0 with " + status.group();
    return failure.kind() == KonvoApiException.Kind.UNPARSEABLE_PAGE
        ? "the API answered page 0 with a body that is not a page" : "page 0 could not be fetched";
  }

  /** The same numbering, for the windows after the one it was found on. */
  PageNumbering remembered() {
    return new PageNumbering(first, "found on an earlier window: " + how, true);
  }

  /** For the run log and the report, e.g. "pages numbered from 1 (page 0 was empty)". */
  @Override public String toString() {
    return "pages numbered from " + first + " (" + how + ")";
  }
}
