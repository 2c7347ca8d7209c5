package io.konvoqa.gate;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A session that broke a gate, and why, e.g. "sub_intent_type CONCIERGE, expected RETURN_REQUEST".
 * It names its gate, so offenders of several gates can be joined by session.
 *
 * @param gate the claim of the gate it broke; a {@link Verdict} sets it to its own
 */
public record Offender(String gate, String sessionId, String reason) {
  public Offender {
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(sessionId, "sessionId");
  }

  /** An offender of the gate whose verdict it will be put in. */
  public Offender(String sessionId, String reason) {
    this("", sessionId, reason);
  }

  Offender of(String gate) {
    return gate.equals(this.gate) ? this : new Offender(gate, sessionId, reason);
  }

  public Offender mapText(UnaryOperator<String> text) {
    return new Offender(text.apply(gate), sessionId, text.apply(reason));
  }
}
