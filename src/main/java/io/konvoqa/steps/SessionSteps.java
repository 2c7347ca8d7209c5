package io.konvoqa.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.Durations;
import io.konvoqa.gate.TriggerPhrase;
import io.konvoqa.gate.VolumeGates;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Choosing the sessions: the window, then filters that combine. */
public final class SessionSteps {
  private final ScenarioSessions sessions;

  public SessionSteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(group = "Choosing the sessions",
      example = "Given the sessions updated in the last 7 days",
      semantics = "The window: sessions whose `status.last_updated` (else `created_at`) lies in the last {duration} before now, both ends included. \"Now\" is fixed once per run (under `KONVO_DATA`, the end of the window the snapshot recorded; a window it does not hold cannot be judged), so every scenario asking for the same window shares one fetch.")
  @Given("the sessions updated in the last {duration}")
  public void inTheLast(Duration duration) {
    sessions.lastDuration(duration);
  }

  @Doc(group = "Choosing the sessions",
      example = "Given the sessions updated between \"2026-11-20\" and \"2026-11-26\"",
      semantics = "The window between two ISO dates or instants, both ends included. A date alone means the start of that day (UTC) as the first argument and the end of that day as the second. A window that ends before it starts is a configuration error.")
  @Given("the sessions updated between {string} and {string}")
  public void between(String from, String to) {
    sessions.window(new Window(instant(from, false), instant(to, true)));
  }

  @Doc(group = "Choosing the sessions",
      example = "Given only sessions on channel \"whatsapp, email\"",
      semantics = "Keeps sessions on any of the channels named (a comma list), case-insensitively. A channel no session has but one close to it does (\"whatsap\") is a configuration error that names the channel meant.")
  @Given("only sessions on channel {string}")
  public void onChannel(String channels) {
    sessions.choose(s -> s.onChannels(channels));
  }

  @Doc(group = "Choosing the sessions",
      example = "Given only completed sessions",
      semantics = "Keeps sessions whose `status.completed` is true.")
  @Given("only completed sessions")
  public void completed() {
    sessions.choose(s -> s.completedOnly());
  }

  @Doc(group = "Choosing the sessions",
      example = "Given only sessions older than 24 hours",
      semantics = "Maturity: keeps sessions last updated more than {duration} before now, so that sessions that may still get answers are not judged on their outcome yet.")
  @Given("only sessions older than {duration}")
  public void olderThan(Duration age) {
    sessions.choose(s -> s.olderThan(age, sessions.source().now()));
  }

  @Doc(group = "Choosing the sessions",
      example = "Given only sessions with sub_intent_type \"REFUND\"",
      semantics = "Keeps sessions whose `state.sub_intent_type` equals the value, case-insensitively. A misspelt value close to one the window holds is a configuration error.")
  @Given("only sessions with sub_intent_type {string}")
  public void withSubIntentType(String subIntentType) {
    sessions.choose(s -> s.withSubIntentType(subIntentType));
  }

  @Doc(group = "Choosing the sessions",
      example = "Given only sessions whose first customer message contains \"refund\"",
      semantics = "Keeps sessions whose first customer message contains the trigger phrase (or matches it, written `/regex/`). A session whose first customer message came without text cannot be decided: it is left out and counted among the sessions the gate cannot see as they are (see above), so a gate that could end otherwise with them cannot judge.")
  @Given("only sessions whose first customer message contains {string}")
  public void firstMessageContains(String phrase) {
    TriggerPhrase trigger = TriggerPhrase.parse(phrase);
    sessions.choose(s -> s.firstCustomerMessageMatching(trigger, sessions.context().settings().roles()));
  }

  @Doc(group = "Choosing the sessions",
      example = "Given only sessions where a customer message contains \"/refund|rückerstattung/\"",
      semantics = "Keeps sessions in which any customer message, not only the first, contains the trigger phrase (or matches it, written `/regex/`). A session none of whose customer messages is known to hold it, but with a customer message that came without text or a message of unknown writer that came without text or holds it, cannot be decided: it is left out and counted among the sessions the gate cannot see as they are.")
  @Given("only sessions where a customer message contains {string}")
  public void anyCustomerMessageContains(String phrase) {
    TriggerPhrase trigger = TriggerPhrase.parse(phrase);
    sessions.choose(s -> s.anyCustomerMessageMatching(trigger, sessions.context().settings().roles()));
  }

  @Doc(group = "Traffic",
      example = "Then at least 500 sessions were updated in the last 24 hours",
      semantics = "Volume as a gate: a drop in traffic is often the first sign that the AI or its channel broke. Counts the sessions whose `status.last_updated` (else `created_at`) lies in the last {duration} before the run's now, both ends included, and that the scenario's `Given only ...` filters keep (so `Given only sessions on channel \"whatsapp\"` makes it the volume of one channel); breached when fewer came, none at all included. The step counts over its own window: a window the scenario chose is left to its other gates, and no minimum sample applies. It fails closed: a fetch that failed cannot judge, and when sessions of the window are not seen as they are (not served, undated, served in two conflicting copies) and a count below the number could reach it with them, it cannot judge either; a count at the number passes whatever they are.")
  @Then("at least {int} sessions were updated in the last {duration}")
  public void volume(int minimum, Duration duration) {
    if (minimum < 1) throw new ConfigurationException("the fewest sessions must be at least 1 but was " + minimum);
    String written = Durations.format(duration);
    String last = "in the last " + (written.startsWith("1 ") ? written.substring(2) : written); // "the last day"
    Window chosen = sessions.window();
    sessions.lastDuration(duration);
    try {
      Gatekeeper.enforce(sessions, "at least " + minimum + " sessions were updated in the last " + written,
          () -> VolumeGates.atLeast(minimum, last));
    } finally {
      sessions.window(chosen);
    }
  }

  @Doc(group = "Choosing the sessions",
      example = "Given at least 100 sessions are needed",
      semantics = "Sets this scenario's minimum sample (default 30, `KONVO_MIN_SAMPLE`): a gate over fewer sessions cannot pass (see above for when it is breached all the same).")
  @Given("at least {int} sessions are needed")
  public void minimumSample(int minimum) {
    sessions.minimumSample(minimum);
  }

  /** An ISO date (a whole day: its start, or its end for the window's end) or an instant. */
  static Instant instant(String text, boolean endOfDay) {
    try {
      return Timestamps.parseDateOrInstant(text, endOfDay);
    } catch (DateTimeParseException e) {
      throw new ConfigurationException("'" + text + "' is not an ISO date or instant: write it like"
          + " \"2026-11-20\" or \"2026-11-20T08:00:00Z\"");
    }
  }
}
