package io.konvoqa.gate;

import io.konvoqa.session.Role;
import java.util.List;

/**
 * What the gates on messages share: the checks before they judge (messages sent, a message from
 * the AI), made as the sessions go by, and the verdict of a gate that allows no offender.
 */
final class MessageGates {
  private MessageGates() {}

  /** A gate on messages: it needs them (and {@code more}), and a message from the AI. */
  abstract static class Tally extends io.konvoqa.gate.Tally {
    private final Origins ai = new Origins(Role.AI);
    /** Sessions with AI replies that came without text, counted while no AI message is seen. */
    private final SessionCount textless = new SessionCount();

    Tally(String gate, Need... more) {
      super(gate, needs(more));
    }

    private static Need[] needs(Need... more) {
      Need[] all = new Need[more.length + 1];
      all[0] = Need.MESSAGES;
      System.arraycopy(more, 0, all, 1, more.length);
      return all;
    }

    @Override void observe(SessionView s) {
      if (ai.seen()) return;
      Conversation c = s.conversation();
      ai.add(c);
      int gaps = c.textless(Role.AI);
      if (gaps > 0) textless.add(s, gaps);
    }

    /** Could-not-judge without messages, without sessions, or without a message from the AI. */
    final Verdict needMessages(Scope scope) {
      Verdict early = missing(Need.MESSAGES);
      if (early == null) early = none(scope);
      return early != null ? early : ai.noMessageFrom(gate, size);
    }

    /**
     * As {@link #needMessages}, for a gate that reads what the AI said: when no message is known to
     * be the AI's but some came without text and origin, the reason counts those.
     */
    final Verdict needAiText(Scope scope) {
      Verdict early = missing(Need.MESSAGES);
      if (early == null) early = none(scope);
      if (early != null) return early;
      early = ai.noMessageFrom(gate, size);
      if (early == null || textless.none()) return early;
      return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, textless.unknown("AI replies",
          "what the AI said cannot be read").reason() + ": cannot judge " + gate);
    }
  }

  /**
   * A "never" gate: passes with no offenders, else breached listing them all. Under the minimum
   * sample it cannot pass, but an offender found is a breach all the same.
   *
   * @param has what an offending session has, e.g. "an AI reply that contains 'refund'"
   * @param passed the reason when nothing offends, e.g. "no AI reply in 2,000 sessions contains 'refund'"
   */
  static Verdict absence(String gate, Scope sample, long n, String population,
      List<Offender> offenders, String has, String passed) {
    if (n < sample.minimumSample() && offenders.isEmpty()) return Judging.tooFew(gate, sample, n, population);
    String figure = Judging.count(offenders.size()) + " of " + Judging.count(n) + " " + population + " "
        + (offenders.size() == 1 ? "has " : "have ") + has;
    List<Figure> figures = List.of(Figure.count(population + " that have " + has, offenders.size()),
        Figure.n("n (" + population + ")", n),
        Figure.threshold("none", null),
        new Figure("sessions", sample.describe()));
    return Verdict.of(gate, offenders.isEmpty() ? Outcome.PASSED : Outcome.BREACHED,
        offenders.isEmpty() ? passed : figure).figure(figure).figures(figures).offenders(offenders).build();
  }
}
