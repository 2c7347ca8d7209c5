package io.konvoqa.session;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads and writes sessions in the API's JSON shape, by hand, straight from the stream.
 *
 * <p>Hand-written because Moshi 1.11 has no record support and because a page is decoded as it
 * arrives: no body is ever held as a String. Unknown fields are skipped; any field but {@code id}
 * may be missing or null. Strings from small open sets (channel, origin, sub_intent_type) are
 * interned, and the session id repeated inside nested objects is shared, which keeps 100,000
 * sessions in modest memory.
 */
public final class SessionJson {
  private SessionJson() {}

  private static final JsonReader.Options PAGE = JsonReader.Options.of("count", "result");
  private static final JsonReader.Options SESSION = JsonReader.Options.of("id", "workspace_id",
      "feed_id", "contact_id", "external_user_id", "channel", "created_at", "status", "state",
      "messages");
  private static final JsonReader.Options STATUS = JsonReader.Options.of("session_id",
      "completed", "unresolved", "completed_at", "last_message_date", "last_updated");
  private static final JsonReader.Options STATE =
      JsonReader.Options.of("session_id", "type", "sub_intent_type", "trail");
  private static final JsonReader.Options MESSAGE = JsonReader.Options.of("message_id",
      "session_id", "initiator_origin", "message", "created_at");

  public static SessionsPage readPage(JsonReader reader) throws IOException {
    Integer count = null;
    List<Session> result = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(PAGE)) {
        case 0 -> count = nullOr(reader) ? null : reader.nextInt();
        case 1 -> result = nullOr(reader) ? null : readSessions(reader);
        default -> skipNameAndValue(reader);
      }
    }
    reader.endObject();
    return new SessionsPage(count, result);
  }

  public static List<Session> readSessions(JsonReader reader) throws IOException {
    List<Session> sessions = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) sessions.add(readSession(reader));
    reader.endArray();
    return sessions;
  }

  public static Session readSession(JsonReader reader) throws IOException {
    String path = reader.getPath();
    String id = null, workspaceId = null, feedId = null, contactId = null, externalUserId = null;
    String channel = null;
    Instant createdAt = null;
    SessionStatus status = null;
    SessionState state = null;
    List<Message> messages = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(SESSION)) {
        case 0 -> id = string(reader);
        case 1 -> workspaceId = string(reader);
        case 2 -> feedId = string(reader);
        case 3 -> contactId = string(reader);
        case 4 -> externalUserId = string(reader);
        case 5 -> channel = interned(reader);
        case 6 -> createdAt = instant(reader);
        case 7 -> status = nullOr(reader) ? null : readStatus(reader);
        case 8 -> state = nullOr(reader) ? null : readState(reader);
        case 9 -> messages = nullOr(reader) ? null : readMessages(reader, id);
        default -> skipNameAndValue(reader);
      }
    }
    reader.endObject();
    if (id == null) throw new JsonDataException("a session without an id at " + path);
    return new Session(id, workspaceId, feedId, contactId, externalUserId, channel, createdAt,
        shareId(status, id), shareId(state, id), shareId(messages, id));
  }

  private static SessionStatus readStatus(JsonReader reader) throws IOException {
    String sessionId = null;
    Boolean completed = null, unresolved = null;
    Instant completedAt = null, lastMessageDate = null, lastUpdated = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(STATUS)) {
        case 0 -> sessionId = string(reader);
        case 1 -> completed = bool(reader);
        case 2 -> unresolved = bool(reader);
        case 3 -> completedAt = instant(reader);
        case 4 -> lastMessageDate = instant(reader);
        case 5 -> lastUpdated = instant(reader);
        default -> skipNameAndValue(reader);
      }
    }
    reader.endObject();
    return new SessionStatus(sessionId, completed, unresolved, completedAt, lastMessageDate,
        lastUpdated);
  }

  private static SessionState readState(JsonReader reader) throws IOException {
    String sessionId = null, type = null, subIntentType = null;
    List<String> trail = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(STATE)) {
        case 0 -> sessionId = string(reader);
        case 1 -> type = interned(reader);
        case 2 -> subIntentType = interned(reader);
        case 3 -> trail = nullOr(reader) ? null : readRawArray(reader);
        default -> skipNameAndValue(reader);
      }
    }
    reader.endObject();
    return new SessionState(sessionId, type, subIntentType, trail);
  }

  /**
   * {@code id}, when the session's id came first, is shared by the messages that repeat it. A null
   * entry is kept, as a message with no origin and no text: gates that read messages must be able
   * to count what they could not read.
   */
  private static List<Message> readMessages(JsonReader reader, String id) throws IOException {
    List<Message> messages = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      if (nullOr(reader)) {
        messages.add(Message.ABSENT);
        continue;
      }
      String messageId = null, sessionId = null, origin = null, text = null;
      Instant createdAt = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(MESSAGE)) {
          case 0 -> messageId = string(reader);
          case 1 -> sessionId = string(reader);
          case 2 -> origin = interned(reader);
          case 3 -> text = string(reader);
          case 4 -> createdAt = instant(reader);
          default -> skipNameAndValue(reader);
        }
      }
      reader.endObject();
      if (id != null && id.equals(sessionId)) sessionId = id;
      messages.add(new Message(messageId, sessionId, origin, text, createdAt));
    }
    reader.endArray();
    return messages;
  }

  private static List<String> readRawArray(JsonReader reader) throws IOException {
    List<String> items = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      // verbatim: readJsonValue() would turn 3 into 3.0, drop null members and reject duplicate keys
      try (BufferedSource raw = reader.nextSource()) {
        items.add(raw.readUtf8());
      }
    }
    reader.endArray();
    return items;
  }

  /** Writes a session; {@code status}/{@code state} only with state, messages only with messages. */
  public static void write(JsonWriter writer, Session s, boolean withMessages, boolean withState)
      throws IOException {
    writer.beginObject();
    writer.name("id").value(s.id());
    optional(writer, "workspace_id", s.workspaceId());
    optional(writer, "feed_id", s.feedId());
    optional(writer, "contact_id", s.contactId());
    optional(writer, "external_user_id", s.externalUserId());
    optional(writer, "channel", s.channel());
    optional(writer, "created_at", s.createdAt());
    if (withState && s.status() != null) writeStatus(writer, s.status());
    if (withState && s.state() != null) writeState(writer, s.state());
    if (withMessages && s.messages() != null) {
      writer.name("messages").beginArray();
      for (Message m : s.messages()) {
        if (Message.ABSENT.equals(m)) { // a null entry, or an object of no known field: null again
          writer.nullValue();
          continue;
        }
        writer.beginObject();
        optional(writer, "message_id", m.messageId());
        optional(writer, "session_id", m.sessionId());
        optional(writer, "initiator_origin", m.initiatorOrigin());
        optional(writer, "message", m.message());
        optional(writer, "created_at", m.createdAt());
        writer.endObject();
      }
      writer.endArray();
    }
    writer.endObject();
  }

  private static void writeStatus(JsonWriter writer, SessionStatus st) throws IOException {
    writer.name("status").beginObject();
    optional(writer, "session_id", st.sessionId());
    if (st.completed() != null) writer.name("completed").value(st.completed());
    if (st.unresolved() != null) writer.name("unresolved").value(st.unresolved());
    optional(writer, "completed_at", st.completedAt());
    optional(writer, "last_message_date", st.lastMessageDate());
    optional(writer, "last_updated", st.lastUpdated());
    writer.endObject();
  }

  private static void writeState(JsonWriter writer, SessionState st) throws IOException {
    writer.name("state").beginObject();
    optional(writer, "session_id", st.sessionId());
    optional(writer, "type", st.type());
    optional(writer, "sub_intent_type", st.subIntentType());
    if (st.trail() != null) {
      writer.name("trail").beginArray();
      for (String raw : st.trail()) {
        try (BufferedSource value = JsonReader.of(new Buffer().writeUtf8(raw)).nextSource()) {
          writer.value(value);
        }
      }
      writer.endArray();
    }
    writer.endObject();
  }

  private static void optional(JsonWriter writer, String name, String value) throws IOException {
    if (value != null) writer.name(name).value(value);
  }

  private static void optional(JsonWriter writer, String name, Instant value) throws IOException {
    if (value != null) writer.name(name).value(Timestamps.format(value));
  }

  /** True (and the null consumed) when the next value is JSON null. */
  private static boolean nullOr(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.NULL) return false;
    reader.nextNull();
    return true;
  }

  private static String string(JsonReader reader) throws IOException {
    if (nullOr(reader)) return null;
    return reader.nextString();
  }

  private static String interned(JsonReader reader) throws IOException {
    String value = string(reader);
    return value == null ? null : value.intern();
  }

  private static Boolean bool(JsonReader reader) throws IOException {
    return nullOr(reader) ? null : reader.nextBoolean();
  }

  /** Timestamps are always object members, so the path after the value still names it. */
  private static Instant instant(JsonReader reader) throws IOException {
    String text = string(reader);
    if (text == null || text.isBlank()) return null;
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("not an ISO-8601 timestamp: '" + text + "' at " + reader.getPath());
    }
  }

  private static void skipNameAndValue(JsonReader reader) throws IOException {
    reader.skipName();
    reader.skipValue();
  }

  private static SessionStatus shareId(SessionStatus st, String id) {
    if (st == null || st.sessionId() == null || st.sessionId() == id || !st.sessionId().equals(id)) {
      return st;
    }
    return new SessionStatus(id, st.completed(), st.unresolved(), st.completedAt(),
        st.lastMessageDate(), st.lastUpdated());
  }

  private static SessionState shareId(SessionState st, String id) {
    if (st == null || st.sessionId() == null || !st.sessionId().equals(id)) return st;
    return new SessionState(id, st.type(), st.subIntentType(), st.trail());
  }

  private static List<Message> shareId(List<Message> messages, String id) {
    if (messages == null) return null;
    boolean shared = true;
    for (Message m : messages) shared &= m.sessionId() == id || !id.equals(m.sessionId());
    if (shared) return messages;
    List<Message> copy = new ArrayList<>(messages.size());
    for (Message m : messages) {
      copy.add(id.equals(m.sessionId()) && m.sessionId() != id
          ? new Message(m.messageId(), id, m.initiatorOrigin(), m.message(), m.createdAt())
          : m);
    }
    return copy;
  }
}
