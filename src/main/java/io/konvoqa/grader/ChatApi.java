package io.konvoqa.grader;

import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/** The one endpoint of an OpenAI-compatible server the judge uses. */
interface ChatApi {
  @POST("chat/completions")
  Call<ResponseBody> complete(@Body RequestBody body);
}
