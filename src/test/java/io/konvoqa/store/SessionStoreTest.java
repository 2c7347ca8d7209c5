package io.konvoqa.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.session.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final Window WEEK = new Window(NOW.minus(Duration.ofDays(7)), NOW);
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);

  @Test void aWindowReadBackIsTheSessionsPutInUpdateOrder() {
    List<Session> demo = DemoWorkspace.generate(NOW).sessions();
    try (SessionStore store = SessionStore.open(dir.resolve("s.db"), console)) {
      store.put("w", demo, 1);
      List<Session> expected = demo.stream().filter(s -> WEEK.contains(s.updatedAt()))
          .sorted(Comparator.comparing(Session::updatedAt).thenComparing(Session::id)).toList();
      assertThat(store.window("w", WEEK)).containsExactlyElementsOf(expected);
      assertThat(store.window("other", WEEK)).isEmpty();
    }
  }

  @Test void theNewerLastUpdatedWinsWhateverTheOrderItArrivesIn() {
    Session old = at("s1", NOW.minusSeconds(60), false);
    Session newer = at("s1", NOW.minusSeconds(10), true);
    try (SessionStore store = SessionStore.open(dir.resolve("s.db"), console)) {
      store.put("w", List.of(newer), 1);
      store.put("w", List.of(old), 2);
      assertThat(store.window("w", WEEK)).containsExactly(newer);
      store.put("w", List.of(at("s1", NOW.minusSeconds(5), false)), 3);
      assertThat(store.window("w", WEEK)).containsExactly(at("s1", NOW.minusSeconds(5), false));
    }
  }

  @Test void workspacesAreKeyedByUrlAndASaltedFingerprintNeverTheKey() throws IOException {
    Path file = dir.resolve("s.db");
    String key = "live-key-8d3e55a1c0";
    String a, b;
    try (SessionStore store = SessionStore.open(file, console)) {
      a = store.workspace("https://api.konvoai.com/", key);
      b = store.workspace("https://api.konvoai.com/", key + "x");
      assertThat(a).startsWith("https://api.konvoai.com/ key ").doesNotContain(key).isNotEqualTo(b);
      assertThat(store.workspace("https://api.konvoai.com/", key)).isEqualTo(a);
      store.put(a, List.of(at("s1", NOW, true)), 1);
      store.markFull(a, WEEK, 1, NOW);
    }
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(key);
    try (SessionStore other = SessionStore.open(dir.resolve("other.db"), console)) {
      assertThat(other.workspace("https://api.konvoai.com/", key)).as("another store's salt").isNotEqualTo(a);
    }
  }

  @Test void aFullSyncDropsWhatItNoLongerSawInItsWindowAndMarksIt() {
    try (SessionStore store = SessionStore.open(dir.resolve("s.db"), console)) {
      store.put("w", List.of(at("gone", NOW.minusSeconds(30), true), at("kept", NOW.minusSeconds(20), true)), 1);
      store.put("w", List.of(at("kept", NOW.minusSeconds(20), true)), 2);
      store.markFull("w", WEEK, 2, NOW);
      assertThat(store.window("w", WEEK)).extracting(Session::id).containsExactly("kept");
      assertThat(store.mark("w")).isEqualTo(new SessionStore.Mark(WEEK.from(), NOW, NOW));
      store.markSynced("w", NOW.plusSeconds(60));
      store.markSynced("w", NOW.plusSeconds(30)); // never backwards
      assertThat(store.mark("w").syncedTo()).isEqualTo(NOW.plusSeconds(60));
    }
  }

  @Test void aTruncatedStoreIsSetAsideAndBegunAgainWithAMessage() throws IOException {
    Path file = dir.resolve("s.db");
    try (SessionStore store = SessionStore.open(file, console)) {
      store.put("w", DemoWorkspace.generate(NOW).sessions(), 1);
      store.markFull("w", WEEK, 1, NOW);
    }
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2 / 4096 * 4096)); // a cache restore cut short
    try (SessionStore store = SessionStore.open(file, console)) {
      assertThat(store.mark("w")).isNull();
      assertThat(store.size("w")).isZero();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("konvo-qa: warning: the session store " + file
        + " is damaged (it is ").contains("(truncated)): moved it to " + file + ".corrupt-")
        .endsWith(" and began a new one; this run fetches every window whole\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("s.db.corrupt-"));
    }
  }

  @Test void aFileCutMidPageIsSetAsideToo() throws IOException {
    Path file = dir.resolve("s.db");
    try (SessionStore store = SessionStore.open(file, console)) {
      store.put("w", DemoWorkspace.generate(NOW).sessions(), 1);
    }
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 1000));
    SessionStore.open(file, console).close();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("-byte pages): moved it to " + file + ".corrupt-");
  }

  @Test void aFileThatIsNoDatabaseIsSetAsideToo() throws IOException {
    Path file = dir.resolve("s.db");
    Files.writeString(file, "this is not a database, it is a note someone saved under the store's name\n".repeat(40));
    try (SessionStore store = SessionStore.open(file, console)) {
      store.put("w", List.of(at("s1", NOW, true)), 1);
      assertThat(store.size("w")).isEqualTo(1);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("is damaged (it is not a SQLite database): moved it to");
  }

  static Session at(String id, Instant updated, boolean unresolved) {
    return new Session(id, "ws", null, null, null, "web", updated.minusSeconds(600),
        new SessionStatus(id, true, unresolved, updated, updated, updated), null, List.of());
  }
}
