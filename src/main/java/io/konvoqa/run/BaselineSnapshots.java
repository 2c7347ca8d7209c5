package io.konvoqa.run;

import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Baseline snapshots read so far, so that scenarios sharing one read it once. Keyed by the file's
 * path, size and modification time: a file blessed anew is read anew. One per run.
 */
public final class BaselineSnapshots {
  BaselineSnapshots() {}

  private static final int KEPT = 2;

  public record Snapshot(Dataset dataset, String label) {}

  private record Key(Path file, long size, FileTime modified) {}

  private final Map<Key, Snapshot> read = new LinkedHashMap<>(4, 0.75f, true) {
    @Override protected boolean removeEldestEntry(Map.Entry<Key, Snapshot> eldest) {
      return size() > KEPT;
    }
  };

  public synchronized Snapshot read(Path file) {
    Key key;
    try {
      key = new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the baseline snapshot " + file + ": " + e.getMessage(), e);
    }
    Snapshot snapshot = read.get(key);
    if (snapshot == null) {
      Dataset dataset = DatasetFile.read(file);
      snapshot = new Snapshot(dataset, "snapshot " + file + " (recorded at " + dataset.recordedAt()
          + (dataset.window() == null ? "" : ", window " + dataset.window())
          + (dataset.source() == null ? "" : ", from " + dataset.source()) + ")");
      read.put(key, snapshot);
    }
    return snapshot;
  }
}
