package io.konvoqa.report;

import io.konvoqa.gate.Offender;
import java.util.List;

/**
 * Every offending session of a gate as CSV: session_id, reason and, with a dashboard template,
 * the session's dashboard URL. Never capped: it is the complete list a reviewer works through.
 */
final class OffenderCsv {
  private OffenderCsv() {}

  static String csv(List<Offender> offenders, DashboardLink link) {
    StringBuilder csv = new StringBuilder("session_id,reason").append(link == null ? "" : ",dashboard_url").append('\n');
    for (Offender o : offenders) {
      csv.append(cell(o.sessionId())).append(',').append(cell(o.reason()));
      if (link != null) csv.append(',').append(cell(link.url(o.sessionId())));
      csv.append('\n');
    }
    return csv.toString();
  }

  // A cell a spreadsheet would read as a formula (=, +, -, @) is prefixed with ' so it stays text:
  // reasons quote what customers and the AI wrote.
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
