Feature: The AI replies in the customer's language

  Background:
    Given the sessions updated in the last 7 days
    And at least 20 sessions are needed

  Scenario: every customer on webchat is answered in their own language
    Given only sessions on channel "webchat"
    Then the AI replies in the customer's language in at least 98% of sessions

  Scenario: German customers on e-mail are answered in English
    Given only sessions on channel "email"
    Then the AI replies in the customer's language in at least 98% of sessions

  Scenario: customers on whatsapp write too little to tell
    Given only sessions on channel "whatsapp"
    Then the AI replies in the customer's language in at least 98% of sessions
