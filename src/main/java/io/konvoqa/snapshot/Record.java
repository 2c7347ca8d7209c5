package io.konvoqa.snapshot;

import io.konvoqa.config.CommandLine;
import io.konvoqa.client.FetchResult;
import io.konvoqa.client.FetchSummary;
import io.konvoqa.client.KonvoApiException;
import io.konvoqa.client.KonvoClient;
import io.konvoqa.config.Settings;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.privacy.PersonalData;
import io.konvoqa.privacy.Salt;
import io.konvoqa.privacy.SnapshotMasking;
import io.konvoqa.run.FetchCompleteness;
import io.konvoqa.session.Session;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.KonvoSimulator;
import io.konvoqa.simulator.Shortfall;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code konvo-qa.jar record}: fetches a window from the live API into a snapshot that a gate run
 * can replay ({@code KONVO_DATA=FILE}), or with {@code --demo} from the demo workspace on an embedded
 * simulator (no key needed). Personal data is masked unless {@code --keep-personal-data} says
 * otherwise; the API key is never written. A window without sessions is an error, not an empty
 * snapshot: nothing could be judged or blessed against it.
 */
public final class Record {
  private Record() {}

  public static final String USAGE = """
      usage: java -jar konvo-qa.jar record (--last 7d | --from DATE [--to DATE]) --out FILE [--keep-personal-data] [--demo]
        fetch a window from the API (KONVO_API_KEY, KONVO_BASE_URL) into a snapshot (.json or .json.gz);
        phone numbers, e-mail addresses and external_user_ids are masked unless --keep-personal-data;
        --demo records the bundled demo workspace from an embedded simulator instead (no key needed)
      """;

  /** Records as the arguments say; returns 0, or 2 with the reason on {@code err}. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      return run(args, Settings.fromEnvironment(), Clock.systemUTC(), out, err);
    } catch (IllegalArgumentException e) {
      err.println("konvo-qa: " + e.getMessage());
      return 2;
    }
  }

  static int run(List<String> args, Settings settings, Clock clock, PrintStream out, PrintStream err) {
    RecordRequest request;
    try {
      request = RecordRequest.parse(args, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    } catch (CommandLine.UsageException e) {
      err.println("konvo-qa record: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      Dataset dataset = record(request, settings, err);
      DatasetFile.write(dataset, request.out());
      out.printf(Locale.ROOT, "konvo-qa: recorded %,d sessions of window %s from %s into %s (%s)%n",
          dataset.sessions().size(), dataset.window(), dataset.source(), request.out(),
          request.keepPersonalData() ? "personal data NOT masked" : "personal data masked");
      return 0;
    } catch (KonvoApiException | IllegalArgumentException | UncheckedIOException e) {
      // the reason may quote a page's end, message text included: masked as the snapshot would be
      String reason = request.keepPersonalData() ? e.getMessage()
          : PersonalData.masking().maskText(e.getMessage());
      err.println("konvo-qa record: nothing written to " + request.out() + ": " + reason);
      return 2;
    }
  }

  /** Fetches the window and masks it as asked: the snapshot, not yet written. */
  static Dataset record(RecordRequest request, Settings settings, PrintStream err) {
    if (request.demo()) {
      try (KonvoSimulator simulator = KonvoSimulator.start(DemoWorkspace.generate(request.recordedAt()))) {
        err.println("konvo-qa: recording the bundled demo workspace from an embedded simulator at " + simulator.url());
        return record(request, settings, simulator.url(), DEMO_KEY, DEMO_SOURCE, err);
      }
    }
    if (settings.apiKey() == null) {
      throw new IllegalArgumentException("no API key: set KONVO_API_KEY to the key of the workspace"
          + " to record (record reads the live API at KONVO_BASE_URL)");
    }
    return record(request, settings, settings.baseUrl(), settings.apiKey(), host(settings.baseUrl()), err);
  }

  /** The source of a demo recording, in place of an API host. */
  static final String DEMO_SOURCE = "demo workspace";
  private static final String DEMO_KEY = "demo-workspace";

  private static Dataset record(RecordRequest request, Settings settings, String baseUrl, String apiKey,
      String source, PrintStream err) {
    settings.warn(err);
    if (request.keepPersonalData()) {
      err.println("konvo-qa: WARNING: --keep-personal-data: " + request.out() + " will hold customers'"
          + " phone numbers, e-mail addresses and external_user_ids unmasked; keep it out of version"
          + " control and shared drives, and delete it when done");
    }
    FetchResult result;
    try (KonvoClient client = KonvoClient.builder(settings).baseUrl(baseUrl).apiKey(apiKey).progressOnConsole().build()) {
      result = client.fetch(request.window());
    }
    err.println("konvo-qa: " + result.summary().numbering());
    FetchSummary fetched = result.summary();
    Shortfall shortfall = new Shortfall(fetched.unserved(), fetched.undated(), fetched.conflicts(),
        fetched.mayBeMissing());
    if (shortfall.total() > 0) {
      err.println("konvo-qa: the window is incomplete: " + FetchCompleteness.of(fetched).reason()
          + "; the snapshot keeps what was served and records what was missing, so its replay"
          + " is judged as incomplete as this window");
    }
    List<Session> sessions = result.sessions();
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("the window " + request.window() + " (from " + source + ") holds"
          + " no sessions, and an empty snapshot could neither be judged nor blessed; choose a window with"
          + " sessions (e.g. --last 30d, or --from/--to around days with traffic)"
          + (request.demo() ? "" : " and check that KONVO_API_KEY is the key of the workspace you mean"));
    }
    if (!request.keepPersonalData()) {
      SnapshotMasking masking = SnapshotMasking.of(Salt.random());
      sessions = sessions.stream().map(masking::mask).toList();
    }
    return new Dataset(request.recordedAt(), request.window(), source,
        fetched.countClaimed(), sessions, shortfall);
  }

  /** The host (and port, if not the default) of the API: never a path, query or credentials. */
  static String host(String baseUrl) {
    URI uri = URI.create(baseUrl);
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
