package io.konvoqa.gate;

import io.konvoqa.session.Session;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The channels and sub_intent_types a window holds, as written: what tells a misspelt value in a
 * feature from one that simply did not occur. It grows with the distinct values, not with the
 * window, so a window read session by session keeps it instead of its sessions.
 */
public final class Seen {
  private final SortedSet<String> channels = new TreeSet<>();
  private final SortedSet<String> subIntentTypes = new TreeSet<>();
  private int sessions;

  /** The values of every session of {@code window}. */
  public static Seen of(Iterable<Session> window) {
    Seen seen = new Seen();
    for (Session s : window) seen.add(s);
    return seen;
  }

  void add(Session session) {
    sessions++;
    if (session.channel() != null) channels.add(session.channel());
    if (session.subIntentType() != null) subIntentTypes.add(session.subIntentType());
  }

  /** The sessions seen. */
  public int sessions() {
    return sessions;
  }

  public SortedSet<String> channels() {
    return Collections.unmodifiableSortedSet(channels);
  }

  public SortedSet<String> subIntentTypes() {
    return Collections.unmodifiableSortedSet(subIntentTypes);
  }
}
