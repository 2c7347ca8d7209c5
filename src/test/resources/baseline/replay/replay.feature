Feature: Gates whose figures a masked replay must reproduce

  Scenario: Outcomes
    Given the sessions updated in the last 7 days
    Then the unresolved rate is at most 15%
    And the unresolved rate on each channel is at most 20%
    And at most 20% of sessions are handed over to a human agent
    And at most 10% of sessions have sub_intent_type "CONCIERGE"

  Scenario: German return requests are routed to RETURN_REQUEST
    Given the sessions updated in the last 7 days
    Then trigger phrases route to these sub_intent_types:
      | trigger phrase    | sub_intent_type | at least |
      | Rücksendung       | RETURN_REQUEST  | 90%      |
      | zurücksenden      | RETURN_REQUEST  | 90%      |
      | where is my order | ORDER_STATUS    | 90%      |

  Scenario: Replies
    Given the sessions updated in the last 7 days
    Then every session with a customer message has an AI reply
    And no AI reply is sent twice in a row in the same session
