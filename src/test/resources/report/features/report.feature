@SEVERITY=critical @OWNER=qa-team
Feature: Report end to end
  Hostile text and personal data in every session: the report must show it as text, masked.

  Background:
    Given the sessions updated in the last 7 days
    And at least 3 sessions are needed

  Scenario: The AI never promises a refund
    Then no AI reply contains "refund"

  Scenario: The AI never guarantees anything
    Then no AI reply contains "guaranteed"

  Scenario: The unresolved rate stays low
    Then the unresolved rate is at most 15%

  Scenario: Trigger phrases route as expected
    Then trigger phrases route to these sub_intent_types:
      | trigger phrase    | sub_intent_type | at least |
      | where is my order | WISMO           | 90%      |
      | return            | RETURN_REQUEST  | 90%      |

  Scenario: The unresolved rate stays low on each channel
    Then the unresolved rate on each channel is at most 40%
