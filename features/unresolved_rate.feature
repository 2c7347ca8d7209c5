@SEVERITY=critical @OWNER=qa-team
Feature: Unresolved rate
  The share of completed sessions the AI left unresolved is the first thing a QA team watches.
  Open sessions are left out (the report says how many), and every figure comes with its
  Wilson 95% interval.

  Background:
    Given the sessions updated in the last 7 days

  Scenario: The unresolved rate of the last 7 days stays low
    Then the unresolved rate is at most 15%

  Scenario: The unresolved rate is low with 95% confidence
    Given only sessions older than 1 hour
    Then the unresolved rate is at most 15% with 95% confidence

  Scenario: No channel is worse than the limit, however small
    Then the unresolved rate on each channel is at most 15%

  @SEVERITY=normal
  Scenario: WhatsApp is not significantly worse than our target
    Given only sessions on channel "whatsapp"
    Then the unresolved rate is not significantly above 12%
