package org.pilotpool.model.trace.gwf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;

class GwfReaderTest {
  static Path fixture(String name) {
    try {
      return Path.of(GwfReaderTest.class.getResource("/traces/gwf/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<TraceJob> readAll(GwfReader r) {
    List<TraceJob> jobs = new ArrayList<>();
    r.forEachRemaining(jobs::add);
    return jobs;
  }

  @Test
  void mapsUserGroupVoAndExecutionSite() {
    try (GwfReader r = GwfReader.open(fixture("small.gwf"))) {
      assertEquals(List.of(
          new TraceJob("1", 0, 100, 1, OptionalLong.of(2), "alice", Optional.of("atlas_prod"),
              Optional.of("atlas"), Optional.of("SITE_B"), Optional.empty(), OptionalDouble.of(5),
              JobOutcome.COMPLETED),
          new TraceJob("2", 10, 50, 2, OptionalLong.empty(), "bob", Optional.of("cms"),
              Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
              JobOutcome.FAILED)), readAll(r));
      assertTrue(r.diagnostics().clean());
    }
  }

  @Test
  void streamViewYieldsTheSameJobs() {
    try (java.util.stream.Stream<TraceJob> jobs = GwfReader.open(fixture("small.gwf")).stream()) {
      assertEquals(List.of("1", "2"), jobs.map(TraceJob::id).toList());
    }
  }

  @Test
  void lenientModeSkipsWrongCountNonNumericAndDuplicateLines() {
    try (GwfReader r = GwfReader.open(fixture("dirty.gwf"), ReadPolicy.LENIENT)) {
      assertEquals(List.of("1", "5"), readAll(r).stream().map(TraceJob::id).toList());
      assertEquals(1, r.diagnostics().count(TraceProblem.WRONG_FIELD_COUNT));
      assertEquals(1, r.diagnostics().count(TraceProblem.NOT_A_NUMBER));
      assertEquals(1, r.diagnostics().count(TraceProblem.DUPLICATE_ID));
    }
  }

  @Test
  void strictModeStopsAtTheWrongFieldCountLine() {
    try (GwfReader r = GwfReader.open(fixture("dirty.gwf"), ReadPolicy.STRICT)) {
      r.next();
      BadInputException e = assertThrows(BadInputException.class, r::next);
      assertEquals(3, e.line());
      assertTrue(e.problem().contains("expected 29"), e.problem());
    }
  }

  @Test
  void refusesTheWorkflowCsvFormatInEitherPolicy() {
    for (ReadPolicy p : ReadPolicy.values()) {
      try (GwfReader r = GwfReader.open(fixture("workflow.gwf"), p)) {
        BadInputException e = assertThrows(BadInputException.class, r::hasNext);
        assertTrue(e.problem().contains("workflow trace"), e.problem());
        assertEquals(1, e.line());
      }
    }
  }
}
