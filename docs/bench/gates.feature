# The twenty gates the benchmark times (io.konvoqa.bench.GateSet), as scenarios: used to show
# that one fetch of the window serves every scenario of a run (docs/benchmarks.md).
Feature: Benchmark gates

  Background:
    Given the sessions updated in the last 7 days

  Scenario: Unresolved rate
    Then the unresolved rate is at most 15%

  Scenario: Unresolved rate with confidence
    Then the unresolved rate is at most 15% with 95% confidence

  Scenario: Unresolved rate, noise-tolerant
    Then the unresolved rate is not significantly above 12%

  Scenario: Unresolved rate per channel
    Then the unresolved rate on each channel is at most 20%

  Scenario: Unresolved rate per sub_intent_type
    Then the unresolved rate for each sub_intent_type is at most 25%

  Scenario: Unresolved rate on WhatsApp
    Given only sessions on channel "whatsapp"
    And only completed sessions
    Then the unresolved rate is at most 15%

  Scenario: Unresolved rate of settled sessions
    Given only sessions older than 1 hour
    Then the unresolved rate is at most 15%

  Scenario: Unresolved rate of return requests
    Given only sessions with sub_intent_type "RETURN_REQUEST"
    Then the unresolved rate is at most 15%

  Scenario: Routing table
    Then trigger phrases route to these sub_intent_types:
      | trigger phrase                  | sub_intent_type | at least |
      | where is my order               | ORDER_STATUS    | 90%      |
      | /wo ist (meine\|die) bestellung/ | ORDER_STATUS    | 90%      |
      | I want to return                | RETURN_REQUEST  | 90%      |
      | Rücksendung                     | RETURN_REQUEST  | 90%      |
      | refund                          | REFUND          | 80%      |
      | cancel my order                 | CANCEL_ORDER    | 90%      |
      | payment failed                  | PAYMENT         | 90%      |
      | discount code                   | DISCOUNT_CODE   | 90%      |

  Scenario: German order status
    Then sessions whose first customer message contains "/wo ist (meine|die) bestellung/" have sub_intent_type "ORDER_STATUS" in at least 90% of cases

  Scenario: German return requests stay resolved
    Given only sessions whose first customer message contains "Rücksendung"
    Then the unresolved rate is at most 20%

  Scenario: Forbidden phrases
    Then no AI reply contains any of these phrases:
      | as an AI language model |
      | I am just an AI         |
      | guarantee               |
      | Amazon                  |
      | Zalando                 |

  Scenario: No language-model talk
    Then no AI reply contains "as an AI language model"

  Scenario: Return requests get the returns portal
    Then at least 50% of sessions with sub_intent_type "RETURN_REQUEST" have an AI reply containing "return"

  Scenario: Every customer gets an answer
    Then every session with a customer message has an AI reply

  Scenario: No loops
    Then no AI reply is sent twice in a row in the same session

  Scenario: Reply speed
    Then the AI answers the first customer message within 2 minutes in at least 95% of sessions

  Scenario: The AI gets to the point
    Then no session has more than 10 customer messages

  Scenario: Handover
    Then at most 15% of sessions are handed over to a human agent

  Scenario: Concierge share
    Then at most 10% of sessions have sub_intent_type "CONCIERGE"
