package io.konvoqa.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a live run keeps its sessions between runs (issue 12): where the store is (null: no store),
 * whether to fetch every window whole this time, how far back before the last sync each run asks
 * again, and how old the last full sync of a window may grow before it is fetched whole again.
 */
public record StoreSettings(Path file, boolean full, Duration overlap, Duration fullSyncAge) {
  /** No store: every window fetched whole, as before there was one. */
  public static final StoreSettings NONE = new StoreSettings(null, false, Duration.ofMinutes(10), Duration.ofHours(24));

  public StoreSettings {
    Objects.requireNonNull(overlap, "overlap");
    Objects.requireNonNull(fullSyncAge, "fullSyncAge");
    if (overlap.isNegative()) throw new IllegalArgumentException("the store's overlap must not be negative but was " + overlap);
    if (fullSyncAge.isNegative() || fullSyncAge.isZero()) {
      throw new IllegalArgumentException("the age of a full sync must be positive but was " + fullSyncAge);
    }
  }

  public boolean enabled() {
    return file != null;
  }

  /** The same, fetching every window whole ({@code --full}). */
  public StoreSettings withFull() {
    return new StoreSettings(file, true, overlap, fullSyncAge);
  }
}
