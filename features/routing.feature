@SEVERITY=critical @OWNER=qa-team
Feature: Routing of trigger phrases
  Production sessions carry no labels, but a customer who writes "where is my order" wants
  ORDER_STATUS. Trigger phrases in the first customer message stand in for labels; each phrase
  is judged on its own, and the report shows what the AI routed each one to.

  Background:
    Given the sessions updated in the last 7 days

  Scenario: English trigger phrases reach the right skill
    Then trigger phrases route to these sub_intent_types:
      | trigger phrase     | sub_intent_type | at least |
      | where is my order  | ORDER_STATUS    | 95%      |
      | I want to return   | RETURN_REQUEST  | 95%      |
      | refund             | REFUND          | 80%      |
      | cancel my order    | CANCEL_ORDER    | 95%      |
      | discount code      | DISCOUNT_CODE   | 95%      |

  Scenario: German trigger phrases reach the right skill
    Then trigger phrases route to these sub_intent_types:
      | trigger phrase                  | sub_intent_type | at least |
      | wo ist meine bestellung         | ORDER_STATUS    | 95%      |
      | /zurücksenden\|rücksendung/     | RETURN_REQUEST  | 90%      |
      | /stornieren\|nicht verschicken/ | CANCEL_ORDER    | 95%      |

  Scenario: German return requests are recognised as returns
    Then sessions whose first customer message contains "Rücksendung" have sub_intent_type "RETURN_REQUEST" in at least 90% of cases
