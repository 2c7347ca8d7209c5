package io.konvoqa.grader;

import io.konvoqa.gate.Grade;
import io.konvoqa.gate.Grader;
import io.konvoqa.gate.GraderFacts;
import io.konvoqa.gate.GraderUnavailable;
import io.konvoqa.gate.Rubric;
import io.konvoqa.session.Role;
import io.konvoqa.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Grades sessions with an OpenAI-compatible judge: masks each session, writes its transcript,
 * takes what the cache has, checks the uncached calls against the run's budget before making
 * any, then calls the judge for the rest on a bounded pool. A failure becomes an error grade,
 * never a pass; a settings error (a refused key, a wrong URL) stops every later call of the run.
 */
final class ChatGrader implements Grader {
  /** How this grader judges: everything but the client and the cache. */
  record Config(String model, boolean demo, boolean sendsPersonalData, boolean jsonMode,
      int maxChars, int maxCalls, int concurrency, Map<String, Role> roles) {
    Config {
      Objects.requireNonNull(model, "model");
      roles = Map.copyOf(roles);
      if (concurrency < 1) throw new IllegalArgumentException("concurrency must be 1 or more but was " + concurrency);
      if (maxCalls < 0) throw new IllegalArgumentException("maxCalls must be 0 or more but was " + maxCalls);
    }
  }

  private final Config config;
  private final JudgeClient client;
  private final JudgmentCache cache;
  private final UnaryOperator<Session> masking;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong cacheHits = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicReference<JudgeException> fatal = new AtomicReference<>();
  /** Calls promised to the gates so far: made, or under way. */
  private long reserved;

  ChatGrader(Config config, JudgeClient client, JudgmentCache cache, UnaryOperator<Session> masking) {
    this.config = config;
    this.client = client;
    this.cache = cache;
    this.masking = masking;
  }

  /** One session ready to judge: what is sent, its cache key, and what the cache had. */
  private record Item(Session session, String user, String key, JudgmentCache.Judgment cached) {
    boolean empty() {
      return session.messages() == null || session.messages().stream()
          .noneMatch(m -> m != null && m.hasText() && !m.text().isBlank());
    }
  }

  @Override public List<Grade> grade(Rubric rubric, List<Session> sessions) {
    String system = Prompt.system(rubric);
    List<Item> items = new ArrayList<>(sessions.size());
    for (Session s : sessions) {
      String user = Prompt.user(masking.apply(s), config.roles(), config.maxChars());
      String key = JudgmentCache.key(s, user, rubric.text(), config.model());
      items.add(new Item(s, user, key, cache.get(key)));
    }
    int needed = (int) items.stream().filter(i -> i.cached() == null && !i.empty()).count();
    reserve(needed, sessions.size());
    List<Grade> grades = new ArrayList<>(items.size());
    ExecutorService pool = needed == 0 ? null : Executors.newFixedThreadPool(Math.min(needed, config.concurrency()), r -> {
      Thread t = new Thread(r, "konvo-judge");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Grade>> futures = new ArrayList<>(items.size());
      for (Item item : items) {
        if (item.cached() != null) {
          cacheHits.incrementAndGet();
          futures.add(java.util.concurrent.CompletableFuture.completedFuture(new Grade(item.session().id(),
              item.cached().kind(), item.cached().reason(), true, 0)));
        } else if (item.empty()) {
          futures.add(java.util.concurrent.CompletableFuture.completedFuture(
              error(item, "the session has no message text to judge")));
        } else {
          futures.add(pool.submit(() -> call(rubric, system, item)));
        }
      }
      for (Future<Grade> f : futures) grades.add(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraderUnavailable("judging was interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a judge call failed unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      if (pool != null) pool.shutdownNow();
    }
    return grades;
  }

  /** Takes {@code needed} calls from the budget, or none: a gate never judges part of its sessions. */
  private synchronized void reserve(int needed, int sessions) {
    if (reserved + needed > config.maxCalls()) {
      throw new GraderUnavailable("the judge's budget is used up: KONVO_JUDGE_MAX_CALLS=" + config.maxCalls()
          + " allows " + (config.maxCalls() - reserved) + " more call" + (config.maxCalls() - reserved == 1 ? "" : "s")
          + " in this run, and judging these " + sessions + " sessions needs " + needed
          + " (the others are cached); raise KONVO_JUDGE_MAX_CALLS or judge a smaller sample");
    }
    reserved += needed;
  }

  private synchronized void release() {
    reserved--;
  }

  private Grade call(Rubric rubric, String system, Item item) {
    JudgeException stop = fatal.get();
    if (stop != null) {
      release();
      return error(item, stop.getMessage());
    }
    calls.incrementAndGet();
    ChatReply reply;
    try {
      reply = client.complete(new ChatRequest(config.model(), system, item.user(), config.jsonMode()));
    } catch (JudgeException e) {
      if (e.fatal()) fatal.compareAndSet(null, e);
      return error(item, e.getMessage());
    }
    tokens.addAndGet(reply.tokens());
    AnswerContract.Reading reading = reply.reading();
    if (reading.kind() == Grade.Kind.ERROR) {
      errors.incrementAndGet();
      return new Grade(item.session().id(), Grade.Kind.ERROR, reading.reason(), false, reply.tokens());
    }
    cache.put(item.key(), item.session().id(), rubric.name(), config.model(),
        new JudgmentCache.Judgment(reading.kind(), reading.reason(), reply.tokens()));
    return new Grade(item.session().id(), reading.kind(), reading.reason(), false, reply.tokens());
  }

  private Grade error(Item item, String reason) {
    errors.incrementAndGet();
    return new Grade(item.session().id(), Grade.Kind.ERROR, reason, false, 0);
  }

  @Override public GraderFacts facts() {
    return new GraderFacts(config.model(), client.host(), Prompt.PROMPT_VERSION, config.demo(),
        config.sendsPersonalData(), calls.get(), cacheHits.get(), tokens.get(), errors.get());
  }

  /** HTTP requests the client sent, retries included. */
  long requests() {
    return client.requests();
  }
}
