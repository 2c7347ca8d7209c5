package io.konvoqa.privacy;

import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Session;
import java.util.HashSet;
import java.util.Set;

/**
 * Masks personal data in every text of a verdict: its claim, reason, figures, offender reasons
 * (which quote AI replies), segments and routing table.
 *
 * <p>The verdict's text ends up in Allure's result JSON (as the assertion message), in the summary
 * file and on the console, so it is masked before any of them sees it. Every {@code
 * external_user_id} of the sample that is quoted whole becomes the customer's token; then phone
 * numbers and e-mail addresses are masked. Session ids stay as they are: they join the CSV, the
 * transcripts and the dashboard.
 */
final class VerdictMasking {
  /** Shorter ids ("1", "42") would replace ordinary numbers in the text. */
  static final int MIN_ID_LENGTH = 5;

  private final PersonalData personalData;
  private final Set<String> externalUserIds;
  private final int maxIdLength;

  private VerdictMasking(PersonalData personalData, Set<String> externalUserIds) {
    this.personalData = personalData;
    this.externalUserIds = externalUserIds;
    this.maxIdLength = externalUserIds.stream().mapToInt(String::length).max().orElse(0);
  }

  /** Masks with {@code personalData}, knowing the external_user_ids of {@code sample} (may be null). */
  static VerdictMasking of(PersonalData personalData, Sample sample) {
    Set<String> ids = new HashSet<>();
    if (personalData.isMasking() && sample != null) {
      for (Session s : sample.fetched()) {
        String id = s.externalUserId();
        if (id != null && id.length() >= MIN_ID_LENGTH) ids.add(id);
      }
    }
    return new VerdictMasking(personalData, ids);
  }

  Verdict mask(Verdict v) {
    if (!personalData.isMasking()) return v;
    return v.mapText(this::text);
  }

  /** The text with quoted external_user_ids tokenised, then phones and e-mails masked. */
  String text(String text) {
    if (text == null || !personalData.isMasking()) return text;
    return personalData.maskText(externalUserIds.isEmpty() ? text : tokenised(text));
  }

  /**
   * Every known external_user_id in the text, wherever it stands ("#id", "id=...", "`id`"), as its
   * token: a run that starts and ends at a letter-or-digit boundary, the longest known one first.
   */
  private String tokenised(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = startsWord(text, i) ? longestIdAt(text, i) : -1;
      if (end < 0) {
        out.append(text.charAt(i++));
      } else {
        out.append(personalData.token(text.substring(i, end)));
        i = end;
      }
    }
    return out.toString();
  }

  private int longestIdAt(String text, int start) {
    for (int end = Math.min(text.length(), start + maxIdLength); end >= start + MIN_ID_LENGTH; end--) {
      if ((end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))
          && externalUserIds.contains(text.substring(start, end))) {
        return end;
      }
    }
    return -1;
  }

  private static boolean startsWord(String text, int i) {
    return Character.isLetterOrDigit(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
  }
}
