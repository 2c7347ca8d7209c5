package io.konvoqa.report.render;

import io.konvoqa.session.Role;
import java.util.Locale;
import java.util.Map;

/**
 * How transcripts are drawn: which {@code initiator_origin} is which role, and where a session
 * opens in the Konvo dashboard.
 *
 * @param roles origin to role; null gives the defaults of {@link Role#parseMapping}
 * @param dashboardUrlTemplate an http or https URL with {@code {id}} for the session id, or
 *     null or blank for no link
 */
public record TranscriptOptions(Map<String, Role> roles, String dashboardUrlTemplate) {
  public TranscriptOptions {
    roles = roles == null ? Role.parseMapping(null) : Map.copyOf(roles);
    if (dashboardUrlTemplate != null && dashboardUrlTemplate.isBlank()) dashboardUrlTemplate = null;
    if (dashboardUrlTemplate != null) {
      dashboardUrlTemplate = dashboardUrlTemplate.trim();
      String lower = dashboardUrlTemplate.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
        throw new IllegalArgumentException("dashboard URL template must start with http:// or"
            + " https:// but was '" + dashboardUrlTemplate + "'");
      }
      if (!dashboardUrlTemplate.contains("{id}")) {
        throw new IllegalArgumentException("dashboard URL template must contain {id} for the"
            + " session id but was '" + dashboardUrlTemplate + "'");
      }
    }
  }

  /** Default roles, no dashboard link. */
  public static TranscriptOptions defaults() {
    return new TranscriptOptions(null, null);
  }
}
