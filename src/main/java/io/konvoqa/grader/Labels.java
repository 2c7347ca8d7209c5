package io.konvoqa.grader;

import com.squareup.moshi.JsonReader;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Message;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * A rubric's human-labelled examples, {@code <name>.labels.jsonl}: one JSON object a line (blank
 * lines and lines starting with {@code //} are skipped), with {@code "human": "pass" | "fail"} and
 * either {@code "messages": [{"role": "customer" | "ai" | "human_agent", "text": "...", "time":
 * "2026-11-27T10:00:00Z"}]} ({@code time} optional; a role may also be a raw initiator_origin) or
 * {@code "snapshot": "snapshots/baseline.json.gz", "session_id": "..."} (the path from the working
 * directory). An optional {@code "note"} is for people and ignored.
 */
final class Labels {
  private static final Set<String> KEYS = Set.of("human", "messages", "snapshot", "session_id", "note");

  private Labels() {}

  static List<Rubric.Labelled> read(Path file, String rubric, Map<String, Role> roles) {
    List<String> lines = Rubrics.read(file);
    Map<Role, String> origins = origins(roles);
    Map<Path, Map<String, Session>> snapshots = new HashMap<>();
    List<Rubric.Labelled> labelled = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("//")) continue;
      String where = file + " line " + (i + 1) + ": ";
      Map<?, ?> entry = object(where, line);
      for (Object key : entry.keySet()) {
        if (!KEYS.contains(key)) {
          throw new ConfigurationException(where + "unknown key '" + key + "'; a label has human and either"
              + " messages or snapshot and session_id (and an optional note)");
        }
      }
      boolean pass = switch (String.valueOf(entry.get("human")).toLowerCase(Locale.ROOT)) {
        case "pass" -> true;
        case "fail" -> false;
        default -> throw new ConfigurationException(where + "\"human\" must be \"pass\" or \"fail\" but was "
            + (entry.get("human") == null ? "missing" : "'" + entry.get("human") + "'"));
      };
      Session session;
      if (entry.get("messages") != null && entry.get("snapshot") == null) {
        session = transcript(where, "label:" + rubric + ":" + (i + 1), entry.get("messages"), origins);
      } else if (entry.get("snapshot") != null && entry.get("messages") == null) {
        if (!(entry.get("snapshot") instanceof String snapshot) || !(entry.get("session_id") instanceof String id)) {
          throw new ConfigurationException(where + "a label from a snapshot needs \"snapshot\" (its path) and"
              + " \"session_id\" as strings, such as {\"human\": \"pass\", \"snapshot\": \"snapshots/baseline.json.gz\","
              + " \"session_id\": \"4b61c673-...\"}");
        }
        Map<String, Session> sessions = snapshots.computeIfAbsent(Path.of(snapshot), path -> sessions(where, path));
        session = sessions.get(id);
        if (session == null) {
          throw new ConfigurationException(where + "session '" + id + "' is not in the snapshot " + snapshot
              + " (" + sessions.size() + " sessions); check the session_id, or point \"snapshot\" at the one that has it");
        }
      } else {
        throw new ConfigurationException(where + "a label needs either \"messages\" or \"snapshot\" and"
            + " \"session_id\", not both and not neither");
      }
      labelled.add(new Rubric.Labelled(session, pass));
    }
    return labelled;
  }

  private static Map<?, ?> object(String where, String line) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(line))) {
      Object value = reader.readJsonValue();
      if (value instanceof Map<?, ?> map && reader.peek() == JsonReader.Token.END_DOCUMENT) return map;
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(where + "not a JSON object (" + e.getMessage() + "); each line holds one");
    }
    throw new ConfigurationException(where + "not one JSON object; each line holds one");
  }

  private static Session transcript(String where, String id, Object value, Map<Role, String> origins) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new ConfigurationException(where + "\"messages\" must be a non-empty array of {role, text, time?}");
    }
    List<Message> messages = new ArrayList<>();
    for (int n = 0; n < list.size(); n++) {
      if (!(list.get(n) instanceof Map<?, ?> m) || !(m.get("role") instanceof String role)
          || !(m.get("text") instanceof String text)) {
        throw new ConfigurationException(where + "message " + (n + 1) + " needs \"role\" and \"text\" strings");
      }
      Instant time = null;
      if (m.get("time") != null) {
        try {
          time = Instant.parse(String.valueOf(m.get("time")));
        } catch (DateTimeParseException e) {
          throw new ConfigurationException(where + "message " + (n + 1) + " has the time '" + m.get("time")
              + "', not an ISO-8601 instant such as 2026-11-27T10:00:00Z");
        }
      }
      messages.add(new Message(id + ":" + (n + 1), id, origin(role, origins), text, time));
    }
    return new Session(id, null, null, null, null, null, null, null, null, messages);
  }

  /** A role's name (customer, ai, human_agent) to the origin the run maps to it; anything else as written. */
  private static String origin(String role, Map<Role, String> origins) {
    try {
      String origin = origins.get(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
      if (origin != null) return origin;
    } catch (IllegalArgumentException notARole) {
      // a raw initiator_origin
    }
    return role.strip();
  }

  private static Map<Role, String> origins(Map<String, Role> roles) {
    Map<Role, String> origins = new HashMap<>();
    roles.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> origins.putIfAbsent(e.getValue(), e.getKey()));
    return origins;
  }

  private static Map<String, Session> sessions(String where, Path snapshot) {
    if (!java.nio.file.Files.isRegularFile(snapshot)) {
      throw new ConfigurationException(where + "the snapshot " + snapshot + " does not exist (looked for "
          + snapshot.toAbsolutePath() + "); the path is from the working directory: fix it, or record the snapshot");
    }
    Dataset dataset;
    try {
      dataset = DatasetFile.read(snapshot);
    } catch (RuntimeException e) {
      throw new ConfigurationException(where + "the snapshot " + snapshot + " cannot be read: " + e.getMessage());
    }
    Map<String, Session> byId = new HashMap<>();
    for (Session s : dataset.sessions()) byId.put(s.id(), s);
    return byId;
  }
}
