package io.konvoqa.gate;

import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gates on messages share: the checks before they judge (messages sent, a message from
 * the AI), and the verdict of a gate that allows no offender.
 */
final class MessageGates {
  private MessageGates() {}

  static Verdict needMessages(Sample sample, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
    return early != null ? early : Judging.noMessageFrom(Role.AI, sample, gate);
  }

  /**
   * As {@link #needMessages}, for a gate that reads what the AI said: when no message is known to
   * be the AI's but some came without text and origin, the reason counts those.
   */
  static Verdict needAiText(Sample sample, String gate) {
    Verdict early = Judging.missing(gate, sample, Judging::hasMessages, "messages");
    if (early == null && sample.size() == 0) early = Judging.tooFew(gate, sample, 0, "sessions");
    if (early != null) return early;
    early = Judging.noMessageFrom(Role.AI, sample, gate);
    if (early == null) return null;
    List<Session> affected = new ArrayList<>();
    long gaps = 0;
    for (Session s : sample.sessions()) {
      int textless = Conversation.of(s, sample.roles()).textless(Role.AI);
      if (textless > 0) affected.add(s);
      gaps += textless;
    }
    if (affected.isEmpty()) return early;
    return Verdict.notJudged(gate, Outcome.DATA_UNAVAILABLE, TextGaps.of(affected, gaps, "AI replies",
        "what the AI said cannot be read").reason() + ": cannot judge " + gate);
  }

  /**
   * A "never" gate: passes with no offenders, else breached listing them all. Under the minimum
   * sample it cannot pass, but an offender found is a breach all the same.
   *
   * @param has what an offending session has, e.g. "an AI reply that contains 'refund'"
   * @param passed the reason when nothing offends, e.g. "no AI reply in 2,000 sessions contains 'refund'"
   */
  static Verdict absence(String gate, Sample sample, long n, String population,
      List<Offender> offenders, String has, String passed) {
    if (n < sample.minimumSample() && offenders.isEmpty()) return Judging.tooFew(gate, sample, n, population);
    String figure = Judging.count(offenders.size()) + " of " + Judging.count(n) + " " + population + " "
        + (offenders.size() == 1 ? "has " : "have ") + has;
    List<Figure> figures = List.of(Figure.count(population + " that have " + has, offenders.size()),
        Figure.n("n (" + population + ")", n),
        Figure.threshold("none", null),
        new Figure("sessions", sample.describe()));
    return new Verdict(gate, offenders.isEmpty() ? Outcome.PASSED : Outcome.BREACHED,
        offenders.isEmpty() ? passed : figure, figure, figures, offenders, List.of(), null);
  }
}
