package io.konvoqa.grader;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Grade.Kind;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgmentCacheTest {
  @TempDir Path dir;

  static Session session(String id, Instant updated) {
    return new Session(id, null, null, null, null, null, null,
        updated == null ? null : new SessionStatus(id, true, false, null, null, updated), null, List.of());
  }

  @Test void theKeyChangesWithEachOfItsPartsAndNothingElse() {
    Instant t = Instant.parse("2026-11-27T10:00:00Z");
    String base = JudgmentCache.key(session("s1", t), "transcript", "rubric text", "gpt-4o-mini");
    assertThat(Set.of(base,
        JudgmentCache.key(session("s2", t), "transcript", "rubric text", "gpt-4o-mini"),
        JudgmentCache.key(session("s1", t.plusMillis(1)), "transcript", "rubric text", "gpt-4o-mini"),
        JudgmentCache.key(session("s1", t), "transcript", "rubric text!", "gpt-4o-mini"),
        JudgmentCache.key(session("s1", t), "transcript", "rubric text", "gpt-4o"))).hasSize(5);
    assertThat(JudgmentCache.key(session("s1", t), "another masking of it", "rubric text", "gpt-4o-mini"))
        .as("a session with last_updated is keyed by it, not by its transcript").isEqualTo(base);
    assertThat(base).matches("[0-9a-f]{64}");
  }

  @Test void aSessionWithoutLastUpdatedIsKeyedByItsTranscript() {
    assertThat(JudgmentCache.key(session("label:x:1", null), "one", "r", "m"))
        .isNotEqualTo(JudgmentCache.key(session("label:x:1", null), "two", "r", "m"));
  }

  @Test void passAndFailAreKeptErrorsAreNot() throws Exception {
    JudgmentCache cache = new JudgmentCache(dir);
    cache.put("ab12", "s1", "resolution", "m", new JudgmentCache.Judgment(Kind.FAIL, "30 days \"stated\".", 120));
    cache.put("cd34", "s2", "resolution", "m", new JudgmentCache.Judgment(Kind.ERROR, "garbled", 5));
    assertThat(new JudgmentCache(dir).get("ab12")).isEqualTo(new JudgmentCache.Judgment(Kind.FAIL, "30 days \"stated\".", 120));
    assertThat(cache.get("cd34")).isNull();
    assertThat(Files.readString(dir.resolve("ab").resolve("ab12.json"))).contains("\"session_id\": \"s1\"");
  }

  @Test void aDamagedEntryIsAMiss() throws Exception {
    Files.createDirectories(dir.resolve("ef"));
    Files.writeString(dir.resolve("ef").resolve("ef56.json"), "{\"verdict\": \"pa");
    assertThat(new JudgmentCache(dir).get("ef56")).isNull();
  }
}
