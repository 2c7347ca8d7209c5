Feature: Baseline gates against the blessed baseline (KONVO_BASELINE)

  Scenario: The unresolved rate has not risen
    Given the sessions updated in the last 7 days
    And the blessed baseline
    Then the unresolved rate has not risen by more than 2% points over the baseline

  Scenario: The sub_intent_types have not drifted
    Given the sessions updated in the last 7 days
    And the blessed baseline
    Then the sub_intent_type distribution has not drifted more than 10% from the baseline, noise included

  Scenario: Routing has not got worse
    Given the sessions updated in the last 7 days
    And the blessed baseline
    And the trigger phrases:
      | trigger phrase    | sub_intent_type |
      | zurücksenden      | RETURN_REQUEST  |
      | where is my order | ORDER_STATUS    |
    Then routing accuracy per trigger phrase has not dropped below the baseline
