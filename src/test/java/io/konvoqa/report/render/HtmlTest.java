package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test void escapesTheFiveSpecialCharacters() {
    assertThat(Html.escape("a & b < c > d \" e ' f")).isEqualTo(
        "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  }

  @Test void escapesHostileMarkup() {
    assertThat(Html.escape(Hostile.SCRIPT)).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Html.escape(Hostile.SVG)).isEqualTo("&quot;&gt;&lt;svg onload=alert(1)&gt;");
  }

  @Test void nullBecomesEmpty() {
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test void escapesAnAlreadyEscapedEntityAgain() {
    assertThat(Html.escape("&lt;")).isEqualTo("&amp;lt;");
  }

  @Test void leavesOtherTextAlone() {
    assertThat(Html.escape("Grüße, 49.99 € 😀")).isEqualTo("Grüße, 49.99 € 😀");
  }
}
