package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPluginTest {
  @TempDir Path home;

  @Test void installsThePluginAndListsItOnceHoweverOftenItRuns() throws Exception {
    Files.createDirectories(home.resolve("plugins"));
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/allure.yml"), "plugins:\n  - behaviors-plugin\n  - packages-plugin\n");

    ReportPlugin.install(home);
    ReportPlugin.install(home);

    assertThat(Files.readString(home.resolve("config/allure.yml")))
        .isEqualTo("plugins:\n  - behaviors-plugin\n  - packages-plugin\n  - konvo-qa\n");
    assertThat(Files.readString(home.resolve("plugins/konvo-qa/allure-plugin.yml")))
        .contains("id: konvo-qa").contains("- index.js").contains("- styles.css");
    assertThat(Files.readString(home.resolve("plugins/konvo-qa/static/index.js")))
        .contains("addAttachmentViewer('text/html'")
        .contains("var SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';");
    assertThat(home.resolve("plugins/konvo-qa/static/styles.css")).isRegularFile();
  }

  @Test void refusesAFolderThatIsNoAllureCommandLine() {
    assertThatThrownBy(() -> ReportPlugin.install(home))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(home.toString());
  }

  @Test void theReportPageGetsAScriptPolicyWithTheHashOfEachInlineBlock() {
    String html = "<html><head>\n<meta charset=\"utf-8\">\n<script src=\"app.js\"></script>\n"
        + "<script>window.a = 1;</script>\n<script defer>b()</script></head></html>";
    String secured = AllureReport.withScriptPolicy(html);
    assertThat(secured).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' data:"
        + " 'unsafe-eval' 'sha256-") .doesNotContain("unsafe-inline");
    assertThat(secured.split("'sha256-", -1)).hasSize(3);
    assertThat(AllureReport.withScriptPolicy(secured)).isEqualTo(secured);
  }
}
