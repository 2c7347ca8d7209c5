package io.konvoqa.demo;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's second seeded regression: the product-catalogue skill answers German customers in
 * English (its prompt lost "answer in the customer's language"), about 70 sessions of the week.
 * Only the AI's texts of those sessions change: who wrote what and when, the routing and the
 * outcome stay as laid out, so no other gate's figure moves.
 */
final class EnglishReplies {
  private EnglishReplies() {}

  private static final String GERMAN = "\"language\":\"de\"";

  /** The sessions, with the regression applied to those it hits. */
  static List<Session> apply(List<Session> sessions) {
    List<Session> applied = new ArrayList<>(sessions.size());
    for (Session s : sessions) applied.add(hit(s) ? inEnglish(s) : s);
    return applied;
  }

  private static boolean hit(Session s) {
    return Intent.PRODUCT_QUESTION.name().equals(s.subIntentType())
        && !s.state().trail().isEmpty() && s.state().trail().get(0).contains(GERMAN);
  }

  /** The same session, each AI reply replaced by the English line for its place in the conversation. */
  private static Session inEnglish(Session s) {
    List<String> lines = englishLines(s);
    List<Message> messages = new ArrayList<>(s.messages().size());
    int reply = 0;
    for (Message m : s.messages()) {
      if (!Transcript.AI.equals(m.initiatorOrigin())) {
        messages.add(m);
        continue;
      }
      messages.add(new Message(m.messageId(), m.sessionId(), m.initiatorOrigin(), lines.get(reply++), m.createdAt()));
    }
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), s.channel(),
        s.createdAt(), s.status(), s.state(), messages);
  }

  /** An answer first, then follow-ups and acknowledgements, and the closing line of its outcome last. */
  private static List<String> englishLines(Session s) {
    Phrases english = English.PHRASES;
    Phrases.Script script = english.script(Intent.PRODUCT_QUESTION);
    int pick = Math.floorMod(s.id().hashCode(), 6);
    long replies = s.messages().stream().filter(m -> Transcript.AI.equals(m.initiatorOrigin())).count();
    List<String> lines = new ArrayList<>();
    lines.add(script.answers().get(pick % script.answers().size()));
    List<String> middle = new ArrayList<>(script.followUps());
    middle.addAll(english.ai().middle());
    boolean closes = Boolean.TRUE.equals(s.status().completed()) && replies > 1;
    for (int i = 0; lines.size() < replies - (closes ? 1 : 0); i++) lines.add(middle.get(i % middle.size()));
    if (closes) {
      lines.add(Boolean.TRUE.equals(s.status().unresolved()) ? english.ai().unresolved().get(pick % 2)
          : english.ai().resolved().get(pick % 3));
    }
    return lines;
  }
}
