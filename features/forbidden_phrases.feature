@SEVERITY=blocker @OWNER=brand-team
Feature: What the AI must never say
  One bad reply in front of a customer is one too many: these gates allow none.

  Background:
    Given the sessions updated in the last 7 days

  Scenario: The AI never talks about itself as a language model
    Then no AI reply contains "as an AI language model"

  Scenario: The AI never promises what we cannot keep
    Then no AI reply matches "/\bguarantee(d|s)?\b/"

  Scenario: The AI never names a competitor
    Then no AI reply contains any of these phrases:
      | Amazon   |
      | Zalando  |
      | Otto.de  |
