package io.konvoqa.client;

import io.konvoqa.config.Secret;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code x-api-key} to every request, and follows redirects itself so that the key never
 * leaves the host it was meant for; the key lives here and nowhere else.
 *
 * <p>OkHttp, left to follow redirects, strips only {@code Authorization} when one points to
 * another host: an {@code x-api-key} would go along. So the client is built with redirects off,
 * and this interceptor follows those that stay on the same scheme, host and port. One that points
 * elsewhere ends the request with a {@link RedirectRefusedException} naming where it pointed.
 */
final class ApiKeyInterceptor implements Interceptor {
  static final String HEADER = "x-api-key";
  static final int MAX_REDIRECTS = 5;

  private final Secret key;

  ApiKeyInterceptor(Secret key) {
    this.key = key;
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request().newBuilder().header(HEADER, key.value()).build();
    for (int redirects = 0; ; redirects++) {
      Response response = chain.proceed(request);
      String location = response.isRedirect() ? response.header("Location") : null;
      HttpUrl target = location == null ? null : request.url().resolve(location);
      if (target == null) return response; // no redirect, or none to follow: its status tells the caller
      response.close();
      HttpUrl from = request.url();
      if (!target.scheme().equals(from.scheme()) || !target.host().equals(from.host())
          || target.port() != from.port()) {
        throw new RedirectRefusedException("the API at " + origin(from) + " redirected to "
            + shown(target) + ": konvo-qa does not send the key to another host; set KONVO_BASE_URL"
            + " to the API's real address");
      }
      if (redirects == MAX_REDIRECTS) {
        throw new RedirectRefusedException("the API at " + origin(from) + " redirected more than "
            + MAX_REDIRECTS + " times, last to " + shown(target) + ": set KONVO_BASE_URL to the"
            + " address the API answers at");
      }
      request = request.newBuilder().url(target).build();
    }
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** Where a redirect pointed, without credentials, query or fragment (they may echo anything). */
  private static String shown(HttpUrl url) {
    return origin(url) + url.encodedPath();
  }

  @Override public String toString() {
    return "ApiKeyInterceptor[key=***]";
  }

  /** A redirect the client will not follow: not worth a retry, the base URL needs fixing. */
  static final class RedirectRefusedException extends IOException {
    RedirectRefusedException(String message) {
      super(message);
    }
  }
}
