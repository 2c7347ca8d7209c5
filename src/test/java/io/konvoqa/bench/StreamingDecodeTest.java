package io.konvoqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.konvoqa.demo.DemoWorkspace;
import io.konvoqa.session.Session;
import io.konvoqa.session.SessionJson;
import io.konvoqa.session.SessionsPage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * The memory design, without timing anything: a page is decoded while it arrives, so the client
 * never holds a page body whole (as a String or a byte array) next to the sessions made from it.
 */
class StreamingDecodeTest {
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  private static final Pattern RESULT_INDEX = Pattern.compile("^\\$\\.result\\[(\\d+)]");

  @Test void aPageIsReadFromTheSourceWhileItsSessionsAreDecodedNotBefore() throws IOException {
    List<Session> sessions = DemoWorkspace.generate(NOW, 7L, 200).sessions();
    Buffer body = page(sessions);
    long bodySize = body.size();
    PathProbe probe = new PathProbe(body);
    JsonReader reader = JsonReader.of(Okio.buffer(probe));
    probe.reader = reader;

    SessionsPage page = SessionJson.readPage(reader);

    assertThat(page.result()).isEqualTo(sessions);
    TreeSet<Integer> indices = probe.resultIndicesAtReads();
    // a decoder that first read the whole body would pull every byte while still at "$"
    assertThat(indices).as("sessions being decoded when the source was read (body %,d bytes)", bodySize)
        .hasSizeGreaterThan(40);
    assertThat(indices.last()).isGreaterThanOrEqualTo(195);
    assertThat(probe.largestRead).as("bytes pulled by a single read").isLessThanOrEqualTo(8192);
  }

  private static Buffer page(List<Session> sessions) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject().name("count").value(sessions.size()).name("result").beginArray();
      for (Session s : sessions) SessionJson.write(writer, s, true, true);
      writer.endArray().endObject();
    }
    return buffer;
  }

  /** Remembers where the JSON reader was each time more of the body was pulled. */
  private static final class PathProbe extends ForwardingSource {
    JsonReader reader;
    final List<String> pathsAtReads = new ArrayList<>();
    long largestRead;

    PathProbe(Buffer body) {
      super(body);
    }

    @Override public long read(Buffer sink, long byteCount) throws IOException {
      if (reader != null) pathsAtReads.add(reader.getPath());
      long read = super.read(sink, byteCount);
      largestRead = Math.max(largestRead, read);
      return read;
    }

    TreeSet<Integer> resultIndicesAtReads() {
      TreeSet<Integer> indices = new TreeSet<>();
      for (String path : pathsAtReads) {
        Matcher m = RESULT_INDEX.matcher(path);
        if (m.find()) indices.add(Integer.parseInt(m.group(1)));
      }
      return indices;
    }
  }
}
