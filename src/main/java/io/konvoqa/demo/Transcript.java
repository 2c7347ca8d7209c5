package io.konvoqa.demo;

import io.konvoqa.demo.Customers.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out one session's transcript: who says what, and when (milliseconds after it started).
 *
 * <p>The AI answers every customer message, and nobody says the same thing twice in a session, so
 * healthy data has no loops. After a handover only the human agent answers.
 */
final class Transcript {
  static final String CUSTOMER = "RECIPIENT";
  static final String AI = "AI";
  static final String AGENT = "AGENT";

  /** Customer turns, each entry equally likely: typically 2 to 6, about 4 on average. */
  private static final int[] TURNS = {1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6};
  private static final String[] AGENTS = {"Laura", "Tim", "Sarah", "Mehmet", "Julia"};
  private static final int STORY_PERMILLE = 25;
  private static final int SLOW_PERCENT = 3;
  private static final int QUESTION_PERCENT = 50;
  private static final int MISROUTED_QUESTION_PERCENT = 70;
  private static final long SECOND = 1_000L;
  private static final long MINUTE = 60 * SECOND;

  /** What the session is about; {@code asked} differs from {@code routed} when the AI misroutes. */
  record Plan(Customer customer, Intent asked, Intent routed, boolean open, boolean unresolved,
      String order) {
    boolean misrouted() {
      return asked != routed;
    }
  }

  record Line(String origin, String text, long at) {}

  private final Plan plan;
  private final Phrases phrases;
  private final Customers customers;
  private final SplittableRandom random;
  private final List<Line> lines = new ArrayList<>(12);
  private final List<String> said = new ArrayList<>(8);
  private long at;

  private Transcript(Plan plan, Customers customers, SplittableRandom random) {
    this.plan = plan;
    this.phrases = Phrases.of(plan.customer().german());
    this.customers = customers;
    this.random = random;
  }

  static List<Line> lay(Plan plan, Customers customers, SplittableRandom random) {
    return new Transcript(plan, customers, random).lay();
  }

  private List<Line> lay() {
    // An open session is still going on: a turn or three so far, nobody has said goodbye.
    int turns = plan.open() ? 1 + random.nextInt(3) : TURNS[random.nextInt(TURNS.length)];
    int slowTurn = random.nextInt(100) < SLOW_PERCENT ? random.nextInt(turns) : -1;
    for (int turn = 0; turn < turns; turn++) {
      boolean closing = turn > 0 && turn == turns - 1 && !plan.open();
      boolean question = false;
      if (turn == 0) {
        say(CUSTOMER, opening(), 0);
      } else if (closing) {
        say(CUSTOMER, customerClosing(), customerPause());
      } else {
        question = random.nextInt(100)
            < (plan.misrouted() ? MISROUTED_QUESTION_PERCENT : QUESTION_PERCENT);
        say(CUSTOMER, question ? customerQuestion() : customerDetail(), customerPause());
      }
      if (plan.routed() == Intent.HANDOVER) {
        humanReply(turn, closing);
      } else {
        say(AI, aiReply(turn, closing, question), aiDelay(turn == slowTurn));
      }
    }
    return lines;
  }

  private String opening() {
    String text = fill(Phrases.any(phrases.script(plan.asked()).openings(), random));
    if (random.nextInt(1000) < STORY_PERMILLE) {
      text += fill(Phrases.any(phrases.customer().stories(), random));
    }
    if (!plan.customer().channel().equals("email")) return text;
    return phrases.customer().greeting() + text + fill(phrases.customer().signOff());
  }

  /** A misunderstood customer asks again what they asked at first. */
  private String customerQuestion() {
    var customer = phrases.customer();
    if (plan.misrouted()) return fresh(customer.insist(), customer.questions());
    return fresh(customer.questions(), customer.details());
  }

  private String customerDetail() {
    return fresh(phrases.customer().details(), phrases.customer().questions());
  }

  private String customerClosing() {
    var pool = plan.unresolved() ? phrases.customer().complaints() : phrases.customer().thanks();
    return Phrases.any(pool, random);
  }

  /** Questions get the intent's follow-ups, information gets an acknowledgement. */
  private String aiReply(int turn, boolean closing, boolean question) {
    var ai = phrases.ai();
    var script = phrases.script(plan.routed());
    if (turn == 0) return fresh(script.answers());
    if (!closing) {
      return question
          ? fresh(script.followUps(), ai.middle())
          : fresh(ai.middle(), script.followUps());
    }
    if (plan.unresolved()) return fresh(ai.unresolved());
    return plan.misrouted() ? fresh(List.of(ai.returnsLink())) : fresh(ai.resolved());
  }

  private void humanReply(int turn, boolean closing) {
    var agent = phrases.agent();
    if (turn == 0) {
      say(AI, fresh(phrases.ai().handover()), aiDelay(false));
      say(AGENT, fresh(agent.intro()), 2 * MINUTE + random.nextLong(10 * MINUTE));
    } else {
      var pool = !closing ? agent.middle()
          : plan.unresolved() ? agent.unresolved() : agent.resolved();
      say(AGENT, fresh(pool), MINUTE + random.nextLong(5 * MINUTE));
    }
  }

  /** A line from the first pool not yet said in this session, else from the next pool. */
  @SafeVarargs
  private String fresh(List<String>... pools) {
    for (List<String> pool : pools) {
      int start = random.nextInt(pool.size());
      for (int i = 0; i < pool.size(); i++) {
        String text = fill(pool.get((start + i) % pool.size()));
        if (!said.contains(text)) {
          said.add(text);
          return text;
        }
      }
    }
    throw new IllegalStateException("every line for " + plan.routed() + " was already said: "
        + said + "; add lines to the pools");
  }

  private String fill(String template) {
    if (template.indexOf('{') < 0) return template;
    String text = template.replace("{order}", plan.order());
    Customer customer = plan.customer();
    if (text.contains("{email}")) text = text.replace("{email}", customer.email());
    if (text.contains("{phone}")) {
      text = text.replace("{phone}", customers.phone(customer.german()));
    }
    if (text.contains("{name}")) text = text.replace("{name}", customer.name());
    if (text.contains("{agent}")) {
      text = text.replace("{agent}", AGENTS[random.nextInt(AGENTS.length)]);
    }
    return text;
  }

  private void say(String origin, String text, long delay) {
    at += delay;
    lines.add(new Line(origin, text, at));
  }

  private long customerPause() {
    return plan.customer().channel().equals("email")
        ? 10 * MINUTE + skewed(170 * MINUTE)
        : 15 * SECOND + skewed(225 * SECOND);
  }

  /** Mostly 2 to 20 seconds; a slow reply takes one to three minutes. */
  private long aiDelay(boolean slow) {
    return slow ? MINUTE + random.nextLong(2 * MINUTE) : 2 * SECOND + skewed(18 * SECOND);
  }

  /** Below the bound, short values more likely than long ones. */
  private long skewed(long bound) {
    return Math.min(random.nextLong(bound), random.nextLong(bound));
  }
}
