package io.konvoqa.steps;

import io.cucumber.java.en.Then;
import io.konvoqa.gate.LanguageGates;
import io.konvoqa.gate.Percent;

/** The language the AI answers in: the customer's own. */
public final class LanguageSteps {
  private final ScenarioSessions sessions;

  public LanguageSteps(ScenarioSessions sessions) {
    this.sessions = sessions;
  }

  @Doc(group = "What the AI says and how it behaves",
      example = "Then the AI replies in the customer's language in at least 98% of sessions",
      semantics = "Among sessions with both customer and AI text, the share whose AI replies are in the language the customer wrote in must be at least the percentage."
          + " Languages are detected offline with Apache OpenNLP (model langdetect-183, 103 languages): the customer's from all their messages of the session together, the AI's from all its replies together (the first 300 characters of each), so a closing \"ok\" does not decide it."
          + " A text of fewer than 2 words or 12 letters is unknown, never a guess (\"ok\", \"Danke!\", \"alles klar\"), and so is one whose likeliest language is less than 1.1 times as likely as the next unless it holds at least 4% of the model's probability (four times an even share)."
          + " A session whose customer or AI language is unknown is neither a pass nor a breach: it is left out of the share and counted under \"language unknown\"; the minimum sample applies to the sessions whose languages are known, and when more than half of the sessions are of unknown language the gate cannot judge (the customers who write more are no fair sample of the rest)."
          + " A message without text or without a known writer makes its session not seen as it is, as in the other gates on messages."
          + " Each offending session names both languages: \"customer wrote German (de), AI replied English (en)\"."
          + " Measured (LanguageAccuracyTest) on 260 short chat messages of a web shop's support written for it, 128 English and 132 German, from \"ok\" to 22 words: of the 180 whose language was told, all 180 were right (100.0%; English 87 of 87, German 93 of 93); 80 (30.8%) were unknown (English 41 of 128, 32.0%; German 39 of 132, 29.5%), most of them three words or fewer."
          + " On the demo workspace, whose sessions hold several messages each, 10 of 2,000 sessions (0.5%) were of unknown language."
          + " Detection costs about 0.35 ms of CPU per session, and reading the model about 0.6 s once per run (`java -jar target/konvo-qa.jar bench --language`, docs/benchmarks.md).")
  @Then("the AI replies in the customer's language in at least {percent} of sessions")
  public void inCustomerLanguage(double atLeast) {
    Gatekeeper.enforce(sessions, "the AI replies in the customer's language in at least " + Percent.written(atLeast)
        + " of sessions", () -> LanguageGates.inCustomerLanguage(atLeast));
  }
}
