package io.konvoqa.report.render;

/**
 * Escapes text for HTML and SVG, in element content and in quoted attribute values alike.
 *
 * <p>Session texts, trigger phrases and ids come from production chats and configuration, so
 * every one of them is hostile until escaped: nothing reaches markup except through here.
 */
public final class Html {
  private Html() {}

  /** Returns {@code text} with {@code & < > " '} replaced by entities; null gives "". */
  public static String escape(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The head every page shares. The policy forbids scripts and remote loads even if escaping were
   * ever missed somewhere, and keeps the page self-contained for Allure's attachment viewer.
   */
  static String head(String title, String css) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\""
        + " content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        + "<title>" + escape(title) + "</title>\n<style>" + css + "</style>\n</head>\n";
  }
}
