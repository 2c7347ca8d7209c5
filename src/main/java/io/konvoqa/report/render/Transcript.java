package io.konvoqa.report.render;

import io.konvoqa.session.Session;
import java.util.List;
import java.util.Objects;

/**
 * Renders one session as a transcript a reader can judge: a self-contained HTML chat page, or
 * the same content as plain text.
 *
 * <p>Both show what was sent as given: callers mask personal data first, with
 * {@link io.konvoqa.privacy.Privacy#mask(io.konvoqa.session.Session)}. Whatever the API left out
 * is shown as "not sent by the API".
 */
public final class Transcript {
  private Transcript() {}

  /**
   * A complete HTML page with inline CSS only, no script and no external asset.
   *
   * @param reason why this session offends a gate, shown at the top; null or blank for none
   */
  public static String html(Session session, String reason, TranscriptOptions options) {
    return TranscriptHtml.render(checked(session), reason, checked(options));
  }

  /** The same transcript as plain text, for console output and text attachments. */
  public static String text(Session session, String reason, TranscriptOptions options) {
    return TranscriptText.render(checked(session), reason, checked(options));
  }

  /** A session shown as a transcript, with why it offends (null or blank for no reason). */
  public record Shown(Session session, String reason) {
    public Shown {
      Objects.requireNonNull(session, "session must not be null");
    }
  }

  /**
   * Several transcripts on one HTML page, one after another, each with its number, reason and
   * dashboard link: what a reviewer reads top to bottom.
   */
  public static String html(String title, List<Shown> shown, TranscriptOptions options) {
    return TranscriptHtml.renderAll(Objects.requireNonNull(title, "title must not be null"),
        List.copyOf(shown), checked(options));
  }

  /** The same transcripts as one plain text. */
  public static String text(List<Shown> shown, TranscriptOptions options) {
    return TranscriptText.renderAll(List.copyOf(shown), checked(options));
  }

  private static Session checked(Session session) {
    return Objects.requireNonNull(session, "session must not be null");
  }

  private static TranscriptOptions checked(TranscriptOptions options) {
    return options == null ? TranscriptOptions.defaults() : options;
  }
}
