package io.konvoqa.snapshot;

import io.konvoqa.gate.Distribution;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.TwoProportion;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What changed from one baseline to the next, as lines for the console. */
final class Changes {
  private Changes() {}

  static final int TOP_MOVERS = 5;

  static List<String> between(Dataset previous, Dataset next) {
    List<String> lines = new ArrayList<>();
    int n1 = previous.sessions().size(), n2 = next.sessions().size();
    lines.add(row("sessions", String.format(Locale.ROOT, "%,d -> %,d (%+,d)", n1, n2, n2 - n1)));
    lines.add(row("window", previous.window() + " -> " + next.window()));
    lines.add(row("recorded at", previous.recordedAt() + " -> " + next.recordedAt()));
    if (!Objects.equals(previous.source(), next.source())) {
      lines.add(row("source", previous.source() + " -> " + next.source()));
    }
    lines.add(row("unresolved rate", unresolved(previous, next)));
    lines.add(row("sub_intent_type", drift(previous, next)));
    return lines;
  }

  private static String unresolved(Dataset previous, Dataset next) {
    long[] before = unresolved(previous.sessions()), after = unresolved(next.sessions());
    if (before[1] == 0 || after[1] == 0) {
      return rate(before) + " -> " + rate(after) + " (not compared: no completed sessions on one side)";
    }
    TwoProportion.Difference d = TwoProportion.difference95(after[0], after[1], before[0], before[1]);
    return rate(before) + " -> " + rate(after) + ", " + d.describe();
  }

  /** {unresolved, completed} */
  private static long[] unresolved(List<Session> sessions) {
    long completed = sessions.stream().filter(Session::isCompleted).count();
    long unresolved = sessions.stream().filter(s -> s.isCompleted() && Boolean.TRUE.equals(s.unresolved())).count();
    return new long[] {unresolved, completed};
  }

  private static String rate(long[] counts) {
    if (counts[1] == 0) return "n/a";
    return String.format(Locale.ROOT, "%s of %,d completed", Percent.format((double) counts[0] / counts[1]), counts[1]);
  }

  private static String drift(Dataset previous, Dataset next) {
    if (previous.sessions().isEmpty() || next.sessions().isEmpty()) return "not compared: no sessions on one side";
    Distribution before = Distribution.of(previous.sessions(), Session::subIntentType);
    Distribution after = Distribution.of(next.sessions(), Session::subIntentType);
    List<String> movers = new ArrayList<>();
    for (Distribution.Move m : after.movesFrom(before)) {
      if (movers.size() == TOP_MOVERS || Math.abs(m.change()) < 1e-12) break;
      movers.add(m.value() + " " + TwoProportion.points(m.change())
          + (m.isNew() ? " (new)" : m.vanished() ? " (vanished)" : ""));
    }
    return "drift " + Percent.format(after.totalVariation(before)) + " (total variation distance);"
        + " moved most: " + (movers.isEmpty() ? "none" : String.join(", ", movers));
  }

  private static String row(String name, String value) {
    return String.format(Locale.ROOT, "  %-16s %s", name, value);
  }
}
