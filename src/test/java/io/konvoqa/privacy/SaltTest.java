package io.konvoqa.privacy;

import io.konvoqa.report.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaltTest {
  private static final String LIVE = "https://api.konvoai.com";
  private static final String CUSTOMER = "4915142424351";

  @TempDir Path dir;

  private static String token(Salt salt) {
    Privacy privacy = Privacy.of(true, salt, System.err);
    return privacy.mask(Fixtures.session("s-1", CUSTOMER, "hi", "ok")).externalUserId();
  }

  @Test void theSameSecretAndWorkspaceGiveTheSameTokenInTwoRuns() {
    String first = token(Salt.of("team secret", LIVE));
    String second = token(Salt.of("team secret", LIVE));

    assertThat(first).matches("customer-[0-9a-f]{10}").isEqualTo(second);
  }

  @Test void anotherWorkspaceOrSecretGivesAnotherToken() {
    String live = token(Salt.of("team secret", LIVE));

    assertThat(token(Salt.of("team secret", "demo"))).isNotEqualTo(live);
    assertThat(token(Salt.of("team secret", "https://api.other.example"))).isNotEqualTo(live);
    assertThat(token(Salt.of("other secret", LIVE))).isNotEqualTo(live);
  }

  @Test void theStoredSaltIsMadeOnceAndReused() throws IOException {
    Path store = dir.resolve(".konvo-qa").resolve("mask-salt");

    String first = token(Salt.stored(store, LIVE));
    String content = Files.readString(store, StandardCharsets.US_ASCII);
    String second = token(Salt.stored(store, LIVE));

    assertThat(content).matches("[0-9a-f]{64}\n");
    assertThat(Files.readString(store, StandardCharsets.US_ASCII)).isEqualTo(content);
    assertThat(second).isEqualTo(first);
    assertThat(token(Salt.stored(store, "demo"))).isNotEqualTo(first);
    try (var files = Files.list(store.getParent())) {
      assertThat(files).containsExactly(store); // no temporary file left beside it
    }
  }

  @Test void theStoredSaltIsTheOwnersAlone() throws IOException {
    Path store = dir.resolve(".konvo-qa").resolve("mask-salt");
    Salt.stored(store, LIVE);
    if (!store.getFileSystem().supportedFileAttributeViews().contains("posix")) return;

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.getParent()))).isEqualTo("rwx------");
  }

  @Test void theContentOfTheStoreAsTheSettingGivesTheSameTokens() throws IOException {
    Path store = dir.resolve("mask-salt");
    String stored = token(Salt.stored(store, LIVE));

    String set = Files.readString(store, StandardCharsets.US_ASCII).strip();

    assertThat(token(Salt.of(set, store, LIVE))).isEqualTo(stored);
    assertThat(token(Salt.of(null, store, LIVE))).isEqualTo(stored);
  }

  @Test void aCorruptStoreNamesItsPathAndTheWayOut() throws IOException {
    Path store = dir.resolve("mask-salt");
    Files.writeString(store, "0123abcd\n");

    assertThatThrownBy(() -> Salt.stored(store, LIVE))
        .hasMessage("the mask salt in " + store + " is corrupt: expected 64 hex digits but found 8"
            + " characters; restore it from a backup to keep the customer tokens of earlier reports,"
            + " or delete it to start a new salt (tokens will change)");
    assertThat(Files.readString(store)).isEqualTo("0123abcd\n");
  }

  @Test void aBlankSecretOrWorkspaceIsRejected() {
    assertThatThrownBy(() -> Salt.of(" ", LIVE)).hasMessage("the mask salt must be a non-blank text but was blank");
    assertThatThrownBy(() -> Salt.of("secret", "")).hasMessage("the workspace of a mask salt must be named"
        + " (an API base URL, \"demo\", a snapshot's source) but was blank");
  }

  @Test void randomSaltsDiffer() {
    assertThat(token(Salt.random())).isNotEqualTo(token(Salt.random()));
  }
}
