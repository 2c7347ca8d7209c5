package io.konvoqa.grader;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.konvoqa.gate.Grade;
import io.konvoqa.session.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import okio.Buffer;

/**
 * Judgments on disk, one small JSON file each, keyed by the session's id and {@code last_updated},
 * a hash of the rubric's text, the model and the prompt version: a session that has not changed
 * is not judged again, by any run, also offline over a replayed snapshot. A session without a
 * {@code last_updated} (a labelled transcript) is keyed by a hash of its transcript instead.
 * Only pass and fail are kept: an error is tried again next run. Never holds the judge's key.
 */
final class JudgmentCache {
  private final Path dir;

  JudgmentCache(Path dir) {
    this.dir = dir;
  }

  /** A judgment: the verdict and reason, and the tokens it cost when it was made. */
  record Judgment(Grade.Kind kind, String reason, long tokens) {}

  static String key(Session session, String transcript, String rubricText, String model) {
    String updated = session.updatedAt() != null ? session.updatedAt().toString()
        : "transcript " + sha256(transcript);
    return sha256(String.join("\n", "session " + session.id(), "last_updated " + updated,
        "rubric " + sha256(rubricText), "model " + model, "prompt " + Prompt.PROMPT_VERSION));
  }

  Judgment get(String key) {
    Path file = file(key);
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
        if (!(reader.readJsonValue() instanceof Map<?, ?> map)) return null;
        Grade.Kind kind = "pass".equals(map.get("verdict")) ? Grade.Kind.PASS
            : "fail".equals(map.get("verdict")) ? Grade.Kind.FAIL : null;
        if (kind == null || !(map.get("reason") instanceof String reason)) return null;
        long tokens = map.get("tokens") instanceof Number n ? n.longValue() : 0;
        return new Judgment(kind, reason, Math.max(0, tokens));
      }
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException unreadable) {
      return null; // a damaged entry is judged again and written anew
    }
  }

  void put(String key, String sessionId, String rubric, String model, Judgment judgment) {
    if (judgment.kind() == Grade.Kind.ERROR) return;
    Path file = file(key);
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setIndent("  ");
      w.beginObject()
          .name("verdict").value(judgment.kind() == Grade.Kind.PASS ? "pass" : "fail")
          .name("reason").value(judgment.reason())
          .name("tokens").value(judgment.tokens())
          .name("session_id").value(sessionId)
          .name("rubric").value(rubric)
          .name("model").value(model)
          .name("prompt_version").value(Prompt.PROMPT_VERSION)
          .endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), key, ".tmp");
      Files.write(temp, buffer.readByteArray());
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a judgment to the cache " + dir
          + " (" + e.getMessage() + "): check KONVO_JUDGE_CACHE", e);
    }
  }

  Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
