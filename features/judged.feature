@SEVERITY=critical @OWNER=support-lead
Feature: Judged by a language model
  What keywords and metadata cannot see: whether the AI resolved what the customer asked, and
  whether it states the shop's return policy right. A judge (KONVO_JUDGE_URL) grades each session
  against a rubric in rubrics/; a session it could not grade is never a pass.

  Background:
    Given the sessions updated in the last 7 days

  Scenario: Customers get what they asked for
    Given only completed sessions
    And a random sample of 200 sessions
    Then at least 90% of sessions pass the rubric "resolution"

  Scenario: The AI states the 14-day return policy
    Given only sessions whose first customer message contains "return"
    Then no session fails the rubric "return-policy"
