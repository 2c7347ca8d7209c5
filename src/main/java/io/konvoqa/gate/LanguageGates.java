package io.konvoqa.gate;

import io.konvoqa.language.Language;
import io.konvoqa.language.LanguageDetector;
import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AI replies in the customer's language. A session's customer language is detected from all
 * the customer's messages of the session together, its AI language from all the AI's replies
 * together: more text tells a language more surely than any one message, and a closing "ok" does
 * not decide it. A session where either cannot be told (too little text) is of unknown language:
 * neither a breach nor a pass.
 */
public final class LanguageGates {
  private LanguageGates() {}

  /**
   * More than this share of sessions of unknown language and the gate cannot judge: the sessions
   * of known language (the customers who write more) are then no fair sample of the rest.
   */
  static final double MAX_UNKNOWN_SHARE = 0.5;

  /** At least {@code atLeast} of the sessions whose languages are known are answered in the customer's language. */
  public static Gate inCustomerLanguage(double atLeast) {
    return gate -> new MessageGates.Tally(gate) {
      final LanguageDetector detector = LanguageDetector.create();
      final List<Offender> other = new ArrayList<>();
      final Findings textless = new Findings();
      final SessionCount unattributed = new SessionCount();
      final SessionCount unknownCustomer = new SessionCount();
      final SessionCount unknownAi = new SessionCount();
      final Map<String, Integer> customerLanguages = new TreeMap<>();
      long same, unknown;

      @Override void take(SessionView s) {
        Conversation c = s.conversation();
        long gaps = 0, strangers = 0;
        StringBuilder customer = new StringBuilder(), ai = new StringBuilder();
        for (Message m : c.messages()) {
          Role role = c.role(m);
          if (m.message() == null) {
            if (role == Role.AI || role == Role.CUSTOMER || Conversation.unknown(m)) gaps++;
          } else if (c.unattributed(m)) {
            strangers++;
          } else if (role == Role.CUSTOMER) {
            customer.append(m.message()).append('\n');
          } else if (role == Role.AI) {
            ai.append(m.message()).append('\n');
          }
        }
        if (gaps > 0 || strangers > 0) {
          textless.unclear(s, gaps);
          if (strangers > 0) unattributed.add(s, strangers);
          return;
        }
        if (customer.isEmpty() || ai.isEmpty()) return; // nobody to answer, or no answer: other gates
        Language wrote = detector.detect(customer), replied = detector.detect(ai);
        if (!wrote.known() || !replied.known()) {
          unknown++;
          if (!wrote.known()) unknownCustomer.add(s, 0);
          if (!replied.known()) unknownAi.add(s, 0);
          return;
        }
        customerLanguages.merge(wrote.name(), 1, Integer::sum);
        if (wrote.code().equals(replied.code())) same++;
        else other.add(new Offender(s.id(), "customer wrote " + wrote + ", AI replied " + replied));
      }

      @Override public Verdict finish(Scope scope) {
        Verdict early = needAiText(scope);
        if (early != null) return early;
        long known = same + other.size(), both = known + unknown;
        if (unknown > 0 && unknown > MAX_UNKNOWN_SHARE * both) {
          return Verdict.notJudged(gate, Outcome.INSUFFICIENT_DATA, unknownLanguages(both)
              + ", more than half: the sessions of known language are no fair sample of the rest: cannot judge "
              + gate + "; the customers write too little to tell their language");
        }
        Completeness unread = textless.unknown("customer messages or AI replies", "their language is unknown");
        if (!unattributed.none()) {
          unread = unread.plus(new Completeness(unattributed.sessions, TextGaps.plural(unattributed.sessions, "session")
              + " (e.g. " + unattributed.first + ") " + (unattributed.sessions == 1 ? "holds " : "hold ")
              + TextGaps.plural(unattributed.messages, "message") + " whose writer is unknown (no initiator_origin,"
              + " or one KONVO_ROLES does not map): whose language they add to is unknown"));
        }
        Verdict v = Rates.verdict(gate, RateClaim.atLeast(atLeast), new Rates.Rate("share answered in the customer's language",
            "sessions whose languages are known", "answered in the customer's language", same, known,
            "%s of %s sessions whose languages are known were answered in the customer's language"),
            scope.completeness().plus(unread), other, scope);
        return v.withFigures(List.of(
            new Figure("language unknown", unknown == 0 ? "none of " + Judging.count(both) + " sessions"
                : unknownLanguages(both)),
            new Figure("customers' languages", languages())));
      }

      /** "the language of 312 of 2,000 sessions with customer and AI text (15.6%) is unknown, too little text ...". */
      private String unknownLanguages(long both) {
        List<String> whose = new ArrayList<>();
        if (!unknownCustomer.none()) whose.add(side("the customer's", unknownCustomer));
        if (!unknownAi.none()) whose.add(side("the AI's", unknownAi));
        return String.format(Locale.ROOT, "the language of %,d of %,d sessions with customer and AI text (%s)"
            + " is unknown, too little text to tell: %s", unknown, both, Percent.format((double) unknown / both),
            String.join(", ", whose));
      }

      private static String side(String whose, SessionCount count) {
        return whose + " in " + Judging.count(count.sessions) + " (e.g. " + count.first + ")";
      }

      private String languages() {
        if (customerLanguages.isEmpty()) return "none known";
        List<String> shown = new ArrayList<>();
        customerLanguages.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .forEach(e -> shown.add(e.getKey() + " " + Judging.count(e.getValue())));
        return String.join(", ", shown);
      }
    };
  }

  public static Verdict inCustomerLanguage(Sample sample, double atLeast, String gate) {
    return sample.judge(inCustomerLanguage(atLeast), gate);
  }
}
