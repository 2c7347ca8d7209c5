package io.konvoqa.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds {@code x-api-key} to every request; the key lives here and nowhere else. */
final class ApiKeyInterceptor implements Interceptor {
  private final String apiKey;

  ApiKeyInterceptor(String apiKey) {
    this.apiKey = apiKey;
  }

  @Override public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("x-api-key", apiKey).build());
  }

  @Override public String toString() {
    return "ApiKeyInterceptor[key=***]";
  }
}
