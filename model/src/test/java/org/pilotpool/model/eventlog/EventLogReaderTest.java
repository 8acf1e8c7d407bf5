package org.pilotpool.model.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;

class EventLogReaderTest {
  static Path fixture(String name) {
    try {
      return Path.of(EventLogReaderTest.class.getResource("/traces/eventlog/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static EventLogReader.Options lenientUtc(int year) {
    return EventLogReader.Options.lenient(ZoneOffset.UTC, year);
  }

  @Test
  void legacyDatesTakeTheReferenceYearAndRollOverAtNewYear() {
    List<JobEvent> events = new ArrayList<>();
    try (EventLogReader r = EventLogReader.open(fixture("legacy.log"), lenientUtc(2025))) {
      r.forEachRemaining(events::add);
      assertEquals(1, r.diagnostics().count(TraceProblem.UNKNOWN_EVENT));
    }
    assertEquals(Instant.parse("2025-12-31T23:59:00Z"), events.get(0).time());
    assertEquals(Instant.parse("2026-01-01T00:01:00Z"), events.get(1).time());
    assertEquals(new JobEvent.Submit(new JobId(42, 0, 0), Instant.parse("2025-12-31T23:59:00Z"),
        "<10.0.0.1:9618?addrs=10.0.0.1-9618>", Optional.of("DAG Node: A")), events.get(0));
  }

  @Test
  void readsHeldCodesSlotNameEvictionAndResourceTableFromHtcondorText() {
    List<JobEvent> events = new ArrayList<>();
    try (EventLogReader r = EventLogReader.open(fixture("legacy.log"), lenientUtc(2025))) {
      r.forEachRemaining(events::add);
    }
    JobEvent.Evicted ev = (JobEvent.Evicted) events.get(2);
    assertEquals(new CpuUsage(1, 0), ev.runRemote());
    JobEvent.Execute ex = (JobEvent.Execute) events.get(4);
    assertEquals(Optional.of("slot1_1@wn3.example.org"), ex.slotName());
    JobEvent.Held held = (JobEvent.Held) events.get(5);
    assertEquals(6, held.holdCode());
    assertEquals(0, held.holdSubcode());
    assertTrue(held.reason().orElseThrow().startsWith("Failed to execute"));
    JobEvent.Aborted aborted = (JobEvent.Aborted) events.get(7);
    assertEquals(Optional.of("via condor_rm (by user alice)"), aborted.reason());
    JobEvent.Terminated t = (JobEvent.Terminated) events.get(9);
    assertEquals(List.of(new ResourceRow("Cpus", "", "2", "2"),
        new ResourceRow("Disk", "15", "1024", "7846234"),
        new ResourceRow("Memory", "100", "2048", "2048")), t.resources());
  }

  @Test
  void isoTimesWithTFractionAndOffsetAreRead() {
    String log = "001 (001.000.000) 2026-11-24T03:54:47.5+01:00 Job executing on host: <h>\n...\n"
        + "001 (001.000.000) 2026-11-24 03:54:47.250Z Job executing on host: <h>\n...\n";
    List<JobEvent> events = new ArrayList<>();
    try (EventLogReader r = EventLogReader.of(new StringReader(log), "t.log",
        new EventLogReader.Options(ZoneOffset.UTC, 2026, ReadPolicy.STRICT))) {
      r.forEachRemaining(events::add);
    }
    assertEquals(Instant.parse("2026-11-24T02:54:47.500Z"), events.get(0).time());
    assertEquals(Instant.parse("2026-11-24T03:54:47.250Z"), events.get(1).time());
  }

  @Test
  void eventsBecomeJobsWithWaitFromFirstStartAndRunFromLastStart() {
    try (EventLogTraceReader r = EventLogTraceReader.open(fixture("legacy.log"), lenientUtc(2025))) {
      List<TraceJob> jobs = new ArrayList<>();
      r.forEachRemaining(jobs::add);
      double submit42 = Instant.parse("2025-12-31T23:59:00Z").getEpochSecond();
      double submit43 = Instant.parse("2026-01-01T00:02:30Z").getEpochSecond();
      assertEquals(List.of(
          new TraceJob("43.0", submit43, 0, 1, OptionalLong.empty(), "unknown", Optional.empty(),
              Optional.empty(), Optional.empty(), Optional.empty(), OptionalDouble.empty(),
              JobOutcome.CANCELLED),
          new TraceJob("42.0", submit42, 3600, 2, OptionalLong.of(2048), "unknown",
              Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
              OptionalDouble.of(120), JobOutcome.COMPLETED)), jobs);
      assertEquals(1, r.diagnostics().count(TraceProblem.UNFINISHED_JOB));
    }
  }

  @Test
  void lenientModeSkipsMalformedOrphanAndUnknownEventsAndCountsThem() {
    try (EventLogTraceReader r = EventLogTraceReader.open(fixture("dirty.log"), lenientUtc(2026))) {
      List<TraceJob> jobs = new ArrayList<>();
      r.forEachRemaining(jobs::add);
      assertEquals(1, jobs.size());
      TraceJob j = jobs.get(0);
      assertEquals(JobOutcome.CANCELLED, j.outcome());
      assertEquals(60, j.runSeconds());
      assertEquals(OptionalDouble.of(60.25), j.recordedWaitSeconds());
      TraceDiagnostics d = r.diagnostics();
      assertEquals(3, d.count(TraceProblem.MALFORMED_EVENT), d.summary());
      assertEquals(1, d.count(TraceProblem.ORPHAN_EVENT));
      assertEquals(1, d.count(TraceProblem.UNKNOWN_EVENT));
      assertEquals(3, d.problems().get(TraceProblem.MALFORMED_EVENT).firstLine());
    }
  }

  @Test
  void strictModeStopsAtTheFirstMalformedEvent() {
    try (EventLogReader r = EventLogReader.open(fixture("dirty.log"),
        new EventLogReader.Options(ZoneOffset.UTC, 2026, ReadPolicy.STRICT))) {
      r.next();
      BadInputException e = assertThrows(BadInputException.class, r::next);
      assertEquals(3, e.line());
      assertTrue(e.problem().contains("NNN (cluster.proc.subproc)"), e.problem());
    }
  }

  @Test
  void terminationLineAfterTheResourceTableEndsTheTable() {
    String log = "005 (001.000.000) 2026-11-24 03:54:47 Job terminated.\n"
        + "\t(1) Normal termination (return value 0)\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Remote Usage\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Remote Usage\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Local Usage\n"
        + "\t0  -  Run Bytes Sent By Job\n\t0  -  Run Bytes Received By Job\n"
        + "\t0  -  Total Bytes Sent By Job\n\t0  -  Total Bytes Received By Job\n"
        + "\tPartitionable Resources :    Usage  Request Allocated \n"
        + "\t   Cpus                 :                 1         1 \n"
        + "\tJob terminated of its own accord at 2026-11-24T03:54:47Z with exit-code 0.\n"
        + "...\n";
    try (EventLogReader r = EventLogReader.of(new StringReader(log), "t.log",
        new EventLogReader.Options(ZoneOffset.UTC, 2026, ReadPolicy.STRICT))) {
      JobEvent.Terminated t = (JobEvent.Terminated) r.next();
      assertEquals(List.of(new ResourceRow("Cpus", "", "1", "1")), t.resources());
    }
  }

  @Test
  void requeuedEvictionKeepsItsReasonNotTheExitLine() {
    String log = "004 (001.000.000) 2026-11-24 03:54:47 Job was evicted.\n"
        + "\t(0) Job terminated and was requeued\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Remote Usage\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
        + "\t0  -  Run Bytes Sent By Job\n\t0  -  Run Bytes Received By Job\n"
        + "\t(1) Normal termination (return value 1)\n"
        + "\tOnExitRemove evaluated to FALSE\n"
        + "...\n";
    try (EventLogReader r = EventLogReader.of(new StringReader(log), "t.log",
        new EventLogReader.Options(ZoneOffset.UTC, 2026, ReadPolicy.STRICT))) {
      JobEvent.Evicted e = (JobEvent.Evicted) r.next();
      assertEquals(Optional.of("OnExitRemove evaluated to FALSE"), e.reason());
    }
  }

  @Test
  void truncatedLastEventIsMalformed() {
    String log = "000 (001.000.000) 2026-11-24 03:54:47 Job submitted from host: <h>\n";
    try (EventLogReader r = EventLogReader.of(new StringReader(log), "t.log", lenientUtc(2026))) {
      assertTrue(!r.hasNext());
      assertEquals(1, r.diagnostics().count(TraceProblem.MALFORMED_EVENT));
    }
  }
}
