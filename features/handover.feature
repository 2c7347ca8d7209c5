@SEVERITY=normal @OWNER=support-lead
Feature: Handover and fallback
  The AI should solve most conversations itself, and fall back to the general CONCIERGE skill
  only for questions no other skill covers.

  Background:
    Given the sessions updated in the last 7 days

  Scenario: Few sessions go to a human agent
    Then at most 10% of sessions are handed over to a human agent

  Scenario: The fallback skill stays a fallback
    Then at most 12% of sessions have sub_intent_type "CONCIERGE"

  Scenario: English return requests get a return label
    Given only sessions whose first customer message contains "return"
    Then at least 90% of sessions with sub_intent_type "RETURN_REQUEST" have an AI reply containing "return label"
