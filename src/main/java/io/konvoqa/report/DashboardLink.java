package io.konvoqa.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A session's address in the Konvo dashboard, from the {@code KONVO_DASHBOARD_URL} template. */
record DashboardLink(String template) {
  /** The template with {@code {id}} replaced by the percent-encoded session id, as transcripts link it. */
  String url(String sessionId) {
    String id = URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20");
    return template.replace("{id}", id);
  }
}
