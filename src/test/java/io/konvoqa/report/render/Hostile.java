package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Text an attacker could put into a chat, a trigger phrase or a configured id. */
final class Hostile {
  private Hostile() {}

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String SVG = "\"><svg onload=alert(1)>";
  static final String QUOTE = "it's \"quoted\"";
  static final List<String> ALL = List.of(SCRIPT, IMG, SVG, QUOTE);

  static void assertNoneUnescaped(String markup) {
    for (String hostile : ALL) assertThat(markup).doesNotContain(hostile);
    assertThat(markup).doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<img")
        .doesNotContainIgnoringCase("<svg onload");
  }
}
