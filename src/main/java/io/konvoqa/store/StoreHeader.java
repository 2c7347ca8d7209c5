package io.konvoqa.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads what a SQLite file's first 100 bytes promise and checks the file keeps it: the magic
 * text, a page size, and (when the header's page count is valid) at least that many pages. A file
 * cut short by a crash or a bad cache restore fails here before a query would meet the hole.
 */
final class StoreHeader {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private StoreHeader() {}

  /** Why the file is not a whole SQLite database, or null when its header and size agree. */
  static String problem(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) return null; // SQLite makes an empty file a new database
    if (size < 100) return "it is " + size + " bytes long, shorter than a SQLite header";
    byte[] header = new byte[100];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(header, 0, 100) < 100) return "its header could not be read";
    }
    if (!Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) return "it is not a SQLite database";
    int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
    if (pageSize == 1) pageSize = 65_536;
    if (pageSize < 512 || Integer.bitCount(pageSize) != 1) return "its page size " + pageSize + " is not valid";
    long pages = readInt(header, 28) & 0xffffffffL;
    boolean countValid = readInt(header, 24) == readInt(header, 92) && pages > 0;
    if (size % pageSize != 0) return "it is " + size + " bytes long, not a whole number of " + pageSize + "-byte pages";
    if (countValid && size < pages * pageSize) {
      return "it is " + size + " bytes long but its header says " + pages + " pages of " + pageSize + " bytes (truncated)";
    }
    return null;
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }
}
