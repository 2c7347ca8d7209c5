package io.konvoqa.steps;

import io.cucumber.java.en.Given;
import io.konvoqa.gate.ConfigurationException;
import io.konvoqa.gate.TriggerPhrase;
import io.konvoqa.run.GateRun;
import io.konvoqa.session.Timestamps;
import io.konvoqa.session.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Choosing the sessions: the window, then filters that combine. */
public final class SessionSteps {
  private final ScenarioSessions sessions;

  public SessionSteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Given("the sessions updated in the last {duration}")
  public void inTheLast(Duration duration) {
    sessions.lastDuration(duration);
  }

  @Given("the sessions updated between {string} and {string}")
  public void between(String from, String to) {
    sessions.window(new Window(instant(from, false), instant(to, true)));
  }

  @Given("only sessions on channel {string}")
  public void onChannel(String channels) {
    sessions.choose(s -> s.onChannels(channels));
  }

  @Given("only completed sessions")
  public void completed() {
    sessions.choose(s -> s.completedOnly());
  }

  @Given("only sessions older than {duration}")
  public void olderThan(Duration age) {
    sessions.choose(s -> s.olderThan(age, GateRun.current().now()));
  }

  @Given("only sessions with sub_intent_type {string}")
  public void withSubIntentType(String subIntentType) {
    sessions.choose(s -> s.withSubIntentType(subIntentType));
  }

  @Given("only sessions whose first customer message contains {string}")
  public void firstMessageContains(String phrase) {
    TriggerPhrase trigger = TriggerPhrase.parse(phrase);
    sessions.choose(s -> s.firstCustomerMessageMatching(trigger, GateRun.current().settings().roles()));
  }

  @Given("at least {int} sessions are needed")
  public void minimumSample(int minimum) {
    sessions.minimumSample(minimum);
  }

  /** An ISO date (a whole day: its start, or its end for the window's end) or an instant. */
  static Instant instant(String text, boolean endOfDay) {
    String trimmed = text.trim();
    try {
      if (trimmed.length() == 10) {
        LocalDate date = LocalDate.parse(trimmed);
        return endOfDay
            ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
            : date.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Timestamps.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new ConfigurationException("'" + text + "' is not an ISO date or instant: write it like"
          + " \"2026-11-20\" or \"2026-11-20T08:00:00Z\"");
    }
  }
}
