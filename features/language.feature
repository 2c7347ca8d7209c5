@SEVERITY=critical @OWNER=qa-team
Feature: The AI speaks the customer's language
  A German customer answered in English has not been helped. The language of the customer's
  messages and of the AI's replies is detected offline, per session; messages too short to tell
  ("ok", "Danke!") count neither way.

  Background:
    Given the sessions updated in the last 7 days

  Scenario: Customers are answered in their own language
    Then the AI replies in the customer's language in at least 98% of sessions
