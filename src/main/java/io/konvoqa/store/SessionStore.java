package io.konvoqa.store;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.Window;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import okio.Buffer;

/**
 * The local session store: every session a live run fetched, kept on disk between runs in one
 * SQLite file, per workspace (API base URL plus a salted fingerprint of the key, never the key),
 * with each workspace's sync mark.
 *
 * <p>Crash-safe by construction: sessions go in one transaction per page of {@value #PAGE} sessions,
 * and a sync mark only in a transaction after all of its sessions are in, so a run killed at any
 * moment leaves sessions the next run may trust and a mark no later than what they hold. A file
 * that is not a whole database is renamed aside and a new store begun, with a message saying so.
 */
public final class SessionStore implements AutoCloseable {
  /** Sessions written per transaction: a page of the API. */
  static final int PAGE = 200;
  private static final int SCHEMA = 1;

  private final Path file;
  private final Connection db;
  private final byte[] salt;

  /** What a workspace's last complete syncs covered; times as stored. */
  public record Mark(Instant coveredFrom, Instant syncedTo, Instant lastFull) {}

  private SessionStore(Path file, Connection db, byte[] salt) {
    this.file = file;
    this.db = db;
    this.salt = salt;
  }

  /**
   * Opens (or begins) the store at {@code file}. A file that is not a whole SQLite database of
   * this schema is renamed aside ({@code FILE.corrupt-EPOCHSECONDS}) and a new store begun; the
   * console says which and why. Throws {@link StoreException} when even a new store cannot be made.
   */
  public static SessionStore open(Path file, PrintStream console) {
    Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      String problem = Files.exists(file) ? StoreHeader.problem(file) : null;
      if (problem == null) {
        try {
          return connect(file);
        } catch (SQLException e) {
          if (!corrupt(e)) throw new StoreException("could not open the session store " + file + ": " + e.getMessage(), e);
          problem = e.getMessage();
        }
      }
      Path aside = setAside(file);
      console.println("konvo-qa: warning: the session store " + file + " is damaged (" + problem + "): moved it to "
          + aside + " and began a new one; this run fetches every window whole");
      return connect(file);
    } catch (IOException e) {
      throw new StoreException("could not open the session store " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StoreException("could not begin a new session store at " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A store found damaged while in use: closes it, renames the file aside and begins a new one
   * at the same place, saying so on the console.
   */
  public static SessionStore rebuild(SessionStore damaged, String why, PrintStream console) {
    try {
      damaged.db.close();
    } catch (SQLException ignored) {
      // it is being set aside anyway
    }
    try {
      Path aside = setAside(damaged.file);
      console.println("konvo-qa: warning: the session store " + damaged.file + " is damaged (" + why + "): moved it to "
          + aside + " and began a new one");
      return connect(damaged.file);
    } catch (IOException | SQLException e) {
      throw new StoreException("could not begin a new session store at " + damaged.file + ": " + e.getMessage(), e);
    }
  }

  /** True for SQLite's "malformed" and "not a database" errors: the file, not the query, is at fault. */
  static boolean corrupt(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    String text = String.valueOf(e.getMessage());
    return code == 11 || code == 26 || text.contains("SQLITE_CORRUPT") || text.contains("SQLITE_NOTADB")
        || text.contains("malformed") || text.contains("not a database");
  }

  private static Path setAside(Path file) throws IOException {
    Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().getEpochSecond());
    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
    for (String suffix : List.of("-wal", "-shm", "-journal")) {
      Path side = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(side)) Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
    }
    return aside;
  }

  private static SessionStore connect(Path file) throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try {
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL"); // a killed writer loses at most its open transaction
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS sessions(workspace TEXT NOT NULL, id TEXT NOT NULL,"
            + " updated_at INTEGER NOT NULL, seen INTEGER NOT NULL, json BLOB NOT NULL, PRIMARY KEY(workspace, id))");
        s.execute("CREATE INDEX IF NOT EXISTS sessions_by_time ON sessions(workspace, updated_at, id)");
        s.execute("CREATE TABLE IF NOT EXISTS syncs(workspace TEXT PRIMARY KEY, covered_from INTEGER NOT NULL,"
            + " synced_to INTEGER NOT NULL, last_full INTEGER NOT NULL)");
        s.execute("INSERT OR IGNORE INTO meta VALUES('schema', '" + SCHEMA + "')");
        s.execute("INSERT OR IGNORE INTO meta VALUES('salt', '" + HexFormat.of().formatHex(randomSalt()) + "')");
        // reads a page of every table: a damaged file fails here, not halfway through a run
        s.executeQuery("SELECT count(*) FROM syncs").close();
        s.executeQuery("SELECT id FROM sessions LIMIT 1").close();
      }
      String schema = meta(db, "schema");
      if (!String.valueOf(SCHEMA).equals(schema)) {
        throw new SQLException("not a database of this konvo-qa: schema " + schema + ", expected " + SCHEMA, "", 26);
      }
      return new SessionStore(file, db, HexFormat.of().parseHex(meta(db, "salt")));
    } catch (SQLException e) {
      db.close();
      throw e;
    }
  }

  private static String meta(Connection db, String name) throws SQLException {
    try (PreparedStatement q = db.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
      q.setString(1, name);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static byte[] randomSalt() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  public Path file() {
    return file;
  }

  /**
   * The key of one workspace's data: the API base URL and a fingerprint of the key, salted with
   * this store's own random salt, so that the file names no key and cannot be matched to one
   * elsewhere.
   */
  public String workspace(String baseUrl, String apiKey) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(apiKey.getBytes(StandardCharsets.UTF_8));
      return baseUrl + " key " + HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The workspace's sync mark, or null before its first complete sync. */
  public synchronized Mark mark(String workspace) {
    try (PreparedStatement q = db.prepareStatement(
        "SELECT covered_from, synced_to, last_full FROM syncs WHERE workspace = ?")) {
      q.setString(1, workspace);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? new Mark(instant(r.getLong(1)), instant(r.getLong(2)), instant(r.getLong(3))) : null;
      }
    } catch (SQLException e) {
      throw failed("read the sync mark", e);
    }
  }

  /**
   * Merges sessions by id, one transaction per page: a stored copy is replaced by one whose
   * last_updated is newer, or the same when it was stored by an earlier sync, never by an older
   * one. Within one sync two different copies equally new are settled as the client settles them:
   * the copy first in canonical JSON is kept, whatever the order they came in. Every session is
   * marked seen by {@code sync}. Sessions must be dated (the client sets undated ones aside).
   */
  public synchronized void put(String workspace, List<Session> sessions, long sync) {
    try (PreparedStatement upsert = db.prepareStatement("INSERT INTO sessions(workspace, id, updated_at, seen, json)"
        + " VALUES(?, ?, ?, ?, ?) ON CONFLICT(workspace, id) DO UPDATE SET seen = excluded.seen,"
        + " json = CASE WHEN excluded.updated_at > updated_at OR (excluded.updated_at = updated_at"
        + " AND (seen <> excluded.seen OR excluded.json < json)) THEN excluded.json ELSE json END,"
        + " updated_at = max(updated_at, excluded.updated_at)")) {
      for (int start = 0; start < sessions.size(); start += PAGE) {
        db.setAutoCommit(false);
        try {
          for (Session s : sessions.subList(start, Math.min(sessions.size(), start + PAGE))) {
            upsert.setString(1, workspace);
            upsert.setString(2, s.id());
            upsert.setLong(3, nanos(Objects.requireNonNull(s.updatedAt(), () -> "session " + s.id() + " has no timestamp")));
            upsert.setLong(4, sync);
            upsert.setBytes(5, json(s));
            upsert.addBatch();
          }
          upsert.executeBatch();
          db.commit();
        } finally {
          rollbackQuietly();
        }
      }
    } catch (SQLException e) {
      throw failed("write sessions", e);
    }
  }

  /**
   * After a whole window was fetched and put: drops the sessions stored in it that this sync did
   * not see (deleted, or moved out of it), and marks the window covered, in one transaction.
   */
  public synchronized void markFull(String workspace, Window window, long sync, Instant at) {
    inTransaction("mark a full sync", () -> {
      try (PreparedStatement drop = db.prepareStatement(
          "DELETE FROM sessions WHERE workspace = ? AND updated_at BETWEEN ? AND ? AND seen <> ?")) {
        drop.setString(1, workspace);
        drop.setLong(2, nanos(window.from()));
        drop.setLong(3, nanos(window.to()));
        drop.setLong(4, sync);
        drop.executeUpdate();
      }
      try (PreparedStatement mark = db.prepareStatement("INSERT INTO syncs VALUES(?, ?, ?, ?) ON CONFLICT(workspace)"
          + " DO UPDATE SET covered_from = excluded.covered_from, synced_to = excluded.synced_to, last_full = excluded.last_full")) {
        mark.setString(1, workspace);
        mark.setLong(2, nanos(window.from()));
        mark.setLong(3, nanos(window.to()));
        mark.setLong(4, nanos(at));
        mark.executeUpdate();
      }
    });
  }

  /** After the sessions updated up to {@code to} were fetched and put: the workspace is synced to it. */
  public synchronized void markSynced(String workspace, Instant to) {
    inTransaction("mark a sync", () -> {
      try (PreparedStatement mark = db.prepareStatement(
          "UPDATE syncs SET synced_to = max(synced_to, ?) WHERE workspace = ?")) {
        mark.setLong(1, nanos(to));
        mark.setString(2, workspace);
        mark.executeUpdate();
      }
    });
  }

  /** The stored sessions of the window, ordered by update time then id, as the API pages them. */
  public List<Session> window(String workspace, Window window) {
    List<Session> sessions = new ArrayList<>();
    stream(workspace, window, null).forEach(sessions::add);
    return sessions;
  }

  /**
   * The stored sessions of the window in the order of {@link #window}, read one row at a time: each
   * {@code iterator()} opens a cursor of its own and closes it when read to the end. With {@code
   * seenBy}, only the sessions that sync saw.
   */
  public Iterable<Session> stream(String workspace, Window window, Long seenBy) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(window, "window");
    return () -> new Cursor("read the window " + window, "SELECT json FROM sessions WHERE workspace = ?"
        + " AND updated_at BETWEEN ? AND ?" + (seenBy == null ? "" : " AND seen = ?") + " ORDER BY updated_at, id",
        q -> {
          q.setString(1, workspace);
          q.setLong(2, nanos(window.from()));
          q.setLong(3, nanos(window.to()));
          if (seenBy != null) q.setLong(4, seenBy);
        });
  }

  /**
   * The workspace's stored sessions with these ids, in their order, read one at a time (one
   * statement per {@code iterator()}, closed when read to the end); ids not stored are left out.
   */
  public Iterable<Session> inOrder(String workspace, List<String> ids) {
    List<String> copy = List.copyOf(ids);
    return () -> new java.util.Iterator<>() {
      private int next;
      private PreparedStatement q;
      private Session ahead = advance();

      private Session advance() {
        synchronized (SessionStore.this) {
          try {
            if (q == null && next < copy.size()) q = db.prepareStatement(BY_ID);
            Session found = null;
            while (found == null && next < copy.size()) found = find(q, workspace, copy.get(next++));
            if (next == copy.size() && q != null) {
              q.close();
              q = null;
            }
            return found;
          } catch (SQLException e) {
            throw failed("read the sessions of a window by id", e);
          }
        }
      }

      @Override public boolean hasNext() {
        return ahead != null;
      }

      @Override public Session next() {
        if (ahead == null) throw new java.util.NoSuchElementException();
        Session session = ahead;
        ahead = advance();
        return session;
      }
    };
  }

  /** The workspace's stored sessions with these ids; ids not stored are left out. */
  public synchronized java.util.Map<String, Session> sessions(String workspace, java.util.Collection<String> ids) {
    java.util.Map<String, Session> found = new java.util.LinkedHashMap<>();
    try (PreparedStatement q = db.prepareStatement(BY_ID)) {
      for (String id : ids) {
        Session session = find(q, workspace, id);
        if (session != null) found.put(id, session);
      }
    } catch (SQLException e) {
      throw failed("read sessions by id", e);
    }
    return found;
  }

  private static final String BY_ID = "SELECT json FROM sessions WHERE workspace = ? AND id = ?";

  private static Session find(PreparedStatement q, String workspace, String id) throws SQLException {
    q.setString(1, workspace);
    q.setString(2, id);
    try (ResultSet r = q.executeQuery()) {
      return r.next() ? session(r.getBytes(1)) : null;
    }
  }

  private interface Parameters {
    void set(PreparedStatement q) throws SQLException;
  }

  /** One query's rows, decoded one at a time; closed when read to the end. */
  private final class Cursor implements java.util.Iterator<Session> {
    private final String what;
    private PreparedStatement q;
    private ResultSet rows;
    private Session ahead;

    Cursor(String what, String sql, Parameters parameters) {
      this.what = what;
      synchronized (SessionStore.this) {
        try {
          q = db.prepareStatement(sql);
          parameters.set(q);
          q.setFetchSize(PAGE);
          rows = q.executeQuery();
        } catch (SQLException e) {
          close();
          throw failed(what, e);
        }
        advance();
      }
    }

    private void advance() {
      synchronized (SessionStore.this) {
        try {
          ahead = rows.next() ? session(rows.getBytes(1)) : null;
        } catch (SQLException e) {
          close();
          throw failed(what, e);
        }
        if (ahead == null) close();
      }
    }

    private void close() {
      try {
        if (q != null) q.close(); // closes its rows too
      } catch (SQLException ignored) {
        // nothing more is read from it
      }
      q = null;
    }

    @Override public boolean hasNext() {
      return ahead != null;
    }

    @Override public Session next() {
      if (ahead == null) throw new java.util.NoSuchElementException();
      Session session = ahead;
      advance();
      return session;
    }
  }

  /** Sessions stored for the workspace in the window. */
  public synchronized int count(String workspace, Window window) {
    try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM sessions WHERE workspace = ?"
        + " AND updated_at BETWEEN ? AND ?")) {
      q.setString(1, workspace);
      q.setLong(2, nanos(window.from()));
      q.setLong(3, nanos(window.to()));
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw failed("count the window " + window, e);
    }
  }

  /** Sessions stored for the workspace, in any window. */
  public synchronized int size(String workspace) {
    try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM sessions WHERE workspace = ?")) {
      q.setString(1, workspace);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw failed("count sessions", e);
    }
  }

  @Override public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failed("close", e);
    }
  }

  private interface Work {
    void run() throws SQLException;
  }

  private void inTransaction(String what, Work work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } finally {
        rollbackQuietly();
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Rolls back whatever did not commit, and goes back to autocommit. */
  private void rollbackQuietly() {
    try {
      if (!db.getAutoCommit()) {
        db.rollback();
        db.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // the connection is gone; the next statement says so
    }
  }

  private StoreException failed(String what, SQLException e) {
    return new StoreException("the session store " + file + " could not " + what + ": " + e.getMessage(), e,
        corrupt(e));
  }

  static long nanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static byte[] json(Session s) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      SessionJson.write(writer, s, true, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  private static Session session(byte[] json) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      return SessionJson.readSession(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored session could not be read: " + e.getMessage(), e);
    }
  }
}
