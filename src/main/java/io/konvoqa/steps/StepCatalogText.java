package io.konvoqa.steps;

/** The prose of docs/steps.md around the steps: how arguments and verdicts work, and which claim to choose. */
final class StepCatalogText {
  private StepCatalogText() {}

  static final String PREAMBLE = """
      ## Arguments and verdicts

      - `{percent}` is written `15%` or `12.5%` (0% to 100%); `{duration}` is `90 seconds`,
        `10 minutes`, `24 hours`, `7 days` or `2 weeks`. Anything else ("15 percent", "15 %") fails the
        step with a message that says how to write it.
      - A step no gate reads fails as undefined and names the closest existing steps, matched by
        meaning as well as spelling ("handover", "handed over" and "human agent" are one meaning;
        so are "replies", "answers" and "responds"). A `should` phrasing ("should be at most 15%")
        is refused with the exact wording to write instead ("is at most 15%").
      - Every example below is written exactly as a feature file holds it (a test runs each one): a
        regular expression's `\\b` has one backslash, a `|` inside a table cell is written `\\|`.
      - A trigger phrase matches the first customer message (any customer message in `only sessions
        where a customer message contains`), case-insensitively, anywhere in it. Written
        between slashes (`/wo ist (meine|die) bestellung/`) it is a Java regular expression, also
        case-insensitive; inside a table cell write `|` as `\\|`.
      - Channels and sub_intent_types are compared ignoring case everywhere: in filters, per-segment
        gates, routing and drift. `WhatsApp` and `whatsapp` are one channel, shown in the spelling
        most sessions use.
      - Every gate ends in one of: **passed**; **gate breached** (the AI misbehaved); or **could not
        judge**, with the reason: *insufficient data* (no sessions, fewer than the minimum sample, a
        trigger phrase that matched nothing), *data unavailable* (a failed fetch, a window a snapshot
        does not hold, sessions without the `status`, `state` or `messages`
        the gate needs, no message from the role a gate is about because its `initiator_origin` is
        not mapped: see `KONVO_ROLES`; sessions the run cannot see as they are, below), or
        *configuration error* (a malformed argument, a misspelt channel or sub_intent_type, a bad
        key). Only passed passes.
      - Sessions a gate cannot see as they are: sessions of the window the API did not serve, served
        without a timestamp or in two conflicting copies, or may have skipped while the window changed
        during paging (every verdict's completeness figure names them), and messages the gate must read that came without text
        (`"message": null`, the text under another field name, a `null` entry in the messages array:
        a phrase cannot be looked for in a text that is not there), and a message that holds a
        forbidden phrase but came without its `initiator_origin` (it may be the AI's). A gate that allows no offender
        (`no AI reply contains ...`) cannot pass while any is unknown; an offender it found is a
        breach all the same. A rate gate cannot judge when its verdict would differ if every unknown
        session counted (were unresolved, say), or if none did; per-segment, routing and baseline
        gates ask the same of each segment, phrase and side. The reason says how many sessions and
        messages, and that the verdict could change.
      - The minimum sample (default 30, `KONVO_MIN_SAMPLE` or `Given at least N sessions are needed`)
        applies to the sessions chosen and to the population a rate is computed over (the completed
        sessions of an unresolved rate, each channel of a per-channel gate, each trigger phrase of a
        routing gate, either side of a baseline gate). A population under it cannot pass: it is not
        judged, unless it misses the limit beyond doubt, which is a breach ("email 100.0% of 29,
        significantly above 15% even with few sessions"): its Wilson interval at the claim's level lies
        wholly beyond the limit, and an exact binomial test agrees (with a handful of sessions the
        Wilson interval alone would call one unresolved session of one significant). A gate that
        allows no offender is breached by any offender it finds, however few the sessions.
      - Wilson intervals are two-sided at the stated confidence (95% unless a step says otherwise); a
        reason quotes the interval at the claim's own confidence. Limits and confidences are shown
        as written (`15%`, `99.95%`); a measured figure gets as many decimals as it takes to tell it
        from its limit (`15.04%` against `15%`, never `15.0%`).

      """;

  static final String CHOOSING_A_CLAIM = """
      ## Choosing a claim

      How often a gate breaches although nothing is wrong, and how often it sees a real problem,
      measured by a seeded simulation of the gates' own code (`ClaimSimulation` in the tests; rerun
      it with `java -cp target/test-classes:target/classes:... io.konvoqa.gate.ClaimSimulation`).

      Unresolved rate, 200 completed sessions per channel, limit 15%; every channel's true rate at
      the limit (15%) or well below it (10%); 100,000 simulated windows each:

      | claim | 1 channel at 15% | 4 channels at 15% | 1 channel at 10% | 4 channels at 10% |
      | --- | --- | --- | --- | --- |
      | at most 15% | 45.4% | 90.9% | 0.9% | 3.6% |
      | at most 15% with 95% confidence | 97.4% | 100.0% | 44.2% | 90.3% |
      | not significantly above 15% | 3.3% | 3.5% | 0.0% | 0.0% |

      - `is at most 15%` compares the rate itself. A rate sitting at the limit breaches about half
        the time, and on four channels one of them breaches nearly always: the plain claim flaps by
        design. Use it for a ceiling you want to hear about early, with the limit set above the rate
        you expect.
      - `is at most 15% with 95% confidence` passes only when the data shows the rate below the
        limit: a rate a third below it still breaches nearly half the time at 200 sessions. Use it
        to prove a rate is low, with many sessions.
      - `is not significantly above 15%` breaches only when the data shows the rate above the
        limit: a false alarm in about 3% of windows at the limit, and, with the Holm correction of
        `on each channel is not significantly above`, about the same for four channels together.
        Use it for gates that must not flap.

      sub_intent_type drift, 8 sub_intent_types, limit 10%; no true drift, or a true drift of 20%
      (twice the limit); 10,000 simulated pairs of windows each (2,000 at 1,000 sessions):

      | sessions a side | default, no drift | noise included, no drift | default, 20% drift | noise included, 20% drift |
      | --- | --- | --- | --- | --- |
      | 30 | 0.2% | 98.1% | 8.3% | 100.0% |
      | 100 | 0.1% | 81.7% | 34.3% | 100.0% |
      | 200 | 0.0% | 45.0% | 69.2% | 100.0% |
      | 1000 | 0.0% | 0.0% | 100.0% | 100.0% |

      - `has not drifted more than 10% from the baseline` breaches only when the drift is
        significantly more than allowed: it almost never raises a false alarm, and needs a few
        hundred sessions a side to see a drift of twice the limit.
      - `..., noise included` compares the measured distance itself: under about 1,000 sessions a
        side it breaches on noise alone. Use it only for large windows.

      """;
}
