package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.konvoqa.session.Message;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionState;
import io.konvoqa.session.SessionStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {
  private static final Instant T0 = Instant.parse("2026-02-25T16:46:34.206Z");
  private static final TranscriptOptions NO_LINK = TranscriptOptions.defaults();

  private static Session conversation() {
    return new Session("s-42", "w-1", "f-1", "c-1", "customer-7f3a9c01b2", "whatsapp", T0,
        new SessionStatus("s-42", true, true, T0.plusSeconds(600), T0.plusSeconds(500), T0),
        new SessionState("s-42", "support", "WISMO", List.of("{\"step\":\"lookup\",\"ok\":true}")),
        List.of(
            new Message("m1", "s-42", "RECIPIENT", "Where is order #10423?", T0),
            new Message("m2", "s-42", "AI", "Let me check.", T0.plusSeconds(12)),
            new Message("m3", "s-42", "RECIPIENT", "Still waiting", T0.plusSeconds(60)),
            new Message("m4", "s-42", "AGENT", "I am Jana from support.", T0.plusSeconds(240)),
            new Message("m5", "s-42", "WEBHOOK", "ticket created", T0.plusSeconds(241))));
  }

  @Test void textShowsRolesTimesAndReplyDelays() {
    String text = Transcript.text(conversation(), null, NO_LINK);

    assertThat(text).isEqualTo("""
        Session: s-42
        Channel: whatsapp
        Created at: 2026-02-25T16:46:34.206Z
        sub_intent_type: WISMO
        type: support
        Status: completed, unresolved
        External user: customer-7f3a9c01b2

        Messages:
          [2026-02-25T16:46:34.206Z] Customer: Where is order #10423?
          [2026-02-25T16:46:46.206Z] AI (+12 s): Let me check.
          [2026-02-25T16:47:34.206Z] Customer: Still waiting
          [2026-02-25T16:50:34.206Z] Human agent (+3 min): I am Jana from support.
          [2026-02-25T16:50:35.206Z] Other (WEBHOOK): ticket created

        Trail:
          - {
              "step": "lookup",
              "ok": true
            }
        """);
  }

  @Test void htmlPutsCustomerLeftAiRightAndMarksTheHumanAgent() {
    String html = Transcript.html(conversation(), null, NO_LINK);

    assertThat(html)
        .contains("<div class=\"msg customer\"><div class=\"meta\"><span class=\"who\">Customer"
            + "</span> · <time>2026-02-25T16:46:34.206Z</time></div>"
            + "<div class=\"text\">Where is order #10423?</div></div>")
        .contains("<div class=\"msg ai\"><div class=\"meta\"><span class=\"who\">AI</span> · "
            + "<time>2026-02-25T16:46:46.206Z</time> · <span class=\"delay\">+12 s</span></div>")
        .contains("<div class=\"msg agent\"><div class=\"meta\"><span class=\"who\">Human agent"
            + "</span> · <time>2026-02-25T16:50:34.206Z</time> · "
            + "<span class=\"delay\">+3 min</span></div>")
        .contains("<div class=\"msg other\"><div class=\"meta\"><span class=\"who\">"
            + "Other (WEBHOOK)</span>")
        .contains(".customer{align-self:flex-start;", ".ai{align-self:flex-end;",
            ".agent{align-self:flex-end;background:#fff3cd;border:2px solid #d97706}")
        .contains("<tr><th>Status</th><td>completed, unresolved</td></tr>")
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .doesNotContain("Dashboard", "Why this session offends");
  }

  @Test void htmlHasNoScriptAndNoExternalAsset() {
    String html = Transcript.html(conversation(), "reason", NO_LINK);

    assertThat(html).doesNotContainIgnoringCase("<script")
        .doesNotContain("src=", "<link", "@import", "url(")
        .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
  }

  @Test void reasonComesFirst() {
    String html = Transcript.html(conversation(), "unresolved after a human handover", NO_LINK);
    String text = Transcript.text(conversation(), "unresolved after a human handover", NO_LINK);

    assertThat(html).contains("<body>\n<p class=\"reason\"><strong>Why this session offends:"
        + "</strong> unresolved after a human handover</p>");
    assertThat(text).startsWith("Why this session offends: unresolved after a human handover\n\n"
        + "Session: s-42\n");
  }

  @Test void customRoleMappingDecidesTheSide() {
    var options = new TranscriptOptions(
        io.konvoqa.session.Role.parseMapping("RECIPIENT=customer, WEBHOOK=ai"), null);
    String text = Transcript.text(conversation(), null, options);

    assertThat(text).contains("] AI (+3 min 1 s): ticket created")
        .contains("] Other (AGENT): I am Jana from support.");
  }

  @Test void dashboardLinkIsBuiltFromTheTemplateWithTheIdEncoded() {
    var options = new TranscriptOptions(null, "https://app.konvoai.com/sessions/{id}?tab=chat");
    Session session = conversation().withExternalUserId(null);
    Session odd = new Session("a b/\"c", null, null, null, null, null, null, null, null, null);

    assertThat(Transcript.html(session, null, options)).contains("<tr><th>Dashboard</th><td>"
        + "<a href=\"https://app.konvoai.com/sessions/s-42?tab=chat\" target=\"_blank\""
        + " rel=\"noopener noreferrer\">open in Konvo</a></td></tr>");
    assertThat(Transcript.html(odd, null, options))
        .contains("href=\"https://app.konvoai.com/sessions/a%20b%2F%22c?tab=chat\"");
    assertThat(Transcript.text(session, null, options))
        .contains("Dashboard: https://app.konvoai.com/sessions/s-42?tab=chat\n");
  }

  @Test void blankDashboardTemplateGivesNoLink() {
    var options = new TranscriptOptions(null, "  ");
    assertThat(options.dashboardUrlTemplate()).isNull();
    assertThat(Transcript.html(conversation(), null, options)).doesNotContain("<a ");
  }

  @Test void dashboardTemplateMustBeHttpOrHttps() {
    assertThatThrownBy(() -> new TranscriptOptions(null, "javascript:alert(1)//{id}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dashboard URL template must start with http:// or https:// but was"
            + " 'javascript:alert(1)//{id}'");
  }

  @Test void dashboardTemplateMustNameTheId() {
    assertThatThrownBy(() -> new TranscriptOptions(null, "https://app.konvoai.com/sessions"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dashboard URL template must contain {id} for the session id but was"
            + " 'https://app.konvoai.com/sessions'");
  }

  @Test void nullHeavySessionSaysWhatWasNotSent() {
    Session bare = new Session("s-0", null, null, null, null, null, null, null, null, null);

    assertThat(Transcript.text(bare, null, null)).isEqualTo("""
        Session: s-0
        Channel: not sent by the API
        Created at: not sent by the API
        sub_intent_type: not sent by the API
        type: not sent by the API
        Status: not sent by the API
        External user: not sent by the API

        Messages:
          not sent by the API

        Trail:
          not sent by the API
        """);
    assertThat(Transcript.html(bare, null, null))
        .contains("<h2>Messages</h2>\n<p class=\"missing\">not sent by the API</p>")
        .contains("<h2>Trail</h2>\n<p class=\"missing\">not sent by the API</p>");
  }

  @Test void halfFilledStatusStateAndMessagesRender() {
    Session half = new Session("s-1", null, null, null, null, "web", null,
        new SessionStatus(null, null, false, null, null, null),
        new SessionState(null, null, null, null),
        List.of(new Message(null, null, null, null, null),
            new Message(null, null, "AI", "hi", T0)));

    assertThat(Transcript.text(half, null, null))
        .contains("Status: completion not sent by the API, resolved\n")
        .contains("  [time not sent by the API] Other (initiator_origin not sent by the API): \n")
        .contains("  [2026-02-25T16:46:34.206Z] AI: hi\n");
    assertThat(Transcript.html(half, null, null)).contains("<div class=\"msg other\">");
  }

  @Test void emptyMessagesAreNotTheSameAsMissingOnes() {
    Session empty = new Session("s-e", null, null, null, null, null, null, null,
        new SessionState(null, null, null, List.of()), List.of());

    assertThat(Transcript.text(empty, null, null)).contains("Messages:\n  none\n")
        .contains("Trail:\n  empty\n");
  }
}
