package io.konvoqa.report;

import io.konvoqa.config.Settings;
import io.konvoqa.privacy.Privacy;
import io.konvoqa.privacy.Salt;
import io.konvoqa.run.GateRun;
import java.nio.file.Path;

/**
 * The {@link Privacy} of the current gate run, for the steps until the run makes it itself: one
 * per run, so that a customer's token is the same in every verdict, CSV and transcript of it.
 */
public final class RunPrivacy {
  private static final Privacy WITHOUT_RUN = Privacy.masking(Salt.random());
  private static GateRun lastRun;
  private static Privacy lastPrivacy;

  private RunPrivacy() {}

  /** The masking of {@code run}, made on first use; without a run, masking (never off by accident). */
  public static synchronized Privacy of(GateRun run) {
    if (run == null) return WITHOUT_RUN;
    if (run != lastRun) {
      Settings settings = run.settings();
      lastPrivacy = Privacy.of(settings.maskPersonalData(), settings.maskPersonalData()
          ? Salt.of(settings.maskSalt(), store(), workspace(run)) : null, System.err);
      lastRun = run;
    }
    return lastPrivacy;
  }

  /** Whose customers these are: the API base URL, "demo", or the snapshot replayed. */
  static String workspace(GateRun run) {
    return switch (run.source()) {
      case DEMO -> "demo";
      case SNAPSHOT -> "snapshot " + run.settings().dataFile().toAbsolutePath().normalize();
      default -> run.settings().baseUrl();
    };
  }

  // The build's tests point this into target/ (-Dkonvo.mask.salt.store): never at the user's salt.
  private static Path store() {
    String store = System.getProperty("konvo.mask.salt.store");
    return store == null ? Salt.STORE : Path.of(store);
  }
}
