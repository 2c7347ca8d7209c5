package io.konvoqa.steps;

import io.cucumber.java.en.Then;
import io.konvoqa.gate.Durations;
import io.konvoqa.gate.Percent;
import io.konvoqa.gate.ReplyTimeGates;
import io.konvoqa.session.Session;
import java.time.Duration;

/** How fast the AI replies, every reply counted: the median and the share within a limit, overall and per channel. */
public final class ReplyTimeSteps {
  private static final String GROUP = "What the AI says and how it behaves";
  private static final String REPLY_TIME = "A reply time is the time from the earliest customer message not yet answered to the next AI message: the customer's wait, counted once however many messages they sent meanwhile. An AI message with nothing waiting (a greeting, a second message in a row) is no reply; a human agent's message answers what waits, so the AI is not charged after a handover; a customer message never answered is no reply (a closing \"thanks\" needs none: `every session with a customer message has an AI reply` catches sessions left without any). The units are replies, not sessions: the minimum sample is of replies. ";
  private static final String FAIL_CLOSED = " Any message without `created_at` in a session with a customer message: data unavailable. A session holding a message whose writer is unknown cannot be timed: its replies are left out, and the gate cannot judge when they could change the verdict.";

  private final ScenarioSessions sessions;

  public ReplyTimeSteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(group = GROUP,
      example = "Then the median AI reply time is at most 5 seconds",
      semantics = REPLY_TIME + "The median is the middle reply time (with an even number, the lower of the two middle ones), so it is at most the limit exactly when at least half the replies came within it; under the minimum sample the gate is breached only when significantly fewer than half did. The report shows the median, the 95th percentile and the slowest reply. Offending sessions: those with a reply over the limit, slowest first, each naming its slowest reply." + FAIL_CLOSED)
  @Then("the median AI reply time is at most {duration}")
  public void median(Duration limit) {
    Gatekeeper.enforce(sessions, "the median AI reply time is at most " + Durations.format(limit),
        () -> ReplyTimeGates.median(limit));
  }

  @Doc(group = GROUP,
      example = "Then 95% of AI replies are sent within 30 seconds",
      semantics = REPLY_TIME + "Passes when at least the percentage of replies came within the duration, judged as a rate (Wilson interval in the report; under the minimum sample breached only when clearly below). Offending sessions: those with a reply over the limit, slowest first, each naming its slowest reply and how many of its replies were late." + FAIL_CLOSED)
  @Then("{percent} of AI replies are sent within {duration}")
  public void within(double atLeast, Duration limit) {
    Gatekeeper.enforce(sessions, Percent.written(atLeast) + " of AI replies are sent within " + Durations.format(limit),
        () -> ReplyTimeGates.within(limit, atLeast));
  }

  @Doc(group = GROUP,
      example = "Then the median AI reply time on each channel is at most 5 seconds",
      semantics = "The median reply time (as above) of each channel on its own, judged as the share of its replies within the limit being at least 50% (the same thing); channels that differ only in case are one. Fails when any channel is over the limit; a channel with fewer replies than the minimum sample is not judged unless significantly fewer than half of them came in time. Offending sessions: those with a reply over the limit on the channels breached.")
  @Then("the median AI reply time on each channel is at most {duration}")
  public void medianPerChannel(Duration limit) {
    Gatekeeper.enforce(sessions, "the median AI reply time on each channel is at most " + Durations.format(limit),
        () -> ReplyTimeGates.medianPerSegment(limit, "channel", Session::channel));
  }

  @Doc(group = GROUP,
      example = "Then 95% of AI replies on each channel are sent within 30 seconds",
      semantics = "The share of AI replies sent within the duration (as above) on each channel on its own, judged as the unresolved rate on each channel is: fails when any channel is below the percentage; a channel with fewer replies than the minimum sample is not judged unless clearly below.")
  @Then("{percent} of AI replies on each channel are sent within {duration}")
  public void withinPerChannel(double atLeast, Duration limit) {
    Gatekeeper.enforce(sessions, Percent.written(atLeast) + " of AI replies on each channel are sent within "
        + Durations.format(limit),
        () -> ReplyTimeGates.withinPerSegment(limit, atLeast, "channel", Session::channel));
  }
}
