@SEVERITY=critical @OWNER=qa-team
Feature: Unresolved rate
  The share of completed sessions the AI left unresolved is the first thing a QA team watches.

  Scenario: The unresolved rate of the last 7 days stays low
    Given the sessions updated in the last 7 days
    Then the unresolved rate is at most 15%
