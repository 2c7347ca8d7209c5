package io.konvoqa.client;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.session.SessionsPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One window being fetched: the first page (with page 0 beside it when the numbering is not yet
 * known), then the pages {@code count} promises, in parallel, then on while pages come back full
 * or, without a {@code count}, until an empty one.
 *
 * <p>The first page to fail ends the fetch at once and is the reason given. A page that brings
 * nothing new (full, or the same as the page before, or twice in a row) means the API ignores
 * {@code page}: reading on would never end, so the fetch fails instead.
 */
final class WindowFetch implements AutoCloseable {
  private final PageFetcher fetcher;
  private final PageFetcher.Query query;
  private final String baseUrl;
  private final int maxSessions;
  private final FetchProgress progress;
  /** Where the sessions go, or null to keep them for a list. */
  private final PageSink sink;
  /** Pages fetched ahead of the first not yet taken: without a sink, all (they are all kept anyway). */
  private final int ahead;
  private final ExecutorService pool;
  private final long started = System.nanoTime();
  private PageNumbering numbering;
  private PageTally collector;
  private SessionsPage previous;
  private int staleInARow;

  /** A page as it landed: its sessions, or null when skipped or (page 0 only) refused. */
  private record Landed(int number, SessionsPage page, KonvoApiException refused) {}

  WindowFetch(PageFetcher fetcher, PageFetcher.Query query, String baseUrl, int concurrency,
      int maxSessions, FetchProgress progress, PageSink sink) {
    this.sink = sink;
    this.ahead = sink == null ? Integer.MAX_VALUE : 4 * concurrency;
    this.fetcher = fetcher;
    this.query = query;
    this.baseUrl = baseUrl;
    this.maxSessions = maxSessions;
    this.progress = progress;
    this.pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread thread = new Thread(r, "konvo-fetch");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Fetches the window into a list; pages numbered as {@code known} says, or detected first when it is null. */
  FetchResult fetch(PageNumbering known) {
    Integer count = page(known);
    return ((SessionCollector) collector).result(query.window(), count, query.requests().get(),
        query.retries().get(), numbering.toString(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Fetches the window into the sink, keeping a line per id; returns what a list's fetch would. */
  FetchSummary stream(PageNumbering known) {
    Integer count = page(known);
    return ((IdCollector) collector).summary(query.window(), count, query.requests().get(),
        query.retries().get(), numbering.toString(), Duration.ofNanos(System.nanoTime() - started), sink);
  }

  /** Reads every page of the window into the collector; returns the first page's count. */
  private Integer page(PageNumbering known) {
    List<Landed> firstPages = known == null ? detect() : List.of(
        new Landed(known.first(), fetcher.fetch(query, known.first()), null));
    if (known != null) numbering = known;
    SessionsPage first = firstPages.get(0).page();
    Integer count = first.count();
    if (count != null && count > maxSessions) throw tooMany(String.format(java.util.Locale.ROOT, "%,d sessions", count));
    int pageSize = query.pageSize();
    int pages = count == null ? 1 : Math.max(1, (count + pageSize - 1) / pageSize);
    progress.pages(pages, false);
    int expected = count == null ? pageSize : Math.min(count, maxSessions);
    collector = sink == null ? new SessionCollector(expected) : new IdCollector(expected);
    for (Landed landed : firstPages) {
      progress.pageDone(landed.page().result().size());
      take(landed);
    }
    int next = firstPages.get(firstPages.size() - 1).number() + 1;
    if (!first.result().isEmpty()) {
      // When count fills the last page exactly, the page after it must be read anyway (count
      // may understate the window): ask for it with the others instead of one round trip later.
      int last = numbering.first() + pages - 1 + (count != null && count > 0 && count % pageSize == 0 ? 1 : 0);
      fetchConcurrently(next, last);
      readOn(Math.max(next, last + 1), count);
      collector.mayBeMissing(repairMoved());
    }
    return count;
  }

  /** The numbering the fetch used. */
  PageNumbering numbering() {
    return numbering;
  }

  /** Pages 1 and 0 at once; returns the pages to keep, the first page first. */
  private List<Landed> detect() {
    Landed[] both = new Landed[2];
    run(List.of(() -> new Landed(1, page(1), null), () -> probe(0)), landed -> both[landed.number()] = landed);
    Landed zero = both[0], one = both[1];
    numbering = PageNumbering.detect(zero.page(), zero.refused(), one.page());
    return numbering.first() == 0 ? List.of(zero, one) : List.of(one);
  }

  /** Fetches pages {@code from..to}; the collector takes each, in order, as it lands. */
  private void fetchConcurrently(int from, int to) {
    AtomicInteger emptyAt = new AtomicInteger(Integer.MAX_VALUE);
    List<Callable<Landed>> tasks = new ArrayList<>();
    for (int page = from; page <= to; page++) {
      int p = page;
      tasks.add(() -> {
        if (p > emptyAt.get()) return new Landed(p, null, null); // an earlier page was already empty
        SessionsPage result = page(p);
        if (result.result().isEmpty()) emptyAt.accumulateAndGet(p, Math::min);
        progress.pageDone(result.result().size());
        return new Landed(p, result, null);
      });
    }
    run(tasks, landed -> {
      if (landed.page() != null) take(landed);
    });
  }

  /**
   * When {@code count} understated the window, read on one page at a time while pages come back
   * full; without a count, or with one below the sessions already served (it is wrong, so says
   * nothing of where the window ends), until an empty page.
   */
  private void readOn(int next, Integer count) {
    SessionsPage last = collector.lastPage();
    while (!last.result().isEmpty() && (count == null || collector.distinct() > count
        || last.result().size() >= query.pageSize())) {
      progress.pages(next - numbering.first(), true);
      last = fetcher.fetch(query, next);
      if (collector.received() + last.result().size() > maxSessions) {
        throw tooMany(String.format(java.util.Locale.ROOT, "more than %,d sessions",
            collector.received() + last.result().size()));
      }
      progress.pageDone(last.result().size());
      take(new Landed(next++, last, null)); // an empty page is a page fetched too
    }
  }

  /**
   * When the count moved between pages, the window changed while it was paged and sessions may
   * have slid past a page boundary unseen: asks again, each in one window of its own, for the
   * stretches of time between pages where they lie ({@link ChurnRepair}). Returns how many
   * sessions may still be missing: 0 after a repair, the count's movement when the server does not
   * order by update time and no repair can be aimed.
   */
  private int repairMoved() {
    if (collector.countMovement() == 0) return 0;
    if (!collector.ordered()) return collector.countMovement();
    List<Callable<Landed>> tasks = new ArrayList<>();
    for (io.konvoqa.session.Window gap : ChurnRepair.gaps(collector.edges(), query.window(), collector.newestFirst())) {
      PageFetcher.Query stretch = query.narrowed(gap);
      tasks.add(() -> {
        List<io.konvoqa.session.Session> sessions = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        SessionsPage page;
        int number = numbering.first();
        do {
          try {
            page = fetcher.fetch(stretch, number++);
            // as in the main paging: a full page of nothing new, or too many, would never end
            int fresh = 0;
            for (io.konvoqa.session.Session s : page.result()) if (ids.add(s.id())) fresh++;
            if (fresh == 0 && page.result().size() >= query.pageSize()) throw pageIgnored(number - 1, page.result().size());
            if (ids.size() > maxSessions) throw tooMany(String.format(java.util.Locale.ROOT, "more than %,d sessions", maxSessions));
          } catch (KonvoApiException e) {
            query.fail(e);
            throw e;
          }
          sessions.addAll(page.result());
        } while (page.result().size() >= query.pageSize());
        return new Landed(number - 1, new SessionsPage(page.count(), sessions), null);
      });
    }
    run(tasks, landed -> {
      collector.addRecovered(landed.page());
      if (sink != null) sink.page(landed.page().result());
    });
    return 0;
  }

  /**
   * Runs the tasks on the pool and hands their pages to {@code inOrder} in the order the tasks
   * were given, each as soon as those before it are in, and lets go of it then. At most {@link
   * #ahead} tasks run past the first page not yet handed. The first failure, whichever page it
   * comes from, cancels every other task at once and is thrown.
   */
  private void run(List<Callable<Landed>> tasks, Consumer<Landed> inOrder) {
    if (tasks.isEmpty()) return;
    CompletionService<Landed> done = new ExecutorCompletionService<>(pool);
    Map<Future<Landed>, Integer> futures = new IdentityHashMap<>();
    try {
      Landed[] landed = new Landed[tasks.size()];
      int submitted = 0, handed = 0;
      while (handed < landed.length) {
        while (submitted < tasks.size() && submitted - handed < ahead) {
          futures.put(done.submit(tasks.get(submitted)), submitted++);
        }
        Future<Landed> future = take(done);
        landed[futures.remove(future)] = await(future);
        while (handed < landed.length && landed[handed] != null) {
          Landed next = landed[handed];
          landed[handed++] = null;
          inOrder.accept(next);
        }
      }
    } catch (RuntimeException e) {
      query.cancel();
      futures.keySet().forEach(f -> f.cancel(true));
      throw e;
    }
  }

  /** A page the fetch needs: its failure is the fetch's, and stops every other page. */
  private SessionsPage page(int number) {
    try {
      return fetcher.fetch(query, number);
    } catch (KonvoApiException e) {
      query.fail(e);
      throw e;
    }
  }

  /** Page 0 while the numbering is unknown: refusing it is an answer, but a rejected key is not. */
  private Landed probe(int number) {
    try {
      return new Landed(number, fetcher.fetch(query, number), null);
    } catch (KonvoApiException e) {
      if (e.kind() == Kind.KEY_REJECTED) {
        query.fail(e);
        throw e;
      }
      return new Landed(number, null, e);
    }
  }

  /** Adds a page to the window; fails when it shows that the API ignores {@code page}. */
  private void take(Landed landed) {
    SessionsPage page = landed.page();
    int fresh = collector.add(page);
    boolean stale = !page.result().isEmpty() && fresh == 0;
    staleInARow = stale ? staleInARow + 1 : 0;
    if (stale && (page.result().size() >= query.pageSize() || staleInARow > 1
        || (previous != null && PageTally.sameIds(page, previous)))) {
      throw pageIgnored(landed.number(), page.result().size());
    }
    previous = page;
    if (sink != null) sink.page(page.result());
  }

  private KonvoApiException pageIgnored(int number, int sessions) {
    return new KonvoApiException(Kind.PAGE_IGNORED, "the API seems to ignore `page`: page "
        + number + " of " + baseUrl + "ai-sessions held " + sessions
        + " sessions, all of them on earlier pages, so the rest of the window cannot be read"
        + " and it cannot be judged; check that KONVO_BASE_URL points at the Konvo API, and"
        + " report it to Konvo if it does");
  }

  private KonvoApiException tooMany(String what) {
    return new KonvoApiException(Kind.TOO_MANY_SESSIONS, "the window holds " + what
        + ", more than the safety cap of " + String.format(java.util.Locale.ROOT, "%,d", maxSessions)
        + " per window: narrow the window, or raise KONVO_MAX_SESSIONS if the memory allows");
  }

  private static Future<Landed> take(CompletionService<Landed> done) {
    try {
      return done.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KonvoApiException(Kind.UNREACHABLE, "the fetch was interrupted", e);
    }
  }

  /** The page, or the failure that ended the fetch first (a cancelled page's is only an echo). */
  private Landed await(Future<Landed> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KonvoApiException(Kind.UNREACHABLE, "the fetch was interrupted", e);
    } catch (ExecutionException e) {
      KonvoApiException first = query.failure().get();
      if (first != null) throw first;
      if (e.getCause() instanceof KonvoApiException api) throw api;
      throw new KonvoApiException(Kind.UNREACHABLE, "fetching a page failed: " + e.getCause(), e);
    }
  }

  /** Stops the pool's threads; pages still in flight are cancelled with it. */
  @Override public void close() {
    pool.shutdownNow();
  }
}
