package io.konvoqa.privacy;

import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The personal-data masking of one gate run: one {@link PersonalData} per run, so that a
 * customer's token is the same in every verdict, CSV and transcript of the run, and, with the
 * workspace's {@link Salt}, in every run over that workspace.
 *
 * <p>Masking is on unless the run's settings turn it off ({@code KONVO_MASK_PERSONAL_DATA=false});
 * turning it off prints a warning once per run, and every verdict table says so. Made once per run
 * and handed to whatever writes; immutable.
 */
public final class Privacy {
  public static final String NOT_MASKED = "NOT MASKED (KONVO_MASK_PERSONAL_DATA=false): this report shows"
      + " phone numbers, e-mail addresses and external_user_ids as the customers wrote them";

  private final PersonalData personalData;

  private Privacy(PersonalData personalData) {
    this.personalData = personalData;
  }

  /**
   * The masking of a run: with {@code salt} when {@code mask}, else none, said on {@code console}
   * (then {@code salt} may be null).
   */
  public static Privacy of(boolean mask, Salt salt, PrintStream console) {
    if (mask) return new Privacy(PersonalData.masking(Objects.requireNonNull(salt, "salt")));
    console.println("konvo-qa: WARNING: personal data is " + NOT_MASKED);
    return new Privacy(PersonalData.off());
  }

  /** Masking with {@code salt}: what a run over a workspace with personal data uses. */
  public static Privacy masking(Salt salt) {
    return new Privacy(PersonalData.masking(Objects.requireNonNull(salt, "salt")));
  }

  public boolean masking() {
    return personalData.isMasking();
  }

  /** The verdict with personal data masked in every text; {@code sample} may be null. */
  public Verdict mask(Verdict verdict, Sample sample) {
    return VerdictMasking.of(personalData, sample).mask(verdict);
  }

  /**
   * A copy of the session for a transcript: external_user_id tokenised, also where its texts quote
   * it (a web shop's customer number in a message or a trail item), then phones and e-mails masked.
   */
  public Session mask(Session session) {
    if (!masking() || session == null) return session;
    String id = session.externalUserId();
    if (id == null || id.length() < VerdictMasking.MIN_ID_LENGTH) return personalData.mask(session);
    String token = personalData.token(id);
    UnaryOperator<String> swap = text -> text == null ? null : text.replace(id, token);
    Session swapped = session;
    if (session.hasMessages()) {
      swapped = swapped.withMessages(session.messages().stream().map(m -> new Message(m.messageId(),
          m.sessionId(), m.initiatorOrigin(), swap.apply(m.message()), m.createdAt())).toList());
    }
    SessionState state = session.state();
    if (state != null && state.trail() != null) {
      swapped = new Session(swapped.id(), swapped.workspaceId(), swapped.feedId(), swapped.contactId(),
          swapped.externalUserId(), swapped.channel(), swapped.createdAt(), swapped.status(),
          new SessionState(state.sessionId(), state.type(), state.subIntentType(),
              state.trail().stream().map(swap).toList()), swapped.messages());
    }
    return personalData.mask(swapped);
  }
}
