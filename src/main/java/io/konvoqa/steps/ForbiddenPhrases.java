package io.konvoqa.steps;

import io.cucumber.datatable.DataTable;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.TriggerPhrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The table of {@code no AI reply contains any of these phrases:}: one phrase per row, in one
 * column, {@code /regex/} rows being regular expressions. A first row that is exactly a known
 * header is the header, not a phrase.
 */
final class ForbiddenPhrases {
  private ForbiddenPhrases() {}

  static final Set<String> HEADERS = Set.of("forbidden phrase", "forbidden phrases", "phrase", "phrases");

  static List<TriggerPhrase> parse(DataTable table) {
    List<List<String>> rows = table.cells();
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      long filled = row.stream().filter(c -> c != null && !c.isBlank()).count();
      if (row.size() > 1) {
        throw new ConfigurationException("the list of forbidden phrases has one phrase per row, in one"
            + " column, but row " + (i + 1) + " has " + row.size() + " cells: " + row + "; to list"
            + " alternatives in one row, write a regular expression such as /amazon|zalando/ and"
            + " escape its | as \\|");
      }
      if (filled == 0) continue;
      String phrase = row.get(0).trim();
      if (phrases.isEmpty() && i == 0 && HEADERS.contains(phrase.toLowerCase(Locale.ROOT))) continue;
      phrases.add(phrase);
    }
    if (phrases.isEmpty()) {
      throw new ConfigurationException("the list of forbidden phrases is empty: add one phrase per row,"
          + " e.g. | Amazon |");
    }
    return phrases.stream().map(TriggerPhrase::parse).toList();
  }
}
