package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import java.util.List;

/**
 * Thresholded shares of sessions that do something wrong, where the zero-tolerance gates ("no
 * session has more than 8 customer messages", "no AI reply matches ...") allow none: the share is
 * judged as every rate is ({@link RateClaim}, {@link Rates}), and the offenders are the sessions
 * counted. A session the gate cannot decide on (messages whose writer or text is unknown) is left
 * out of the population and counted as unknown: the gate cannot judge when it could tip the verdict.
 */
public final class ShareGates {
  private ShareGates() {}

  /** The share of sessions with more than {@code max} customer messages. */
  public static Gate moreCustomerMessagesThan(RateClaim claim, int max) {
    if (max < 0) throw new IllegalArgumentException("max must be 0 or more but was " + max);
    return gate -> new CustomerMessageTally(gate, max, "more than") {
      @Override public Verdict finish(Scope scope) {
        Verdict early = unfit(scope);
        if (early != null) return early;
        Completeness unknown = found.unknown("customer messages", "who wrote them is unknown");
        String has = "more than " + max + " customer messages";
        return Rates.verdict(gate, claim, new Rates.Rate("share with " + has, "sessions", "with " + has,
            found.offenders.size(), size - unknown.uncertain(), "%s of %s sessions have " + has),
            scope.completeness().plus(unknown), found.offenders, scope);
      }
    };
  }

  public static Verdict moreCustomerMessagesThan(Sample sample, RateClaim claim, int max, String gate) {
    return sample.judge(moreCustomerMessagesThan(claim, max), gate);
  }

  /**
   * The share of sessions with an AI reply that contains (or matches) {@code phrase}. A session
   * without such a reply is unknown when an AI reply came without text, or when a message whose
   * writer is unknown contains it (it may be the AI's).
   */
  public static Gate aiReplyMatching(RateClaim claim, TriggerPhrase phrase) {
    List<TriggerPhrase> phrases = List.of(phrase);
    return gate -> new MessageGates.Tally(gate) {
      final Findings found = new Findings();
      final SessionCount unattributed = new SessionCount();

      @Override void take(SessionView s) {
        Conversation c = s.conversation();
        String offence = ReplyGates.offence(c, phrases);
        if (offence != null) found.offends(s, offence);
        else if (c.textless(Role.AI) > 0) found.unclear(s, c.textless(Role.AI));
        else {
          long matching = unattributedMatching(c);
          if (matching > 0) unattributed.add(s, matching);
        }
      }

      private long unattributedMatching(Conversation c) {
        long n = 0;
        for (Message m : c.messages()) {
          if (m.message() != null && c.unattributed(m) && phrase.matches(m.text(), c.lowered(m))) n++;
        }
        return n;
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = needAiText(scope);
        if (early != null) return early;
        Completeness unknown = found.unknown("AI replies", "what they said cannot be searched");
        if (!unattributed.none()) unknown = unknown.plus(unattributed(phrase));
        String has = "an AI reply that " + phrase.describe();
        return Rates.verdict(gate, claim, new Rates.Rate("share with " + has, "sessions", "with " + has,
            found.offenders.size(), size - unknown.uncertain(), "%s of %s sessions have " + has.replace("%", "%%")),
            scope.completeness().plus(unknown), found.offenders, scope);
      }

      /** "2 sessions (e.g. s7) hold 3 messages of unknown writer that contain 'x' and may be AI replies". */
      private Completeness unattributed(TriggerPhrase phrase) {
        int n = unattributed.sessions;
        long messages = unattributed.messages;
        return new Completeness(n, TextGaps.plural(n, "session") + " (e.g. " + unattributed.first + ") "
            + (n == 1 ? "holds " : "hold ") + TextGaps.plural(messages, "message") + " without origin, or with an"
            + " origin mapped to no role, that " + phrase.describe() + " and may be "
            + (messages == 1 ? "an AI reply" : "AI replies") + ": who sent " + (messages == 1 ? "it" : "them")
            + " is unknown");
      }
    };
  }

  public static Verdict aiReplyMatching(Sample sample, RateClaim claim, TriggerPhrase phrase, String gate) {
    return sample.judge(aiReplyMatching(claim, phrase), gate);
  }
}
