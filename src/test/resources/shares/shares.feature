Feature: Thresholded shares, totals, volume and any customer message

  Background:
    Given the sessions updated in the last 7 days

  Scenario: a few long conversations are tolerated
    Then at most 5% of sessions have more than 8 customer messages

  Scenario: too many long conversations
    Then at most 2% of sessions have more than 8 customer messages

  Scenario: long conversations, shown to be rare
    Then at most 5% of sessions have more than 8 customer messages with 95% confidence

  Scenario: stalling replies, as a pattern
    Then at most 1% of sessions have an AI reply matching "/let me (check|see)/"

  Scenario: stalling replies, as text
    Then at most 2% of sessions have an AI reply containing "Let me check"

  Scenario: no session runs past twenty messages
    Then no session has more than 20 messages

  Scenario: no session runs past thirty messages
    Then no session has more than 30 messages

  Scenario: no session lasts half an hour
    Then no session lasts longer than 30 minutes

  Scenario: traffic of the last day
    Then at least 100 sessions were updated in the last 24 hours

  Scenario: traffic dropped
    Then at least 500 sessions were updated in the last 24 hours

  Scenario: traffic of one channel dropped
    Given only sessions on channel "whatsapp"
    Then at least 80 sessions were updated in the last 24 hours

  Scenario: the volume step leaves the scenario's window to its other gates
    Then at least 100 sessions were updated in the last 24 hours
    And the unresolved rate is at most 15%

  Scenario: customers who ask again
    Given only sessions where a customer message contains "/third time|dritte mal/"
    And at least 1 sessions are needed
    Then no AI reply contains "Zalando"
