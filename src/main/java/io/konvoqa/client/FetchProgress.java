package io.konvoqa.client;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress line shown while a fetch runs longer than about a second.
 *
 * <p>In a terminal it is redrawn in place; in CI logs (no console, or {@code CI} set) a plain line
 * is printed every few seconds instead, so logs stay readable.
 */
final class FetchProgress implements AutoCloseable {
  private static final long QUIET_MILLIS = 1_000;
  private static final long TERMINAL_EVERY_MILLIS = 250;
  private static final long LOG_EVERY_MILLIS = 5_000;

  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private final AtomicInteger pagesDone = new AtomicInteger();
  private final AtomicInteger sessions = new AtomicInteger();
  private final ScheduledExecutorService ticker;
  private volatile int pagesTotal;
  private volatile boolean totalIsFloor;
  private boolean printed;
  private boolean closed;
  private long lastPrinted;

  FetchProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    if (out == null) {
      ticker = null;
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "konvo-progress");
      thread.setDaemon(true);
      return thread;
    });
    ticker.scheduleAtFixedRate(this::tick, QUIET_MILLIS, TERMINAL_EVERY_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Whether progress should be redrawn in place: a console, and not a CI log. */
  static boolean interactive() {
    return System.console() != null && System.getenv("CI") == null;
  }

  void pages(int total, boolean more) {
    pagesTotal = total;
    totalIsFloor = more;
  }

  void pageDone(int sessionsInPage) {
    pagesDone.incrementAndGet();
    sessions.addAndGet(sessionsInPage);
  }

  private synchronized void tick() {
    if (closed) return;
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    if (!terminal && printed && elapsedMillis - lastPrinted < LOG_EVERY_MILLIS) return;
    String line = line(elapsedMillis);
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
    printed = true;
    lastPrinted = elapsedMillis;
  }

  String line(long elapsedMillis) {
    double perSecond = elapsedMillis == 0 ? 0 : sessions.get() * 1000.0 / elapsedMillis;
    return String.format(Locale.ROOT, "Fetching sessions: %d/%d%s pages, %,d sessions, %,.0f sessions/s",
        pagesDone.get(), pagesTotal, totalIsFloor ? "+" : "", sessions.get(), perSecond);
  }

  @Override public synchronized void close() {
    if (ticker == null || closed) return;
    closed = true;
    ticker.shutdownNow();
    if (printed && terminal) out.println();
    out.flush();
  }
}
