package io.konvoqa.report.render;

import io.konvoqa.gate.GraderFacts;
import io.konvoqa.gate.Judgment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The judge panel of a judged gate: which judge graded (model, endpoint host, prompt version;
 * never a key), how the sessions to grade were drawn, what the grades and their cost were, and how
 * the judge agrees with the rubric's human labels. The judgment must already be masked.
 */
public final class JudgePanel {
  private JudgePanel() {}

  /** The panel's rows, name and value, in the order shown. */
  static List<Map.Entry<String, String>> rows(Judgment j) {
    GraderFacts g = j.grader();
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    rows.add(Map.entry("judge", g.model() + (g.demo() ? " (the demo judge: a simulator of a judge, not a language model)" : "")));
    rows.add(Map.entry("endpoint host", g.endpointHost()));
    rows.add(Map.entry("prompt version", g.promptVersion()));
    rows.add(Map.entry("personal data", g.sendsPersonalData()
        ? "SENT UNMASKED to the judge (KONVO_JUDGE_SEND_PERSONAL_DATA=true)" : "masked before it is sent"));
    rows.add(Map.entry("rubric", j.rubric()));
    rows.add(Map.entry("sessions to grade", j.drawn()));
    rows.add(Map.entry("grades", j.grades()));
    rows.add(Map.entry("this gate's cost", String.format(Locale.ROOT, "%,d grades from the cache, %,d tokens",
        j.cached(), j.tokens())));
    rows.add(Map.entry("the run so far", String.format(Locale.ROOT, "%,d judge calls, %,d cache hits, %,d tokens, %,d judge error%s",
        g.calls(), g.cacheHits(), g.tokens(), g.errors(), g.errors() == 1 ? "" : "s")));
    rows.add(Map.entry("judge against the labels", j.calibration() == null
        ? "no labelled examples: the judge's own error rate is not measured" : j.calibration().describe()));
    if (j.corrected() != null) rows.add(Map.entry("corrected for judge error", j.corrected()));
    return rows;
  }

  public static String text(Judgment j) {
    StringBuilder out = new StringBuilder("Judge panel\n");
    for (Map.Entry<String, String> row : rows(j)) out.append(row.getKey()).append(": ").append(row.getValue()).append('\n');
    return out.toString();
  }

  public static String html(String title, Judgment j) {
    StringBuilder out = new StringBuilder(Html.head(title, "body{font-family:sans-serif;font-size:14px}"
        + "table{border-collapse:collapse}th,td{text-align:left;padding:4px 10px;border-bottom:1px solid #ddd;vertical-align:top}"));
    out.append("<body>\n<h3>").append(Html.escape(title)).append("</h3>\n<table>\n");
    for (Map.Entry<String, String> row : rows(j)) {
      out.append("<tr><th>").append(Html.escape(row.getKey())).append("</th><td>").append(Html.escape(row.getValue()))
          .append("</td></tr>\n");
    }
    return out.append("</table>\n</body>\n</html>\n").toString();
  }
}
