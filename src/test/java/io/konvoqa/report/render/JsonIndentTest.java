package io.konvoqa.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonIndentTest {
  @Test void breaksLinesAtStructureButNotInsideStrings() {
    assertThat(JsonIndent.indent("{\"a\":[1,2],\"b\":\"x, {y}: \\\"z\\\"\",\"c\":{}}"))
        .isEqualTo("""
            {
              "a": [
                1,
                2
              ],
              "b": "x, {y}: \\"z\\"",
              "c": {}
            }""");
  }

  @Test void leavesTextThatIsNotAnObjectOrArrayAsItIs() {
    assertThat(JsonIndent.indent("not json ]]")).isEqualTo("not json ]]");
    assertThat(JsonIndent.indent(null)).isEqualTo("null");
  }

  @Test void neverFailsOnBrokenJson() {
    assertThat(JsonIndent.indent("{\"a\": [1}}}")).isEqualTo("{\n  \"a\": [\n    1\n  }\n}\n}");
  }
}
