package io.konvoqa.snapshot;

import io.konvoqa.config.CommandLine;
import io.konvoqa.gate.Durations;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What {@code record} was asked for: the window, the file, whether to keep personal data and
 * whether to record the demo workspace instead of the live API.
 *
 * @param recordedAt "now" of the recording, which a replay takes as its own "now"
 */
record RecordRequest(Window window, Instant recordedAt, Path out, boolean keepPersonalData, boolean demo) {

  static RecordRequest parse(List<String> args, Instant now) {
    CommandLine options = new CommandLine(args);
    String last = options.value("--last");
    String from = options.value("--from");
    String to = options.value("--to");
    String out = options.value("--out");
    boolean keep = options.flag("--keep-personal-data");
    boolean demo = options.flag("--demo");
    options.done();
    if (out == null) throw new CommandLine.UsageException("--out FILE is missing: e.g. --out snapshots/2026-w48.json.gz");
    if (!out.endsWith(".json") && !out.endsWith(".json.gz")) {
      throw new CommandLine.UsageException("--out must end in .json or .json.gz but was '" + out + "'");
    }
    return new RecordRequest(window(last, from, to, now), now, Path.of(out), keep, demo);
  }

  private static Window window(String last, String from, String to, Instant now) {
    if (last != null && (from != null || to != null)) {
      throw new CommandLine.UsageException("give either --last or --from/--to, not both");
    }
    if (last != null) {
      try {
        return new Window(now.minus(Durations.parse(last)), now);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.UsageException("--last: " + e.getMessage() + " (or 7d, 24h)");
      }
    }
    if (from == null) {
      throw new CommandLine.UsageException("no window: give --last 7d, or --from 2026-11-20 [--to 2026-11-26]");
    }
    Instant start = instant("--from", from, false);
    Instant end = to == null ? now : instant("--to", to, true);
    if (end.isBefore(start)) {
      throw new CommandLine.UsageException("--to (" + end + ") is before --from (" + start + "): swap them");
    }
    return new Window(start, end);
  }

  /** An ISO date (the whole day: its start, or its end for --to) or an ISO instant. */
  private static Instant instant(String option, String text, boolean endOfDay) {
    try {
      return Timestamps.parseDateOrInstant(text, endOfDay);
    } catch (DateTimeParseException e) {
      throw new CommandLine.UsageException(option + " must be an ISO date or instant, like 2026-11-20 or"
          + " 2026-11-20T08:00:00Z, but was '" + text + "'");
    }
  }
}
