Feature: Baseline gates against an earlier window and a named snapshot

  Scenario: The unresolved rate against the week before
    Given the sessions updated in the last 7 days
    And the baseline window from "2026-11-13" to "2026-11-19"
    Then the unresolved rate has not risen by more than 2% points over the baseline

  Scenario: The sub_intent_types against the week before
    Given the sessions updated in the last 7 days
    And the baseline window from "2026-11-13" to "2026-11-19"
    Then the sub_intent_type distribution has not drifted more than 10% from the baseline, noise included

  Scenario: Against a named snapshot, after the absolute routing gate
    Given the sessions updated in the last 7 days
    And the baseline snapshot "src/test/resources/baseline/baseline-same.json.gz"
    Then trigger phrases route to these sub_intent_types:
      | trigger phrase    | sub_intent_type | at least |
      | zurücksenden      | RETURN_REQUEST  | 50%      |
      | where is my order | ORDER_STATUS    | 95%      |
    And routing accuracy per trigger phrase has not dropped below the baseline
