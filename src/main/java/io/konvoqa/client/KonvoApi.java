package io.konvoqa.client;

import io.konvoqa.session.SessionsPage;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/** The one endpoint konvo-qa reads. */
interface KonvoApi {
  @GET("ai-sessions")
  Call<SessionsPage> sessions(
      @Query("page") int page,
      @Query("limit") int limit,
      @Query("updated_at_min") String updatedAtMin,
      @Query("updated_at_max") String updatedAtMax,
      @Query("messages") boolean messages,
      @Query("state") boolean state);
}
