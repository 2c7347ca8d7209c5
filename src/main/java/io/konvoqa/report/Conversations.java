package io.konvoqa.report;

import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.report.render.Transcript;
import io.konvoqa.report.render.TranscriptOptions;
import io.konvoqa.session.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The offending sessions of a run's failing gates, one row per session, collected gate by gate
 * for {@link ConversationsPage}. It keeps a few facts per offender and the masked transcripts of
 * the first offenders of each gate (KONVO_TRANSCRIPTS), never whole sessions.
 */
public final class Conversations {
  private final int transcripts;
  private final TranscriptOptions options;
  private final Map<String, Building> rows = new LinkedHashMap<>();
  private final List<String> gates = new ArrayList<>();

  /**
   * One gate a session breaks, named as the summary names it: scenario and claim, or the scenario
   * alone when the claim goes on in a table ("trigger phrases route to these sub_intent_types:").
   */
  public record Broken(String scenario, String gate, String reason) {
    String label() {
      if (scenario == null || scenario.isBlank()) return gate;
      return gate.endsWith(":") ? scenario : scenario + ": " + gate;
    }
  }

  /**
   * One offending session.
   *
   * @param transcriptHtml the masked transcript's markup (escaped throughout), or null
   * @param missing why the transcript is not shown, when it is not
   */
  public record Row(String sessionId, String channel, String subIntentType, Instant createdAt,
      List<Broken> broken, String transcriptHtml, String missing) {
    public Row {
      broken = List.copyOf(broken);
    }
  }

  private static final class Building {
    final String id;
    final List<Broken> broken = new ArrayList<>();
    String channel;
    String subIntentType;
    Instant createdAt;
    boolean seen;
    String transcript;

    Building(String id) {
      this.id = id;
    }
  }

  /**
   * @param transcripts how many offenders of each gate get a transcript (KONVO_TRANSCRIPTS)
   * @param options roles and dashboard link; null for the defaults
   */
  public Conversations(int transcripts, TranscriptOptions options) {
    if (transcripts < 0) throw new IllegalArgumentException("transcripts must be at least 0 but was " + transcripts);
    this.transcripts = transcripts;
    this.options = options == null ? TranscriptOptions.defaults() : options;
  }

  /**
   * Adds the offenders of a gate that did not pass. {@code verdict} must be masked already;
   * {@code sample} (null when it could not be made) gives each session's facts and transcript,
   * masked here with {@code privacy}.
   */
  public synchronized void add(String scenario, Verdict verdict, Sample sample, Privacy privacy) {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(privacy, "privacy");
    if (verdict.passed() || verdict.offenders().isEmpty()) return;
    Map<String, Session> byId = sessionsById(sample);
    int i = 0;
    for (Offender o : verdict.offenders()) {
      Building row = rows.computeIfAbsent(o.sessionId(), Building::new);
      Broken broken = new Broken(scenario, o.gate().isEmpty() ? verdict.gate() : o.gate(), o.reason());
      if (!gates.contains(broken.label())) gates.add(broken.label());
      if (!row.broken.contains(broken)) row.broken.add(broken);
      Session session = byId.get(o.sessionId());
      if (session != null && !row.seen) {
        row.seen = true;
        row.channel = session.channel();
        row.subIntentType = session.subIntentType();
        row.createdAt = session.createdAt();
      }
      if (session != null && i < transcripts && row.transcript == null) {
        row.transcript = ConversationsPage.transcriptBody(Transcript.html(privacy.mask(session), null, options));
      }
      i++;
    }
  }

  private static Map<String, Session> sessionsById(Sample sample) {
    Map<String, Session> byId = new HashMap<>();
    if (sample == null) return byId;
    for (Session s : sample.fetched()) byId.putIfAbsent(s.id(), s);
    for (Session s : sample.sessions()) byId.put(s.id(), s);
    return byId;
  }

  /** The rows, in the order their sessions first offended. */
  public synchronized List<Row> rows() {
    List<Row> out = new ArrayList<>(rows.size());
    for (Building b : rows.values()) {
      String missing = null;
      if (b.transcript == null) {
        missing = !b.seen ? "Transcript not included: the session was not in the gate's sample (it could not be fetched)."
            : transcripts == 0 ? "Transcript not included: KONVO_TRANSCRIPTS is 0."
            : "Transcript not included: only the first " + transcripts + " offending sessions of each gate get one"
                + " (KONVO_TRANSCRIPTS=" + transcripts + "); this one is further down every list it is on.";
      }
      out.add(new Row(b.id, b.channel, b.subIntentType, b.createdAt, b.broken, b.transcript, missing));
    }
    return out;
  }

  /** Every failing gate with offenders, in the order they were judged. */
  public synchronized List<String> gates() {
    return List.copyOf(gates);
  }

  /** The dashboard link template, or null. */
  String dashboardUrlTemplate() {
    return options.dashboardUrlTemplate();
  }

  int transcripts() {
    return transcripts;
  }
}
