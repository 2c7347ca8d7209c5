package io.konvoqa.session;

import java.time.Instant;
import java.util.Objects;

/** A time window of sessions by update time, both ends inclusive. */
public record Window(Instant from, Instant to) {
  public Window {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the window ends (" + to + ") before it starts (" + from + "): swap the two dates");
    }
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && !instant.isAfter(to);
  }

  @Override public String toString() {
    return Timestamps.format(from) + " .. " + Timestamps.format(to);
  }
}
