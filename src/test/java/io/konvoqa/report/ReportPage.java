package io.konvoqa.report;

import java.nio.file.Path;

/** The single-file Allure report in a real browser: open a test result, open an attachment in place. */
final class ReportPage {
  private final DevTools browser;

  ReportPage(DevTools browser) {
    this.browser = browser;
  }

  /** Opens the report from file:// on the test result named {@code scenario}. */
  void openTestResult(Path index, String scenario) throws InterruptedException {
    browser.open(index.toAbsolutePath().toUri().toString());
    browser.waitFor("window.reportDataReady === true && window.allure && document.querySelector('.side-nav')",
        "the report to load");
    // The single file keeps every data file as base64 in window.reportData.
    Object uid = browser.eval("(() => { for (const [k, v] of Object.entries(window.reportData)) {"
        + " if (!k.startsWith('data/test-cases/')) continue;"
        + " const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(v), c => c.charCodeAt(0))));"
        + " if (json.name === " + js(scenario) + ") return json.uid; } return null; })()");
    if (uid == null) throw new AssertionError("no test result named " + scenario + " in " + index);
    browser.eval("location.hash = '#testresult/" + uid + "'");
    browser.waitFor("document.querySelector('.test-result-execution .step')", "the test result's steps");
  }

  /** Opens a served report (the multi-file site) on the test result {@code uid}. */
  void openTestResult(String siteUrl, String uid) throws InterruptedException {
    browser.open(siteUrl + "#testresult/" + uid);
    browser.waitFor("window.allure && document.querySelector('.test-result-execution .step')", "the test result's steps");
  }

  /**
   * Opens the attachment named {@code name} as a reviewer does (its step, then its row; never the
   * full-screen button; an open one stays open) and waits until konvo-qa's plugin has sized its frame. Returns a JS
   * expression for that frame.
   */
  String openAttachment(String name) throws InterruptedException {
    String row = "[...document.querySelectorAll('.attachment-row')].find(r =>"
        + " r.querySelector('.attachment-row__name').textContent.trim() === " + js(name) + ")";
    browser.waitFor(row, "the attachment row " + name);
    browser.eval("(() => { const row = " + row + "; const step = row.closest('.step');"
        + " if (step && !step.classList.contains('step_expanded')) step.querySelector('.step__title').click();"
        + " if (!row.classList.contains('attachment-row_selected')) row.click(); return true; })()");
    String frame = "(" + row + ").parentElement.querySelector('iframe')";
    browser.waitFor(frame + " && " + frame + ".style.height && " + frame + ".contentDocument"
        + " && " + frame + ".contentDocument.readyState === 'complete'", "the attachment frame of " + name);
    Thread.sleep(300); // the frame settles after fonts; the plugin re-fits on every reflow
    return frame;
  }

  static String js(String text) {
    StringBuilder out = new StringBuilder("'");
    for (char c : text.toCharArray()) {
      if (c == '\'' || c == '\\') out.append('\\');
      if (c < 0x20 || c == '<' || c == '>') out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('\'').toString();
  }
}
