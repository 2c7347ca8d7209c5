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
  /** One fetched window: what it counted, and " (incomplete: ...)" or "" for how complete it was. */
  public record Fetched(Window window, FetchSummary summary, String completenessNote) {}

  public RunFacts {
    windows = List.copyOf(windows);
  }
}
