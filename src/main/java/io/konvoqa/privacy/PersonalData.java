package io.konvoqa.privacy;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Masks personal data before a session reaches a report: phone numbers and e-mail addresses in
 * free text, and {@code external_user_id}s (on WhatsApp a phone number).
 *
 * <p>Customers become stable tokens rather than blanks so that a reader still sees when the same
 * customer comes back. The salt ({@link Salt}) is secret, so tokens cannot be reversed by hashing
 * guessed phone numbers; tokens are comparable only among maskings with the same salt. Immutable
 * and thread-safe.
 */
public final class PersonalData {
  private static final int TOKEN_HEX_DIGITS = 10;

  private final byte[] salt;

  private PersonalData(byte[] salt) {
    this.salt = salt;
  }

  /** Masks with a fresh random salt: for texts alone, or one snapshot's tokens. */
  public static PersonalData masking() {
    return masking(Salt.random());
  }

  /** Masks with {@code salt}: tokens the same wherever the salt is. */
  public static PersonalData masking(Salt salt) {
    return new PersonalData(salt.bytes());
  }

  /** Masks with a given salt, so that tests can predict tokens. */
  static PersonalData masking(byte[] salt) {
    if (salt == null || salt.length == 0) {
      throw new IllegalArgumentException("salt must be at least one byte but was "
          + (salt == null ? "null" : "empty"));
    }
    return new PersonalData(salt.clone());
  }

  /** Leaves everything as it is: for local runs against data that is not personal. */
  public static PersonalData off() {
    return new PersonalData(null);
  }

  public boolean isMasking() {
    return salt != null;
  }

  /** Replaces e-mail addresses and phone-like numbers in {@code text}; null stays null. */
  public String maskText(String text) {
    if (!isMasking() || text == null) return text;
    return TextMasks.phones(TextMasks.emails(text));
  }

  /** A stable token such as {@code customer-7f3a9c01b2} for an {@code external_user_id}. */
  public String token(String externalUserId) {
    if (!isMasking() || externalUserId == null) return externalUserId;
    MessageDigest sha256 = sha256();
    sha256.update(salt);
    byte[] hash = sha256.digest(externalUserId.getBytes(StandardCharsets.UTF_8));
    return "customer-" + HexFormat.of().formatHex(hash).substring(0, TOKEN_HEX_DIGITS);
  }

  /**
   * A copy with the {@code external_user_id} tokenised and every message text masked. Trail items
   * are masked as text too: they are undocumented and may well echo what the customer wrote.
   */
  public Session mask(Session session) {
    if (!isMasking() || session == null) return session;
    Session masked = session.withExternalUserId(token(session.externalUserId()));
    if (session.hasMessages()) masked = masked.withMessages(maskMessages(session.messages()));
    SessionState state = session.state();
    if (state == null || state.trail() == null) return masked;
    SessionState maskedState = new SessionState(state.sessionId(), state.type(),
        state.subIntentType(), state.trail().stream().map(this::maskText).toList());
    return new Session(masked.id(), masked.workspaceId(), masked.feedId(), masked.contactId(),
        masked.externalUserId(), masked.channel(), masked.createdAt(), masked.status(),
        maskedState, masked.messages());
  }

  private List<Message> maskMessages(List<Message> messages) {
    return messages.stream()
        .map(m -> new Message(m.messageId(), m.sessionId(), m.initiatorOrigin(),
            maskText(m.message()), m.createdAt()))
        .toList();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }
}
