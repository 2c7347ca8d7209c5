package io.konvoqa.client;

import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.SessionsPage;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Decodes a page straight from the response stream with {@link SessionJson}.
 *
 * <p>The body is never held whole: only the last few hundred bytes read are kept, so that a page
 * that fails to parse can be reported with a short excerpt of where it went wrong.
 */
final class PageConverterFactory extends Converter.Factory {
  static final int EXCERPT_BYTES = 160;
  private static final JsonReader.Options PAGE = JsonReader.Options.of("count", "result");
  /** Kept before the excerpt, so that a key straddling its start is whole when it is masked. */
  static final int MASK_MARGIN_BYTES = 512;

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type != SessionsPage.class) return null;
    return body -> {
      TailSource tail = new TailSource(body.source());
      try (BufferedSource source = Okio.buffer(tail); JsonReader reader = JsonReader.of(source)) {
        SessionsPage page = readPage(reader);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
          throw new com.squareup.moshi.JsonDataException(
              "unexpected content after the page object at " + reader.getPath());
        }
        return page;
      } catch (MalformedPageException e) {
        throw new UnparseablePageException(e, tail.text(), tail.total > tail.ring.length, true);
      } catch (IOException | RuntimeException e) {
        // cut off: the body ended early (Moshi says "Unterminated string" when it ends inside
        // one, not EOFException) or the connection broke; either may mend on a retry
        boolean cutOff = e instanceof IOException
            && (!(e instanceof JsonEncodingException) || tail.ended);
        throw new UnparseablePageException(e, tail.text(), tail.total > tail.ring.length, cutOff);
      } finally {
        body.close();
      }
    };
  }

  /**
   * A page: an object with {@code count} and a {@code result} array. Without that array it is no
   * page at all (an upstream error passed on as a 200, say), never an empty one.
   */
  private static SessionsPage readPage(JsonReader reader) throws IOException {
    Integer count = null;
    java.util.List<io.konvoqa.session.Session> result = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(PAGE)) {
        case 0 -> count = reader.peek() == JsonReader.Token.NULL ? reader.<Integer>nextNull() : reader.nextInt();
        case 1 -> {
          if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
            throw new MalformedPageException("\"result\" is not an array (found: "
                + reader.peek().name().toLowerCase(java.util.Locale.ROOT).replace("begin_", "") + ")");
          }
          result = SessionJson.readSessions(reader);
        }
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (result == null) throw new MalformedPageException("the page has no \"result\" array");
    return new SessionsPage(count, result);
  }

  /** A well-formed JSON object that is not a page: may be a passing upstream error, so retried. */
  private static final class MalformedPageException extends IOException {
    MalformedPageException(String message) {
      super(message);
    }
  }

  /** A page body that is not the JSON the contract describes; carries the end of the body. */
  static final class UnparseablePageException extends IOException {
    private final String tail;
    private final boolean tailIsPart;
    private final boolean retryable;

    UnparseablePageException(Exception cause, String tail, boolean tailIsPart, boolean retryable) {
      super(cause.getMessage(), cause);
      this.tail = tail;
      this.tailIsPart = tailIsPart;
      this.retryable = retryable;
    }

    /** The last {@link #EXCERPT_BYTES} characters read, on one line, masked before they are cut. */
    String excerpt(java.util.function.UnaryOperator<String> mask) {
      String text = mask.apply(tail).replaceAll("\\s+", " ").strip();
      boolean cut = tailIsPart || text.length() > EXCERPT_BYTES;
      return (cut ? "..." : "") + text.substring(Math.max(0, text.length() - EXCERPT_BYTES));
    }

    /** Cut off, or not a page at all: either may mend on a retry. */
    boolean retryable() {
      return retryable;
    }

    /** Valid JSON, but without the {@code result} array a page has. */
    boolean notAPage() {
      return getCause() instanceof MalformedPageException;
    }
  }

  /** Remembers the last bytes that passed through: an excerpt and a margin. */
  private static final class TailSource extends ForwardingSource {
    private final byte[] ring = new byte[EXCERPT_BYTES + MASK_MARGIN_BYTES];
    private long total;
    private boolean ended;

    TailSource(okio.Source delegate) {
      super(delegate);
    }

    @Override public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, byteCount);
      if (read == -1) ended = true;
      if (read > 0) {
        long skipped = Math.max(0, read - ring.length);
        total += skipped;
        Buffer copy = new Buffer();
        sink.copyTo(copy, sink.size() - read + skipped, read - skipped);
        while (!copy.exhausted()) ring[(int) (total++ % ring.length)] = copy.readByte();
      }
      return read;
    }

    String text() {
      int length = (int) Math.min(total, ring.length);
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        bytes[i] = ring[(int) ((total - length + i) % ring.length)];
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
