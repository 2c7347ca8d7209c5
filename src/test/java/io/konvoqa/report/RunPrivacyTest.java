package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunPrivacyTest {
  @Test void withoutARunItMasksAlwaysWithTheSameSalt() {
    assertThat(RunPrivacy.of(null)).isSameAs(RunPrivacy.of(null));
    assertThat(RunPrivacy.of(null).masking()).isTrue();
  }
}
