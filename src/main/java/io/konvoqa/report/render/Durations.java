package io.konvoqa.report.render;

import java.time.Duration;

/** Short reply delays for transcripts: "+850 ms", "+12 s", "+3 min 5 s", "+2 h 10 min". */
final class Durations {
  private Durations() {}

  static String delay(Duration delay) {
    // Negative when the API's timestamps are out of order; shown, since that is worth seeing.
    String sign = delay.isNegative() ? "-" : "+";
    Duration d = delay.abs();
    if (d.toSeconds() == 0) return sign + d.toMillis() + " ms";
    if (d.toMinutes() == 0) return sign + d.toSeconds() + " s";
    if (d.toHours() == 0) return sign + joined(d.toMinutes(), "min", d.toSecondsPart(), "s");
    if (d.toDays() == 0) return sign + joined(d.toHours(), "h", d.toMinutesPart(), "min");
    return sign + joined(d.toDays(), "d", d.toHoursPart(), "h");
  }

  private static String joined(long major, String majorUnit, long minor, String minorUnit) {
    String text = major + " " + majorUnit;
    return minor == 0 ? text : text + " " + minor + " " + minorUnit;
  }
}
