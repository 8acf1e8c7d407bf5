package org.pilotpool.model.trace.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;

class HistoryTraceReaderTest {
  @TempDir Path tmp;

  static final TraceJob ALICE = new TraceJob("101.0", 1700000000, 3600, 8, OptionalLong.of(16000),
      "alice", Optional.of("group_atlas"), Optional.of("atlas"), Optional.of("SITE_A"),
      Optional.of("/DC=org/DC=example/CN=Alice \"Al\" Smith"), OptionalDouble.of(100),
      JobOutcome.COMPLETED);
  static final TraceJob BOB = new TraceJob("102.3", 1699999000, 120, 1, OptionalLong.empty(),
      "bob", Optional.empty(), Optional.empty(), Optional.of("SITE_C"), Optional.empty(),
      OptionalDouble.empty(), JobOutcome.FAILED);
  static final TraceJob CAROL = new TraceJob("103.0", 1700001000, 0, 1, OptionalLong.empty(),
      "carol", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      OptionalDouble.empty(), JobOutcome.CANCELLED);

  static Path fixture(String name) {
    try {
      return Path.of(HistoryTraceReaderTest.class.getResource("/traces/history/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<TraceJob> readAll(HistoryTraceReader r) {
    List<TraceJob> jobs = new ArrayList<>();
    r.forEachRemaining(jobs::add);
    return jobs;
  }

  @Test
  void longFormAdsSeparatedByBlankLinesBecomeJobs() {
    try (HistoryTraceReader r = HistoryTraceReader.open(fixture("long.txt"))) {
      assertEquals(List.of(ALICE, BOB, CAROL), readAll(r));
    }
  }

  @Test
  void historyFileAdsSeparatedByOffsetBannersBecomeJobs() {
    try (HistoryTraceReader r = HistoryTraceReader.open(fixture("history"))) {
      assertEquals(List.of(ALICE, BOB, CAROL), readAll(r));
      assertEquals(1, r.diagnostics().count(TraceProblem.OUT_OF_ORDER));
    }
  }

  @Test
  void jsonArrayIsStreamedWithExpressionsKeptAsText() {
    try (HistoryTraceReader r = HistoryTraceReader.open(fixture("history.json"))) {
      assertEquals(List.of(ALICE, BOB, CAROL), readAll(r));
    }
  }

  @Test
  void gzippedJsonIsDetectedByContent() throws IOException {
    Path gz = tmp.resolve("history.out");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(fixture("history.json"), out);
    }
    try (HistoryTraceReader r = HistoryTraceReader.open(gz)) {
      assertEquals(3, readAll(r).size());
    }
  }

  @Test
  void lenientModeSkipsMalformedIncompleteAndDuplicateAds() {
    try (HistoryTraceReader r = HistoryTraceReader.open(fixture("dirty.txt"), ReadPolicy.LENIENT)) {
      assertEquals(List.of(ALICE, CAROL), readAll(r));
      assertEquals(1, r.diagnostics().count(TraceProblem.BAD_VALUE));
      assertEquals(1, r.diagnostics().count(TraceProblem.MISSING_VALUE));
      assertEquals(1, r.diagnostics().count(TraceProblem.DUPLICATE_ID));
      assertEquals(25, r.diagnostics().problems().get(TraceProblem.BAD_VALUE).firstLine());
    }
  }

  @Test
  void strictModeStopsAtTheLineThatIsNotAnAttribute() {
    try (HistoryTraceReader r = HistoryTraceReader.open(fixture("dirty.txt"), ReadPolicy.STRICT)) {
      assertEquals(ALICE, r.next());
      BadInputException e = assertThrows(BadInputException.class, r::next);
      assertEquals(25, e.line());
      assertTrue(e.problem().contains("Attribute = value"));
    }
  }

  @Test
  void jsonLinesOutputIsReadAsWell() {
    byte[] jsonl = ("{\"ClusterId\": 5, \"ProcId\": 1, \"Owner\": \"dave\", \"QDate\": 100,"
        + " \"RemoteWallClockTime\": 7}\n{\"ClusterId\": 5, \"ProcId\": 2, \"Owner\": \"dave\","
        + " \"QDate\": 101, \"RemoteWallClockTime\": 8}\n").getBytes(StandardCharsets.UTF_8);
    try (HistoryTraceReader r = HistoryTraceReader.ofJson(new ByteArrayInputStream(jsonl),
        "h.jsonl", ReadPolicy.STRICT)) {
      assertEquals(List.of("5.1", "5.2"), readAll(r).stream().map(TraceJob::id).toList());
    }
  }

  @Test
  void brokenJsonIsABadInputWithItsLine() {
    byte[] json = "[\n{\"ClusterId\": 1,\n\"ProcId\": }\n]".getBytes(StandardCharsets.UTF_8);
    try (HistoryTraceReader r = HistoryTraceReader.ofJson(new ByteArrayInputStream(json), "h.json",
        ReadPolicy.LENIENT)) {
      BadInputException e = assertThrows(BadInputException.class, r::hasNext);
      assertEquals(3, e.line());
    }
  }

  @Test
  void classAdLiteralsAreTypedAndStringEscapesResolved() {
    assertEquals(new AdValue.Str("a \"b\" \\ c"), ClassAdLiteral.parse("\"a \\\"b\\\" \\\\ c\""));
    assertEquals(new AdValue.Int(-42), ClassAdLiteral.parse("-42"));
    assertEquals(new AdValue.Real(2.5e3), ClassAdLiteral.parse("2.5E3"));
    assertEquals(new AdValue.Bool(true), ClassAdLiteral.parse("TRUE"));
    assertEquals(new AdValue.Undefined(), ClassAdLiteral.parse("UNDEFINED"));
    assertEquals(new AdValue.Expression("\"a\" + \"b\""), ClassAdLiteral.parse("\"a\" + \"b\""));
    assertEquals(new AdValue.Expression("RequestMemory * 2"),
        ClassAdLiteral.parse("RequestMemory * 2"));
  }
}
