package io.konvoqa.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The salt of one workspace's customer tokens: the same in every run, so a returning customer has
 * the same token in this week's report as in last week's, and a different one in another workspace.
 *
 * <p>The secret is {@code KONVO_MASK_SALT} when set, else 32 random bytes kept (as 64 hex digits)
 * in {@code .konvo-qa/mask-salt} under the working directory, made on first use. Either way the
 * workspace (the API base URL, "demo", a snapshot's source) is hashed into it, so one secret never
 * gives two workspaces the same tokens. It is never derived from the API key.
 */
public final class Salt {
  /** Where the secret is kept when no setting gives it, relative to the working directory. */
  public static final Path STORE = Path.of(".konvo-qa", "mask-salt");
  static final int STORED_BYTES = 32;

  private final byte[] bytes;

  private Salt(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The salt of {@code workspace} from a secret as set ({@code KONVO_MASK_SALT}). */
  public static Salt of(String secret, String workspace) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the mask salt must be a non-blank text but was "
          + (secret == null ? "null" : "blank"));
    }
    return new Salt(mixed(secret, workspace));
  }

  /**
   * The salt of {@code workspace} from the secret kept in {@code store}, made there (with
   * owner-only permissions where the file system has them) when there is none yet.
   */
  public static Salt stored(Path store, String workspace) {
    Objects.requireNonNull(store, "store");
    return new Salt(mixed(readOrCreate(store), workspace));
  }

  /** {@code secret} when set, else the one kept in {@code store}: how a run finds its salt. */
  public static Salt of(String secret, Path store, String workspace) {
    return secret != null ? of(secret, workspace) : stored(store, workspace);
  }

  /** A fresh random salt, kept nowhere: tokens comparable only among its own uses. */
  public static Salt random() {
    byte[] bytes = new byte[STORED_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new Salt(bytes);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  private static byte[] mixed(String secret, String workspace) {
    if (workspace == null || workspace.isBlank()) {
      throw new IllegalArgumentException("the workspace of a mask salt must be named (an API base URL,"
          + " \"demo\", a snapshot's source) but was " + (workspace == null ? "null" : "blank"));
    }
    byte[] s = secret.getBytes(StandardCharsets.UTF_8);
    MessageDigest sha256 = PersonalData.sha256();
    // the secret's length first, so that no secret and workspace run into another pair's
    sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(s.length).array());
    sha256.update(s);
    return sha256.digest(workspace.getBytes(StandardCharsets.UTF_8));
  }

  private static String readOrCreate(Path store) {
    try {
      return read(store);
    } catch (NoSuchFileException e) {
      return create(store);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the mask salt in " + store + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path store) throws IOException {
    String text = Files.readString(store, StandardCharsets.US_ASCII).strip();
    if (text.length() != 2 * STORED_BYTES || !text.chars().allMatch(HexFormat::isHexDigit)) {
      throw new IllegalStateException("the mask salt in " + store + " is corrupt: expected "
          + 2 * STORED_BYTES + " hex digits but found " + text.length() + " characters; restore it from"
          + " a backup to keep the customer tokens of earlier reports, or delete it to start a new salt"
          + " (tokens will change)");
    }
    return text;
  }

  /** Writes a new secret beside {@code store} and links it into place, so a concurrent run reads one whole file. */
  private static String create(Path store) {
    Path dir = store.toAbsolutePath().getParent();
    Path temp = null;
    try {
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
      }
      temp = posix ? Files.createTempFile(dir, ".mask-salt", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile(dir, ".mask-salt", ".tmp");
      byte[] secret = new byte[STORED_BYTES];
      new SecureRandom().nextBytes(secret);
      Files.writeString(temp, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
      try {
        Files.createLink(store, temp);
      } catch (UnsupportedOperationException e) {
        Files.move(temp, store);
      }
      return read(store);
    } catch (FileAlreadyExistsException e) {
      return readOrCreate(store); // another run made it first: use theirs
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the mask salt " + store + ": " + e.getMessage()
          + "; make its folder writable, or set KONVO_MASK_SALT", e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a left-over temporary file holds no salt anyone uses
        }
      }
    }
  }
}
