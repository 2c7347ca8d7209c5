package io.konvoqa.report;

import io.konvoqa.gate.Figure;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.session.SessionStatus;
import java.time.Instant;
import java.util.List;

/** Hostile strings, personal data, and sessions and verdicts that carry them: for the report and privacy tests. */
public final class Fixtures {
  private Fixtures() {}

  public static final String SCRIPT = "<script>alert(1)</script>";
  public static final String IMG = "<img src=x onerror=alert(1)>";
  public static final String SVG = "\"><svg onload=alert(1)>";
  public static final List<String> HOSTILE = List.of(SCRIPT, IMG, SVG);
  public static final String PHONE = "+49 151 4242 4351";
  public static final String EMAIL = "anna.schmidt@example.de";
  public static final String WHATSAPP_ID = "4915142424351";
  public static final String WEB_ID = "web-user-8c1f2a";
  public static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  public static Session session(String id, String externalUserId, String customer, String ai) {
    return new Session(id, "ws", "feed", "c", externalUserId, "whatsapp", T0,
        new SessionStatus(id, true, true, T0, T0, T0),
        new SessionState(id, "order", "WISMO", List.of("{\"user\":\"" + externalUserId + "\",\"phone\":\"" + PHONE + "\"}")),
        List.of(new Message("m1", id, "RECIPIENT", customer, T0),
            new Message("m2", id, "AI", ai, T0.plusSeconds(3))));
  }

  public static Sample sample(Session... sessions) {
    return new Sample(List.of(sessions), List.of(new Sample.Step("fetched", sessions.length)), 1,
        Role.parseMapping(null), T0, List.of(sessions));
  }

  public static Verdict breached(List<Offender> offenders) {
    return Verdict.of("no AI reply contains 'refund'", Outcome.BREACHED,
        offenders.size() + " sessions with an AI reply contains 'refund' of 12").figure("4 of 12")
        .figures(List.of(new Figure("sessions with an AI reply contains 'refund'", "4"),
            Figure.n("n (sessions)", 12), Figure.threshold("none", null),
            new Figure("sessions", "12 fetched")))
        .offenders(offenders).build();
  }
}
