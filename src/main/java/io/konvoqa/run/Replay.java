package io.konvoqa.run;

import io.konvoqa.client.FetchResult;
import io.konvoqa.client.FetchSummary;
import io.konvoqa.simulator.Shortfall;

/**
 * What a replay adds to a fetch from the snapshot's simulator: the sessions its recording set aside
 * as undated, found in conflicting copies or may have missed. The sessions the recorded
 * {@code count} claimed but never got come through the simulator's {@code count} itself.
 */
final class Replay {
  private Replay() {}

  static FetchResult withShortfall(FetchResult result, Shortfall recorded) {
    if (recorded.undated() + recorded.conflicts() + recorded.mayBeMissing() == 0) return result;
    FetchSummary s = result.summary();
    FetchSummary replayed = new FetchSummary(s.pages(), s.requests(), s.retries(), s.countClaimed(),
        s.countAtEnd(), s.received(), s.duplicatesDropped(), s.conflicts() + recorded.conflicts(),
        s.outsideWindow(), s.undated() + recorded.undated(), s.mayBeMissing() + recorded.mayBeMissing(),
        s.recovered(), s.kept(), s.numbering(), s.elapsed());
    return new FetchResult(result.window(), result.sessions(), result.outsideWindow(), replayed);
  }
}
