package org.pilotpool.model.trace.swf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;

class SwfReaderTest {
  @TempDir Path tmp;

  static Path fixture(String name) {
    try {
      return Path.of(SwfReaderTest.class.getResource("/traces/swf/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<TraceJob> readAll(SwfReader r) {
    List<TraceJob> jobs = new ArrayList<>();
    r.forEachRemaining(jobs::add);
    return jobs;
  }

  @Test
  void mapsEveryJobFieldAsFormatsDescribe() {
    try (SwfReader r = SwfReader.open(fixture("small.swf"))) {
      List<TraceJob> jobs = readAll(r);
      assertEquals(List.of(
          new TraceJob("1", 0, 100, 4, OptionalLong.of(8), "u1", Optional.of("g1"),
              Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.of(10),
              JobOutcome.COMPLETED),
          new TraceJob("2", 5.5, 30.25, 2, OptionalLong.empty(), "u2", Optional.of("g1"),
              Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
              JobOutcome.FAILED),
          new TraceJob("3", 7, 60, 1, OptionalLong.of(1), "unknown", Optional.empty(),
              Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.of(3),
              JobOutcome.CANCELLED)), jobs);
      assertTrue(r.diagnostics().clean());
      assertEquals(3, r.diagnostics().recordsRead());
    }
  }

  @Test
  void keepsHeaderCommentsWithTypedAccess() {
    try (SwfReader r = SwfReader.open(fixture("small.swf"))) {
      SwfHeader h = r.header();
      assertEquals(Optional.of("2.2"), h.version());
      assertEquals(Optional.of("Test Cluster"), h.computer());
      assertEquals(OptionalLong.of(1700000000), h.unixStartTime());
      assertEquals(OptionalLong.of(64), h.maxNodes());
      assertEquals(OptionalLong.of(128), h.maxProcs());
      assertEquals(Optional.of("Europe/Amsterdam"), h.timeZoneString());
      assertEquals(List.of("queue 1 is batch, queue 0 is interactive"), h.queues());
      assertEquals(List.of("synthetic test data"), h.notes());
      assertEquals(3, readAll(r).size());
    }
  }

  @Test
  void headerWithNonNumericMaxProcsNamesLineAndKey() {
    SwfReader r = SwfReader.of(new java.io.StringReader("; MaxProcs: many\n"), "h.swf",
        ReadPolicy.LENIENT);
    BadInputException e = assertThrows(BadInputException.class, () -> r.header().maxProcs());
    assertEquals("h.swf:1: MaxProcs: expected a whole number in the SWF header, found 'many'",
        e.oneLine());
  }

  @Test
  void lenientModeSkipsBadLinesAndCountsEachReason() {
    try (SwfReader r = SwfReader.open(fixture("dirty.swf"), ReadPolicy.LENIENT)) {
      List<String> ids = readAll(r).stream().map(TraceJob::id).toList();
      assertEquals(List.of("1", "6", "7"), ids);
      TraceDiagnostics d = r.diagnostics();
      assertEquals(1, d.count(TraceProblem.WRONG_FIELD_COUNT));
      assertEquals(1, d.count(TraceProblem.NOT_A_NUMBER));
      assertEquals(1, d.count(TraceProblem.NEGATIVE_VALUE));
      assertEquals(1, d.count(TraceProblem.MISSING_VALUE));
      assertEquals(1, d.count(TraceProblem.DUPLICATE_ID));
      assertEquals(1, d.count(TraceProblem.OUT_OF_ORDER));
      assertEquals(8, d.recordsRead());
      assertEquals(3, d.jobsReturned());
      assertEquals(4, d.problems().get(TraceProblem.NOT_A_NUMBER).firstLine());
      assertTrue(d.problems().get(TraceProblem.NOT_A_NUMBER).firstExample().contains("Run Time"));
      assertTrue(d.summary().contains("DUPLICATE_ID x1"));
    }
  }

  @Test
  void strictModeStopsAtFirstBadLineWithFileAndLine() {
    Path f = fixture("dirty.swf");
    try (SwfReader r = SwfReader.open(f, ReadPolicy.STRICT)) {
      assertEquals("1", r.next().id());
      BadInputException e = assertThrows(BadInputException.class, r::hasNext);
      assertEquals(Optional.of(f.toString()), e.source());
      assertEquals(3, e.line());
      assertTrue(e.problem().contains("expected 18"), e.problem());
    }
  }

  @Test
  void strictModeRejectsOutOfOrderSubmitTimes() {
    String text = "1 10 0 5 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n"
        + "2 3 0 5 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n";
    try (SwfReader r = SwfReader.of(new java.io.StringReader(text), "t.swf", ReadPolicy.STRICT)) {
      r.next();
      BadInputException e = assertThrows(BadInputException.class, r::next);
      assertEquals(2, e.line());
      assertEquals(Optional.of("submit time"), e.key());
    }
  }

  @Test
  void readsGzipRecognisedByMagicBytesNotName() throws IOException {
    Path gz = tmp.resolve("trace.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(fixture("small.swf"), out);
    }
    try (SwfReader r = SwfReader.open(gz)) {
      assertEquals(List.of("1", "2", "3"), readAll(r).stream().map(TraceJob::id).toList());
      assertEquals(Optional.of("2.2"), r.header().version());
    }
  }

  @Test
  void aTruncatedGzipFileIsBadInputNamingTheLineItStoppedAt() throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(whole)) {
      for (int i = 1; i <= 20_000; i++) {
        out.write((i + " " + 10 * i + " " + i % 97 + " " + i % 1009
            + " 1 -1 -1 1 100 -1 1 1 1 -1 1 -1 -1 -1\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] bytes = whole.toByteArray();
    Path cut = Files.write(tmp.resolve("cut.swf.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    try (SwfReader r = SwfReader.open(cut)) {
      BadInputException e = assertThrows(BadInputException.class, () -> readAll(r));
      assertTrue(e.line() > 1 && e.line() < 20_000, "line " + e.line());
      assertTrue(e.oneLine().startsWith(cut + ":" + e.line() + ": cannot read on: the gzip data is"
          + " truncated or corrupt"), e.oneLine());
    }
  }

  @Test
  void missingFileIsABadInputNamingIt() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> SwfReader.open(tmp.resolve("nope.swf")));
    assertTrue(e.oneLine().contains("nope.swf"));
  }

  @Test
  void streamsAMillionJobsFromAGeneratedInputThatIsNeverMaterialised() {
    int n = 1_000_000;
    try (SwfReader r = SwfReader.of(
        new InputStreamReader(new GeneratedSwf(n), StandardCharsets.US_ASCII), "generated",
        ReadPolicy.STRICT)) {
      long count = 0;
      double runSum = 0;
      while (r.hasNext()) {
        TraceJob j = r.next();
        count++;
        runSum += j.runSeconds();
      }
      assertEquals(n, count);
      double expected = 0;
      for (int i = 1; i <= n; i++) {
        expected += i % 1000;
      }
      assertEquals(expected, runSum);
      assertEquals(n, r.diagnostics().jobsReturned());
      assertFalse(r.hasNext());
    }
  }

  /** An SWF log produced a line at a time: only the current line ever exists in memory. */
  private static final class GeneratedSwf extends InputStream {
    private final int jobs;
    private int nextJob = 1;
    private byte[] line = "; Version: 2.2\n".getBytes(StandardCharsets.US_ASCII);
    private int pos;

    GeneratedSwf(int jobs) {
      this.jobs = jobs;
    }

    @Override
    public int read() {
      if (pos == line.length && !advance()) {
        return -1;
      }
      return line[pos++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos == line.length && !advance()) {
        return -1;
      }
      int k = Math.min(len, line.length - pos);
      System.arraycopy(line, pos, b, off, k);
      pos += k;
      return k;
    }

    private boolean advance() {
      if (nextJob > jobs) {
        return false;
      }
      int i = nextJob++;
      line = (i + " " + (i * 2L) + " -1 " + (i % 1000) + " 1 -1 -1 1 -1 2048 1 " + (i % 50 + 1)
          + " 1 -1 -1 -1 -1 -1\n").getBytes(StandardCharsets.US_ASCII);
      pos = 0;
      return true;
    }
  }
}
