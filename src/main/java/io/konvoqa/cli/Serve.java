package io.konvoqa.cli;

import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.simulator.Dataset;
import io.konvoqa.simulator.DatasetFile;
import io.konvoqa.simulator.Faults;
import io.konvoqa.simulator.KonvoSimulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** {@code serve}: the simulator on its own, for a person with curl or a benchmark. */
final class Serve {
  private Serve() {}

  static int start(io.konvoqa.config.CommandLine args, PrintStream out) {
    int port = args.intValue("--port", 8080);
    String data = args.value("--data", null);
    String apiKey = args.value("--api-key", null);
    if (apiKey != null) apiKey = io.konvoqa.config.Secret.of("--api-key", apiKey).value(); // as a client would send it
    int latency = args.intValue("--latency", 0);
    int sessions = args.intValue("--sessions", 0);
    Faults.Paging paging = Faults.Paging.of(args.value("--paging", Faults.Paging.FROM_ONE.option()));
    String nowText = args.value("--now", null);
    int changedPercent = args.intValue("--changed", 0);
    String changedAt = args.value("--changed-at", null);
    args.done();
    Instant now = nowText != null ? Instant.parse(nowText) : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Dataset dataset = data != null ? DatasetFile.read(Path.of(data))
        : sessions > 0 ? DemoWorkspace.generate(now, 42L, sessions) : DemoWorkspace.generate(now);
    if (changedPercent > 0) {
      dataset = changed(dataset, changedPercent, changedAt != null ? Instant.parse(changedAt) : now);
    }
    KonvoSimulator simulator = KonvoSimulator.start(dataset, port, apiKey);
    simulator.faults().latency(Duration.ofMillis(latency)).paging(paging);
    out.printf(Locale.ROOT, "konvo-qa simulator: %,d sessions (%s, recorded at %s) at %sai-sessions%n",
        dataset.sessions().size(), data != null ? data : "demo workspace", dataset.recordedAt(), simulator.url());
    out.println(apiKey != null ? "accepting only the key given with --api-key" : "accepting any non-empty x-api-key");
    out.println(curlHint(simulator.url(), apiKey != null));
    out.println("Ctrl-C stops it.");
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    return -1;
  }

  /**
   * The dataset with {@code percent}% of its sessions (every (100/percent)-th) updated at {@code at},
   * their unresolved flag turned over: what a store's next run fetches (for the store benchmark).
   */
  static Dataset changed(Dataset dataset, int percent, Instant at) {
    if (percent < 1 || percent > 100) throw new IllegalArgumentException("--changed must be 1..100 but was " + percent);
    int every = 100 / percent;
    java.util.List<io.konvoqa.session.Session> sessions = new java.util.ArrayList<>(dataset.sessions());
    for (int i = 0; i < sessions.size(); i += every) {
      io.konvoqa.session.Session s = sessions.get(i);
      io.konvoqa.session.SessionStatus st = s.status();
      Boolean unresolved = st == null || st.unresolved() == null ? Boolean.TRUE : !st.unresolved();
      sessions.set(i, new io.konvoqa.session.Session(s.id(), s.workspaceId(), s.feedId(), s.contactId(),
          s.externalUserId(), s.channel(), s.createdAt(),
          new io.konvoqa.session.SessionStatus(s.id(), true, unresolved, at, at, at), s.state(), s.messages()));
    }
    return Dataset.of(dataset.recordedAt(), sessions);
  }

  /**
   * A curl command that works against the simulator. With {@code --api-key} it reads the key from
   * {@code $KONVO_API_KEY}: the key itself is never printed to a console or a log.
   */
  static String curlHint(String url, boolean keyGiven) {
    String header = keyGiven ? "\"x-api-key: $KONVO_API_KEY\"" : "'x-api-key: demo'";
    return "try: curl -H " + header + " '" + url + "ai-sessions?limit=2&messages=true&state=true'"
        + (keyGiven ? "   (with KONVO_API_KEY set to the key given with --api-key)" : "");
  }
}
