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
    args.done();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Dataset dataset = data != null ? DatasetFile.read(Path.of(data))
        : sessions > 0 ? DemoWorkspace.generate(now, 42L, sessions) : DemoWorkspace.generate(now);
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
   * A curl command that works against the simulator. With {@code --api-key} it reads the key from
   * {@code $KONVO_API_KEY}: the key itself is never printed to a console or a log.
   */
  static String curlHint(String url, boolean keyGiven) {
    String header = keyGiven ? "\"x-api-key: $KONVO_API_KEY\"" : "'x-api-key: demo'";
    return "try: curl -H " + header + " '" + url + "ai-sessions?limit=2&messages=true&state=true'"
        + (keyGiven ? "   (with KONVO_API_KEY set to the key given with --api-key)" : "");
  }
}
