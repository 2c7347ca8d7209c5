package io.konvoqa.run;

import io.konvoqa.session.Window;
import java.nio.file.Path;

/**
 * A window asked of a snapshot that it does not hold: judging it would judge sessions the
 * recording never fetched as if there were none. Gates over it could not judge.
 */
public final class WindowNotRecorded extends IllegalArgumentException {
  WindowNotRecorded(Path snapshot, Window recorded, Window asked) {
    super("the snapshot " + snapshot + " holds the window " + recorded + ", and the window " + asked
        + " is not inside it: ask for a window inside it (\"the last ...\" ends at "
        + io.konvoqa.session.Timestamps.format(recorded.to()) + "), or record one that covers " + asked);
  }
}
