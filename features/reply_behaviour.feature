@SEVERITY=critical @OWNER=qa-team
Feature: How the AI behaves in a conversation

  Background:
    Given the sessions updated in the last 7 days

  Scenario: Every customer gets an answer
    Then every session with a customer message has an AI reply

  Scenario: The AI answers fast
    Then the AI answers the first customer message within 30 seconds in at least 95% of sessions

  Scenario: The AI does not loop
    Then no AI reply is sent twice in a row in the same session

  @SEVERITY=normal
  Scenario: Conversations get to the point
    Then no session has more than 12 customer messages
