package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.konvoqa.gate.Offender;
import io.konvoqa.gate.Outcome;
import io.konvoqa.gate.Verdict;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.report.render.TranscriptOptions;
import io.konvoqa.session.Session;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConversationsPageTest {
  private final Privacy privacy = Privacy.masking(Salt.of("test-salt", "demo"));

  private static Verdict breached(String gate, List<Offender> offenders) {
    return Verdict.of(gate, Outcome.BREACHED, "too many").offenders(offenders).build();
  }

  private static Session on(String id, String channel) {
    Session s = Fixtures.session(id, Fixtures.WHATSAPP_ID, "Hallo, meine Nummer ist " + Fixtures.PHONE, "Danke");
    return new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), channel,
        s.createdAt(), s.status(), s.state(), s.messages());
  }

  @Test void aSessionThatBreaksSeveralGatesIsOneRowNamingThemAll() {
    Session s1 = on("s-1", "whatsapp"), s2 = on("s-2", "web"), s3 = on("s-3", "whatsapp");
    Conversations conversations = new Conversations(10, null);
    conversations.add("Returns", breached("gate A", List.of(new Offender("s-1", "reason A1"), new Offender("s-2", "reason A2"))),
        Fixtures.sample(s1, s2, s3), privacy);
    conversations.add("Routing", breached("gate B", List.of(new Offender("s-1", "reason B1"), new Offender("s-3", "reason B3"))),
        Fixtures.sample(s1, s2, s3), privacy);
    conversations.add("Passing", Verdict.of("gate C", Outcome.PASSED, "fine")
        .offenders(List.of(new Offender("s-2", "not a failing gate"))).build(), Fixtures.sample(s1, s2, s3), privacy);

    assertThat(conversations.rows()).extracting(Conversations.Row::sessionId).containsExactly("s-1", "s-2", "s-3");
    Conversations.Row first = conversations.rows().get(0);
    assertThat(first.broken()).containsExactly(new Conversations.Broken("Returns", "gate A", "reason A1"),
        new Conversations.Broken("Routing", "gate B", "reason B1"));
    assertThat(first.channel()).isEqualTo("whatsapp");
    assertThat(first.subIntentType()).isEqualTo("WISMO");
    assertThat(first.createdAt()).isEqualTo(Fixtures.T0);
    String html = ConversationsPage.html(conversations);
    assertThat(count(html, "<tbody class=\"s")).isEqualTo(3);
    assertThat(html).contains("<tbody class=\"s g1 g2 c2\">", "<tbody class=\"s g1 c1\">", "<tbody class=\"s g2 c2\">")
        .contains("<label for=\"gate-1\">Returns: gate A <span class=\"n\">2</span></label>",
            "<label for=\"gate-2\">Routing: gate B <span class=\"n\">2</span></label>",
            "<label for=\"channel-1\">web <span class=\"n\">1</span></label>",
            "<label for=\"channel-2\">whatsapp <span class=\"n\">2</span></label>")
        .doesNotContain("gate C", "not a failing gate");
  }

  @Test void theFiltersAreCssRulesOverIndicesAndSayWhenNothingMatches() {
    Session web = on("s-web", "web"), app = on("s-app", "whatsapp");
    Conversations conversations = new Conversations(10, null);
    conversations.add("S", breached("only web", List.of(new Offender("s-web", "r"))), Fixtures.sample(web, app), privacy);
    conversations.add("S", breached("only app", List.of(new Offender("s-app", "r"))), Fixtures.sample(web, app), privacy);
    String html = ConversationsPage.html(conversations);
    assertThat(html).contains("body:has(#gate-1:checked) tbody.s:not(.g1){display:none}",
        "body:has(#channel-2:checked) tbody.s:not(.c2){display:none}",
        "body:has(#gate-1:checked):has(#channel-2:checked) .none{display:block}",
        "body:has(#gate-2:checked):has(#channel-1:checked) .none{display:block}")
        .doesNotContain("body:has(#gate-1:checked):has(#channel-1:checked) .none",
            "body:has(#gate-0:checked):has(#channel-0:checked) .none", "<script");
  }

  @Test void hostileStringsAreEscapedEverywhere() {
    Conversations conversations = new Conversations(10,
        new TranscriptOptions(null, "https://dash.example/s/{id}"));
    for (String hostile : Fixtures.HOSTILE) {
      Session s = Fixtures.session(hostile, Fixtures.WEB_ID, hostile, hostile);
      s = new Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(), s.externalUserId(), hostile,
          s.createdAt(), s.status(), s.state(), s.messages());
      conversations.add(hostile, breached(hostile, List.of(new Offender(hostile, hostile))), Fixtures.sample(s), privacy);
    }
    String html = ConversationsPage.html(conversations);
    assertThat(html).doesNotContain("<script", "<img", "<svg")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
        .contains("https://dash.example/s/%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
    assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
  }

  @Test void transcriptsAreMaskedAndOnlyTheFirstOfEachGateAreRendered() {
    Session s1 = Fixtures.session("s-1", Fixtures.WHATSAPP_ID, "ruf an: " + Fixtures.PHONE, "mail: " + Fixtures.EMAIL);
    Session s2 = Fixtures.session("s-2", Fixtures.WHATSAPP_ID, "ruf an: " + Fixtures.PHONE, "mail: " + Fixtures.EMAIL);
    Conversations conversations = new Conversations(1, null);
    io.konvoqa.gate.Sample sample = Fixtures.sample(s1, s2);
    Verdict verdict = breached("g", List.of(new Offender("s-1", "r " + Fixtures.PHONE), new Offender("s-2", "r")));
    conversations.add("S", privacy.mask(verdict, sample), sample, privacy); // as the Gatekeeper does
    String html = ConversationsPage.html(conversations);
    assertThat(html).doesNotContain(Fixtures.PHONE, Fixtures.EMAIL, Fixtures.WHATSAPP_ID, "4242")
        .contains("ruf an: ");
    assertThat(count(html, "<details>")).isEqualTo(1);
    assertThat(html).contains("Transcript not included: only the first 1 offending sessions of each gate get one"
        + " (KONVO_TRANSCRIPTS=1)");
  }

  @Test void aSessionMissingFromTheSampleSaysWhy() {
    Conversations conversations = new Conversations(10, null);
    conversations.add("S", breached("g", List.of(new Offender("gone", "r"))), null, privacy);
    assertThat(ConversationsPage.html(conversations))
        .contains("Transcript not included: the session was not in the gate&#39;s sample")
        .contains("<span class=\"missing\">not sent</span>");
  }

  @Test void aRunWithoutOffendersSaysSo() {
    assertThat(ConversationsPage.html(new Conversations(10, null)))
        .contains("No failing gate named an offending session in this run.").doesNotContain("<tbody");
  }

  @Test void theSummaryNamesThePageOnlyWhenAFailingGateNamedSessions() {
    ScenarioResult failing = new ScenarioResult("S", "f.feature", List.of(), List.of(
        breached("g", List.of(new Offender("s-1", "r"), new Offender("s-2", "r"))),
        breached("h", List.of(new Offender("s-1", "r")))), ScenarioResult.Status.FAILED, null, null);
    ScenarioResult passing = new ScenarioResult("P", "f.feature", List.of(), List.of(
        Verdict.of("g", Outcome.PASSED, "fine").offenders(List.of(new Offender("s-9", "r"))).build()),
        ScenarioResult.Status.PASSED, null, null);

    assertThat(Summary.of(List.of(failing, passing)).render(null, "r/index.html", "r/conversations.html"))
        .endsWith("Report: r/index.html\nConversations (2 offending sessions): r/conversations.html\n");
    assertThat(Summary.of(List.of(passing)).render(null, "r/index.html", "r/conversations.html"))
        .endsWith("Report: r/index.html\n").doesNotContain("Conversations");
    assertThat(Executor.json(2)).contains("\"buildName\": \"Conversations: 2 offending sessions\", "
        + "\"buildUrl\": \"../conversations.html\"");
    assertThat(Executor.json(0)).doesNotContain("onversations");
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
