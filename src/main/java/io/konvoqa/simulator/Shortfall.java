package io.konvoqa.simulator;

/**
 * What a recording of a window could not keep as it was: sessions the API counted but never
 * served, sessions without a timestamp, sessions served in two conflicting copies, and sessions
 * that may have been skipped while the window moved. A replay reports the same, so a snapshot of
 * an incomplete window never replays as a whole one.
 *
 * @param unserved sessions the {@code count} claimed beyond the distinct sessions served
 * @param undated sessions set aside because nothing placed them in the window
 * @param conflicts ids served twice with the same {@code last_updated} but different content
 * @param mayBeMissing sessions that may have been skipped while the window was paged
 */
public record Shortfall(int unserved, int undated, int conflicts, int mayBeMissing) {
  public static final Shortfall NONE = new Shortfall(0, 0, 0, 0);

  public Shortfall {
    if (unserved < 0 || undated < 0 || conflicts < 0 || mayBeMissing < 0) {
      throw new IllegalArgumentException("a shortfall counts sessions, never fewer than 0, but was unserved "
          + unserved + ", undated " + undated + ", conflicts " + conflicts + ", may be missing " + mayBeMissing);
    }
  }

  /** Sessions the recording cannot show as they are. */
  public int total() {
    return unserved + undated + conflicts + mayBeMissing;
  }

  @Override public String toString() {
    return "unserved " + unserved + ", undated " + undated + ", conflicts " + conflicts
        + ", may be missing " + mayBeMissing;
  }
}
