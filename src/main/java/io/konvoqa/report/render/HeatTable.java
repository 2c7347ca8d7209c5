package io.konvoqa.report.render;

import static io.konvoqa.report.render.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The HTML behind {@link Charts#heatTable}. Styles are inline so the table looks the same inside
 * any page, or pasted alone into an attachment.
 */
final class HeatTable {
  private HeatTable() {}

  static final String CELL = "padding:4px 8px;border:1px solid #ddd;text-align:right";
  static final String HEAD = "padding:4px 8px;border:1px solid #ddd;background:#f4f4f4";
  static final String EXPECTED = ";box-shadow:inset 0 0 0 3px #2e7d32";

  static String html(String title, List<String> rows, List<String> columns, long[][] counts,
      Map<String, String> expectedPerRow) {
    check(rows, columns, counts);
    StringBuilder out = new StringBuilder("<table style=\"border-collapse:collapse;"
        + "font:13px system-ui,sans-serif\">\n<caption style=\"text-align:left;font-weight:bold;"
        + "padding:4px 0\">").append(escape(title)).append("</caption>\n<thead><tr><th style=\"")
        .append(HEAD).append("\"></th>");
    for (String column : columns) {
      out.append("<th style=\"").append(HEAD).append("\">").append(escape(column)).append("</th>");
    }
    out.append("<th style=\"").append(HEAD).append("\">total</th></tr></thead>\n<tbody>\n");
    for (int r = 0; r < rows.size(); r++) {
      appendRow(out, rows.get(r), columns, counts[r], expectedPerRow.get(rows.get(r)));
    }
    return out.append("</tbody>\n</table>").toString();
  }

  private static void appendRow(StringBuilder out, String row, List<String> columns,
      long[] counts, String expected) {
    long total = 0;
    for (long count : counts) total += count;
    out.append("<tr><th style=\"").append(HEAD).append(";text-align:left\">").append(escape(row));
    if (expected != null) {
      out.append("<br><small style=\"font-weight:normal\">expected: ").append(escape(expected))
          .append(columns.contains(expected) ? "" : " (never seen)").append("</small>");
    }
    out.append("</th>");
    for (int c = 0; c < columns.size(); c++) {
      double share = total == 0 ? 0 : (double) counts[c] / total;
      out.append("<td style=\"").append(CELL).append(";background:rgba(78,121,167,")
          .append(String.format(Locale.ROOT, "%.2f", share)).append(')')
          .append(columns.get(c).equals(expected) ? EXPECTED : "")
          .append("\" title=\"").append(BarChart.percent(share)).append(" of the row\">")
          .append(counts[c]).append("</td>");
    }
    out.append("<td style=\"").append(CELL).append(";font-weight:bold\">").append(total)
        .append("</td></tr>\n");
  }

  private static void check(List<String> rows, List<String> columns, long[][] counts) {
    Objects.requireNonNull(rows, "rows must not be null");
    Objects.requireNonNull(columns, "columns must not be null");
    Objects.requireNonNull(counts, "counts must not be null");
    if (counts.length != rows.size()) {
      throw new IllegalArgumentException("counts must have one array per row: "
          + rows.size() + " rows but " + counts.length + " count arrays");
    }
    for (int r = 0; r < counts.length; r++) {
      if (counts[r] == null || counts[r].length != columns.size()) {
        throw new IllegalArgumentException("counts[" + r + "] (row '" + rows.get(r) + "') must have"
            + " one count per column: " + columns.size() + " columns but "
            + (counts[r] == null ? "null" : counts[r].length + " counts"));
      }
      for (int c = 0; c < counts[r].length; c++) {
        if (counts[r][c] < 0) {
          throw new IllegalArgumentException("counts[" + r + "][" + c + "] (row '" + rows.get(r)
              + "', column '" + columns.get(c) + "') must be at least 0 but was " + counts[r][c]);
        }
      }
    }
  }
}
