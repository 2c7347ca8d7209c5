package io.konvoqa.report;

import io.konvoqa.config.Settings;
import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Sample;
import io.konvoqa.gate.Verdict;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.report.render.Transcript;
import io.konvoqa.report.render.TranscriptOptions;
import io.konvoqa.session.Session;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a verdict into Allure attachments on the current step: the verdict table; the routing
 * table or the per-segment chart; every offending session as CSV (never capped); and the first
 * offenders (KONVO_TRANSCRIPTS, default 10) as transcripts, all in one HTML attachment
 * ("10 conversations") and all in one plain-text attachment. A judged gate adds its judge panel (HTML and text): at most eight attachments.
 *
 * <p>The verdict must already be masked ({@link Privacy#mask(Verdict, Sample)}); the sessions
 * of the transcripts are masked here, with the same {@link Privacy}.
 */
public final class VerdictReport {
  static final int DEFAULT_TRANSCRIPTS = 10;

  private VerdictReport() {}

  /** Attaches to the current Allure step; does nothing outside an Allure-reported run. */
  public static void attach(Verdict verdict, Sample sample, Settings settings, Privacy privacy, TrendSeries trend) {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    if (lifecycle.getCurrentTestCase().isEmpty()) return;
    Attachments attachments = (name, type, ext, body) ->
        lifecycle.addAttachment(name, type, ext, body.getBytes(StandardCharsets.UTF_8));
    attach(verdict, sample, settings, privacy, trend, attachments);
  }

  /** Where attachments go: Allure in a run, a list in tests. */
  interface Attachments {
    void add(String name, String type, String extension, String body);
  }

  static void attach(Verdict v, Sample sample, Settings settings, Privacy privacy, Attachments out) {
    attach(v, sample, settings, privacy, null, out);
  }

  static void attach(Verdict v, Sample sample, Settings settings, Privacy privacy, TrendSeries trend, Attachments out) {
    int transcripts = settings == null ? DEFAULT_TRANSCRIPTS : settings.transcripts();
    TranscriptOptions options;
    String linkProblem = null;
    try {
      options = new TranscriptOptions(settings == null ? null : settings.roles(),
          settings == null ? null : settings.dashboardUrl());
    } catch (IllegalArgumentException e) {
      linkProblem = "KONVO_DASHBOARD_URL: " + e.getMessage();
      options = new TranscriptOptions(settings.roles(), null);
    }
    DashboardLink link = options.dashboardUrlTemplate() == null ? null
        : new DashboardLink(options.dashboardUrlTemplate());
    // Plain text first: Allure shows it inline even where konvo-qa's report plugin is missing.
    out.add("Verdict: " + v.outcome().label(), "text/plain", "txt", VerdictTable.text(v));
    out.add("Verdict table", "text/html", "html", VerdictTable.html(v, privacy.masking(),
        new VerdictTable.Offenders(transcripts, link, linkProblem), trend));
    if (v.confusion() != null) out.add("Routing table", "text/html", "html", GateCharts.confusion(v.confusion()));
    for (io.konvoqa.gate.Evidence e : v.evidence()) {
      if (e instanceof io.konvoqa.gate.Judgment j) {
        out.add("Judge panel", "text/html", "html", io.konvoqa.report.render.JudgePanel.html("Judge: " + v.gate(), j));
        out.add("Judge panel (text)", "text/plain", "txt", io.konvoqa.report.render.JudgePanel.text(j));
      }
    }
    if (!v.segments().isEmpty()) {
      String title = "Per segment: " + v.gate();
      out.add("Chart: per segment", "text/html", "html", GateCharts.segments(title, v.segments(), GateCharts.threshold(v)));
    }
    if (v.offenders().isEmpty()) return;
    out.add(String.format(Locale.ROOT, "Offending sessions (%,d, CSV)", v.offenders().size()), "text/csv", "csv",
        OffenderCsv.csv(v.offenders(), link));
    attachTranscripts(v.offenders(), sample, transcripts, options, privacy, out);
  }

  private static void attachTranscripts(List<Offender> offenders, Sample sample, int max,
      TranscriptOptions options, Privacy privacy, Attachments out) {
    if (sample == null || max == 0) return;
    Map<String, Session> byId = new HashMap<>();
    for (Session s : sample.fetched()) byId.putIfAbsent(s.id(), s);
    for (Session s : sample.sessions()) byId.put(s.id(), s);
    List<Transcript.Shown> shown = new ArrayList<>();
    for (Offender o : offenders.subList(0, Math.min(max, offenders.size()))) {
      Session session = byId.get(o.sessionId());
      if (session != null) shown.add(new Transcript.Shown(privacy.mask(session), o.reason()));
    }
    if (shown.isEmpty()) return;
    String name = conversations(shown.size());
    out.add(name, "text/html", "html", Transcript.html(name, shown, options));
    out.add(name + " (text)", "text/plain", "txt", Transcript.text(shown, options));
  }

  static String conversations(int n) {
    return String.format(Locale.ROOT, "%,d conversation%s", n, n == 1 ? "" : "s");
  }
}
