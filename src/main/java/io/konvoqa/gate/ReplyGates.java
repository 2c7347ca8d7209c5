package io.konvoqa.gate;

import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Gates on what the AI says and how it behaves in a conversation. */
public final class ReplyGates {
  private ReplyGates() {}

  /**
   * No AI reply matches any of {@code phrases}; offenders name the phrase and quote the reply. AI
   * replies without text cannot be searched: the gate cannot pass while any is found.
   *
   * @param what what an offending reply does, e.g. "contains 'refund'" or "contains a forbidden phrase"
   */
  public static Gate noAiReply(List<TriggerPhrase> phrases, String what) {
    List<TriggerPhrase> forbidden = List.copyOf(phrases);
    return gate -> new MessageGates.Tally(gate) {
      final Findings found = new Findings();
      final SessionCount originless = new SessionCount();
      final SessionCount unmapped = new SessionCount();
      final java.util.Set<String> unmappedOrigins = new java.util.TreeSet<>();

      @Override void take(SessionView s) {
        Conversation c = s.conversation();
        String offence = offence(c, forbidden);
        if (offence != null) {
          found.offends(s, offence);
        } else if (c.textless(Role.AI) > 0) {
          found.unclear(s, c.textless(Role.AI));
        } else {
          // a message whose writer is unknown may be the AI's: if it offends, who sent it decides
          long matching = 0, fromUnmapped = 0;
          for (Message m : c.messages()) {
            if (m.message() == null || !c.unattributed(m)) continue;
            for (TriggerPhrase p : forbidden) {
              if (p.matches(m.text(), c.lowered(m))) {
                if (m.initiatorOrigin() == null) matching++;
                else {
                  fromUnmapped++;
                  unmappedOrigins.add(m.initiatorOrigin());
                }
                break;
              }
            }
          }
          if (matching > 0) originless.add(s, matching);
          if (fromUnmapped > 0) unmapped.add(s, fromUnmapped);
        }
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = needAiText(scope);
        if (early != null) return early;
        Verdict v = MessageGates.absence(gate, scope, size, "sessions", found.offenders, "an AI reply that " + what,
            "no AI reply in " + Judging.count(size) + " sessions " + what);
        Completeness unknown = found.unknown("AI replies", "what they said cannot be searched");
        if (!originless.none()) {
          int n = originless.sessions;
          long messages = originless.messages;
          unknown = unknown.plus(new Completeness(n, TextGaps.plural(n, "session")
              + " (e.g. " + originless.first + ") " + (n == 1 ? "holds " : "hold ")
              + TextGaps.plural(messages, "message") + " without origin that " + what + " and may be "
              + (messages == 1 ? "an AI reply" : "AI replies") + ": who sent "
              + (messages == 1 ? "it" : "them") + " is unknown"));
        }
        if (!unmapped.none()) {
          int n = unmapped.sessions;
          long messages = unmapped.messages;
          unknown = unknown.plus(new Completeness(n, TextGaps.plural(n, "session")
              + " (e.g. " + unmapped.first + ") " + (n == 1 ? "holds " : "hold ")
              + TextGaps.plural(messages, "message") + " from " + String.join(", ", unmappedOrigins)
              + " that " + what + "; that origin maps to no role, so they may be "
              + (messages == 1 ? "an AI reply" : "AI replies") + ": map it with KONVO_ROLES, e.g. KONVO_ROLES=RECIPIENT=customer,AI=ai,"
              + unmappedOrigins.iterator().next() + "=ai"));
        }
        return Uncertain.absence(v, scope.completeness().plus(unknown));
      }
    };
  }

  public static Verdict noAiReply(Sample sample, List<TriggerPhrase> phrases, String what, String gate) {
    return sample.judge(noAiReply(phrases, what), gate);
  }

  /** "AI reply contains 'Amazon': "…"", naming the first phrase the first offending reply matched; or null. */
  static String offence(Conversation c, List<TriggerPhrase> phrases) {
    for (Message m : c.by(Role.AI)) {
      if (m.message() == null) continue;
      String lowered = c.lowered(m);
      for (TriggerPhrase p : phrases) {
        if (p.matches(m.text(), lowered)) return "AI reply " + p.describe() + ": \"" + Judging.quote(m.text()) + "\"";
      }
    }
    return null;
  }

  /** At least {@code atLeast} of sessions with a sub_intent_type have an AI reply containing a text. */
  public static Gate aiReplyContaining(String subIntentType, String text, double atLeast) {
    TriggerPhrase needle = TriggerPhrase.text(text);
    return gate -> new MessageGates.Tally(gate, Need.STATE) {
      final List<Offender> without = new ArrayList<>();
      final Findings found = new Findings();
      long with;

      @Override void take(SessionView s) {
        if (!subIntentType.equalsIgnoreCase(s.session().subIntentType())) return;
        Conversation c = s.conversation();
        if (contains(c)) with++;
        else if (c.textless(Role.AI) > 0) found.unclear(s, c.textless(Role.AI));
        else if (unattributedContains(c) > 0) found.unclear(s, unattributedContains(c)); // may be the AI's
        else without.add(new Offender(s.id(), "no AI reply contains '" + text + "'"));
      }

      private long unattributedContains(Conversation c) {
        long n = 0;
        for (Message m : c.messages()) {
          if (m.message() != null && c.unattributed(m) && needle.matches(m.message(), c.lowered(m))) n++;
        }
        return n;
      }

      private boolean contains(Conversation c) {
        for (Message m : c.by(Role.AI)) if (m.message() != null && needle.matches(m.message(), c.lowered(m))) return true;
        return false;
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = needAiText(scope);
        if (early == null) early = missing(Need.STATE);
        if (early != null) return early;
        Completeness unknown = found.unknown("AI replies", "whether they contain '" + text + "' is unknown");
        String population = "sessions with sub_intent_type " + subIntentType;
        return Rates.verdict(gate, RateClaim.atLeast(atLeast), new Rates.Rate("share with an AI reply containing '"
            + text + "'", population, "with such a reply", with, with + without.size(),
            "%s of %s " + population + " have an AI reply containing '" + text.replace("%", "%%") + "'"),
            scope.completeness().plus(unknown), without, scope);
      }
    };
  }

  public static Verdict aiReplyContaining(Sample sample, String subIntentType, String text,
      double atLeast, String gate) {
    return sample.judge(aiReplyContaining(subIntentType, text, atLeast), gate);
  }

  /** Every session in which the customer wrote has at least one AI reply. */
  public static Gate everyCustomerGetsAiReply() {
    return Behaviour.everyCustomerGetsAiReply();
  }

  public static Verdict everyCustomerGetsAiReply(Sample sample, String gate) {
    return sample.judge(everyCustomerGetsAiReply(), gate);
  }

  /**
   * No two consecutive AI replies in a session say the same thing (a loop), customer messages in
   * between notwithstanding. Texts are compared ignoring case and spacing.
   */
  public static Gate noRepeatedAiReply() {
    return gate -> new MessageGates.Tally(gate) {
      final Findings found = new Findings();

      @Override void take(SessionView s) {
        Conversation c = s.conversation();
        String previous = null;
        for (Message m : c.by(Role.AI)) {
          if (previous != null && m.message() != null && sameReply(previous, m.text())) {
            found.offends(s, "AI sent the same reply twice in a row: \"" + Judging.quote(m.text()) + "\"");
            return;
          }
          previous = m.message();
        }
        long gaps = c.textless(Role.AI);
        found.unclear(s, gaps > 0 ? gaps : repeatsIfUnattributedAreAi(c));
      }

      /** The unattributed messages when, taken for AI replies, they would make a reply repeat; else 0. */
      private long repeatsIfUnattributedAreAi(Conversation c) {
        String previous = null;
        for (Message m : c.messages()) {
          if (c.role(m) != Role.AI && !c.unattributed(m)) continue;
          if (previous != null && m.message() != null && sameReply(previous, m.text())) return c.unknownCount();
          previous = m.message();
        }
        return 0;
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = needAiText(scope);
        if (early != null) return early;
        Verdict v = MessageGates.absence(gate, scope, size, "sessions", found.offenders, "an AI reply sent twice in a row",
            "no AI reply in " + Judging.count(size) + " sessions is sent twice in a row");
        return Uncertain.absence(v, scope.completeness().plus(found.unknown("AI replies", "whether they repeat a reply is unknown")));
      }
    };
  }

  public static Verdict noRepeatedAiReply(Sample sample, String gate) {
    return sample.judge(noRepeatedAiReply(), gate);
  }

  /** The same words, ignoring case and runs of white space; never true for blank replies. */
  static boolean sameReply(String a, String b) {
    int i = skipSpace(a, 0), j = skipSpace(b, 0);
    if (i == a.length() || j == b.length()) return false;
    while (i < a.length() && j < b.length()) {
      boolean spaceA = Character.isWhitespace(a.charAt(i)), spaceB = Character.isWhitespace(b.charAt(j));
      if (spaceA || spaceB) {
        if (!(spaceA && spaceB)) return false;
        i = skipSpace(a, i);
        j = skipSpace(b, j);
        if (i == a.length() || j == b.length()) break;
        continue;
      }
      char x = a.charAt(i++), y = b.charAt(j++);
      if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)
          && Character.toUpperCase(x) != Character.toUpperCase(y)) {
        return false;
      }
    }
    return skipSpace(a, i) == a.length() && skipSpace(b, j) == b.length();
  }

  private static int skipSpace(String text, int from) {
    while (from < text.length() && Character.isWhitespace(text.charAt(from))) from++;
    return from;
  }

  /** At least {@code atLeast} of sessions get an AI reply to the first customer message within {@code limit}. */
  public static Gate firstReplyWithin(Duration limit, double atLeast) {
    return Behaviour.firstReplyWithin(limit, atLeast);
  }

  public static Verdict firstReplyWithin(Sample sample, Duration limit, double atLeast, String gate) {
    return sample.judge(firstReplyWithin(limit, atLeast), gate);
  }

  /** No session has more than {@code max} customer messages (the AI did not get to the point). */
  public static Gate maxCustomerMessages(int max) {
    return Behaviour.maxCustomerMessages(max);
  }

  public static Verdict maxCustomerMessages(Sample sample, int max, String gate) {
    return sample.judge(maxCustomerMessages(max), gate);
  }
}
