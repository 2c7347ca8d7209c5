package io.konvoqa.client;

import static io.konvoqa.client.RawPageServer.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.konvoqa.client.KonvoApiException.Kind;
import io.konvoqa.session.Timestamps;
import io.konvoqa.simulator.Fixtures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The churn repair asks the server again, for the stretches of time between pages: a server that
 * then ignores {@code page} (the same full page whatever is asked for) must end the fetch as the
 * main paging would, never keep the client asking for ever.
 */
class RepairOnHostilePagesTest {
  private static final Pattern PAGE = Pattern.compile("(?:^|&)page=(-?\\d+)");
  private static final Pattern MIN = Pattern.compile("(?:^|&)updated_at_min=([^&]*)");

  @Test void aServerIgnoringPageWhenAskedForAStretchEndsTheFetchInsteadOfLooping() {
    // given 400 sessions oldest first, a count that falls with every request (the window moves),
    // and the same full page for every request of a narrower window
    String windowStart = Timestamps.format(Fixtures.all().from());
    AtomicInteger served = new AtomicInteger();
    try (ScriptedServer server = new ScriptedServer(exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      Matcher p = PAGE.matcher(query), min = MIN.matcher(query);
      int number = p.find() ? Integer.parseInt(p.group(1)) : 1;
      boolean stretch = min.find() && !URLDecoder.decode(min.group(1), StandardCharsets.UTF_8).equals(windowStart);
      int count = 400 - served.getAndIncrement();
      String body = stretch ? page(count, Fixtures.sessions(200))
          : number < 1 || number > 2 ? page(count, java.util.List.of())
          : page(count, Fixtures.sessions(400).subList((number - 1) * 200, number * 200));
      ScriptedServer.reply(exchange, 200, body);
    })) {
      KonvoClient client = TestClients.against(server.url()).build();

      // when
      KonvoApiException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> catchThrowableOfType(KonvoApiException.class, () -> client.fetch(Fixtures.all())));

      // then the fetch ends, saying why
      assertThat(e).isNotNull();
      assertThat(e.kind()).isEqualTo(Kind.PAGE_IGNORED);
      assertThat(e.getMessage()).startsWith("the API seems to ignore `page`: page 2 of " + server.url()
          + "ai-sessions held 200 sessions, all of them on earlier pages");
      assertThat(served.get()).isLessThan(20);
    }
  }
}
