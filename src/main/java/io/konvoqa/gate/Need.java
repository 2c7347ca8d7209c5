package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.function.Predicate;

/** Data a gate cannot judge without; the API sends each only when asked. */
enum Need {
  MESSAGES("messages", Judging::hasMessages),
  STATE("a state (sub_intent_type)", Judging::hasState),
  STATUS("a status (completed, unresolved)", Judging::hasStatus);

  /** As the could-not-judge reason names it: "came without messages". */
  final String what;
  private final Predicate<Session> has;

  Need(String what, Predicate<Session> has) {
    this.what = what;
    this.has = has;
  }

  boolean in(Session s) {
    return has.test(s);
  }
}
