package io.konvoqa.privacy;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okio.Buffer;

/**
 * Masks personal data in sessions before they are written to a snapshot, with one salt for the
 * whole snapshot: the same customer gets the same token throughout it. {@code record} gives each
 * snapshot a random salt ({@link Salt#random()}), so tokens of two snapshots cannot be linked or
 * reversed.
 *
 * <p>Trail items are raw JSON and masked as text; a phone number written as a bare JSON number
 * would become text that is no longer JSON, so such an item is kept as a JSON string instead.
 */
public final class SnapshotMasking {
  private final PersonalData personalData;

  private SnapshotMasking(PersonalData personalData) {
    this.personalData = personalData;
  }

  /** Masks one snapshot's sessions with {@code salt}. */
  public static SnapshotMasking of(Salt salt) {
    return new SnapshotMasking(PersonalData.masking(salt));
  }

  public Session mask(Session session) {
    Session masked = personalData.mask(session);
    SessionState state = masked.state();
    if (state == null || state.trail() == null || state.trail().stream().allMatch(SnapshotMasking::isJson)) {
      return masked;
    }
    List<String> trail = state.trail().stream().map(t -> isJson(t) ? t : quoted(t)).toList();
    return new Session(masked.id(), masked.workspaceId(), masked.feedId(), masked.contactId(),
        masked.externalUserId(), masked.channel(), masked.createdAt(), masked.status(),
        new SessionState(state.sessionId(), state.type(), state.subIntentType(), trail),
        masked.messages());
  }

  private static boolean isJson(String raw) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(raw));
      reader.readJsonValue();
      return reader.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String quoted(String text) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.value(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
