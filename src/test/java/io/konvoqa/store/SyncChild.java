package io.konvoqa.store;

import io.konvoqa.client.KonvoClient;
import io.konvoqa.session.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One run's sync in a JVM of its own, for {@link CrashTest} to kill: STORE URL FROM TO NOW FULL
 * STREAMED (through the page sink, then the window read from the store). Prints "synced" when it
 * is done.
 */
final class SyncChild {
  private SyncChild() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    var settings = StoreData.settings(file);
    if (Boolean.parseBoolean(args[5])) settings = settings.withFull();
    try (KonvoClient client = KonvoClient.builder().baseUrl(args[1]).apiKey(StoreData.KEY).progress(null, false)
             .backoffBase(Duration.ofMillis(5)).build();
         StoredWindows store = new StoredWindows(SessionStore.open(file, System.out), "ws", settings, client::fetch,
             client::fetch, System.out, Integer.MAX_VALUE)) {
      Window window = new Window(Instant.parse(args[2]), Instant.parse(args[3]));
      Instant now = Instant.parse(args[4]);
      if (Boolean.parseBoolean(args[6])) {
        store.stream(window, now).sessions().forEach(session -> { });
      } else {
        store.fetch(window, now);
      }
    }
    System.out.println("synced");
  }
}
