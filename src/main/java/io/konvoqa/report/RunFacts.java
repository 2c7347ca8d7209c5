package io.konvoqa.report;

import io.konvoqa.client.FetchSummary;
import io.konvoqa.session.Window;
import java.util.List;

/**
 * What the report says about a run that opened: where its sessions came from, the windows it
 * fetched and whether personal data was masked. Plain data, so that the report needs nothing of
 * the run itself.
 *
 * @param sourceLabel the summary's header ("demo workspace (embedded simulator)", "snapshot ...")
 * @param dataSource the environment panel's "Data source" row
 * @param windows every window fetched, successful ones only, in the order they were fetched
 * @param masking whether the run's settings mask personal data
 */
public record RunFacts(String sourceLabel, String dataSource, List<Fetched> windows, boolean masking) {
  /**
   * One fetched window: what it counted, " (incomplete: ...)" or "" for how complete it was, and
   * how the local store put it together (null without a store).
   */
  public record Fetched(Window window, FetchSummary summary, String completenessNote, String assembly) {
    public Fetched(Window window, FetchSummary summary, String completenessNote) {
      this(window, summary, completenessNote, null);
    }
  }

  public RunFacts {
    windows = List.copyOf(windows);
  }
}
