package io.konvoqa.store;

import io.konvoqa.client.KonvoClient;
import io.konvoqa.config.StoreSettings;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionStatus;
import io.konvoqa.simulator.KonvoSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Datasets that change between runs, and clients for the store's tests. */
final class StoreData {
  static final String KEY = "store-test-key-51c2";

  private StoreData() {}

  static StoreSettings settings(Path file) {
    return new StoreSettings(file, false, Duration.ofMinutes(10), Duration.ofHours(24));
  }

  static KonvoClient client(KonvoSimulator simulator) {
    return KonvoClient.builder().baseUrl(simulator.url()).apiKey(KEY).progress(null, false)
        .backoffBase(Duration.ofMillis(5)).build();
  }

  /** Every {@code every}-th session updated at {@code at}, its unresolved flag turned over. */
  static List<Session> changed(List<Session> sessions, int every, Instant at) {
    List<Session> out = new ArrayList<>(sessions.size());
    for (int i = 0; i < sessions.size(); i++) out.add(i % every == 0 ? updated(sessions.get(i), at) : sessions.get(i));
    return out;
  }

  static Session updated(Session s, Instant at) {
    SessionStatus st = s.status();
    Boolean unresolved = st == null || st.unresolved() == null ? Boolean.TRUE : !st.unresolved();
    SessionStatus status = new SessionStatus(s.id(), true, unresolved, at, at, at);
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), s.channel(),
        s.createdAt(), status, s.state(), s.messages());
  }
}
