package io.konvoqa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Allure that konvo-qa.jar carries, and how it is unpacked on first use. */
class AllureHomeTest {
  @TempDir Path cache;

  @Test void theJarCarriesAllureWithoutTheJiraAndXrayPluginsAndWithoutKotlin() throws IOException {
    List<String> names = new java.util.ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(AllureHome.class.getResourceAsStream(AllureHome.BUNDLE))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) names.add(e.getName());
    }
    assertThat(names).contains("allure-2.34.1/lib/allure-commandline-2.34.1.jar",
        "allure-2.34.1/plugins/behaviors-plugin/allure-plugin.yml", "allure-2.34.1/config/allure.yml");
    assertThat(names).noneMatch(n -> n.contains("jira-plugin") || n.contains("xray-plugin") || n.contains("kotlin"));
  }

  @Test void theBundledConfigListsOnlyThePluginsItCarries() {
    assertThat(AllureBundle.withoutLeftOut("plugins:\n  - junit-xml-plugin\n  - jira-plugin\n  - xray-plugin\n"))
        .isEqualTo("plugins:\n  - junit-xml-plugin\n");
  }

  @Test void unpacksOnFirstUseAndReusesTheCopyAfterwards() throws IOException {
    Path home = AllureHome.unpack(cache);

    assertThat(home).isEqualTo(cache.resolve("allure-2.34.1"));
    assertThat(home.resolve("lib/allure-commandline-2.34.1.jar")).isRegularFile();
    assertThat(home.resolve("plugins/behaviors-plugin")).isDirectory();
    assertThat(home.resolve("bin/allure")).isExecutable();
    assertThat(Files.readString(home.resolve("config/allure.yml"))).contains("- behaviors-plugin").doesNotContain("jira");
    FileTime unpacked = Files.getLastModifiedTime(home.resolve("lib/allure-commandline-2.34.1.jar"));
    Files.delete(home.resolve("plugins/README.txt"));

    assertThat(AllureHome.unpack(cache)).isEqualTo(home);
    assertThat(home.resolve("plugins/README.txt")).as("not unpacked again").doesNotExist();
    assertThat(Files.getLastModifiedTime(home.resolve("lib/allure-commandline-2.34.1.jar"))).isEqualTo(unpacked);
    try (Stream<Path> left = Files.list(cache)) {
      assertThat(left).as("no partial copy left behind").containsExactly(home);
    }
  }

  @Test void aFolderInTheWayThatHoldsNoCompleteAllureIsNamed() throws IOException {
    Files.createDirectories(cache.resolve("allure-2.34.1/lib"));
    Files.writeString(cache.resolve("allure-2.34.1/lib/other.jar"), "x");

    assertThatThrownBy(() -> AllureHome.unpack(cache)).isInstanceOf(IOException.class)
        .hasMessage(cache.resolve("allure-2.34.1") + " exists but holds no complete Allure: delete it");
    try (Stream<Path> left = Files.list(cache)) {
      assertThat(left).containsExactly(cache.resolve("allure-2.34.1"));
    }
  }

  @Test void aCacheThatCannotBeWrittenSaysWhereAndWhatToSet() throws IOException {
    Path notADir = Files.writeString(cache.resolve("file"), "x");
    String before = System.getProperty("konvo.allure.cache");
    System.setProperty("konvo.allure.cache", notADir.toString());
    try {
      AllureHome.Found found = AllureHome.locate();
      assertThat(found.home()).isNull();
      assertThat(found.problem()).startsWith("Allure 2.34.1 could not be unpacked into " + notADir.resolve("allure-2.34.1") + " (")
          .endsWith("); set KONVO_ALLURE_CACHE to a writable folder, or ALLURE_HOME to an unpacked Allure 2.34.1");
    } finally {
      if (before == null) System.clearProperty("konvo.allure.cache");
      else System.setProperty("konvo.allure.cache", before);
    }
  }
}
