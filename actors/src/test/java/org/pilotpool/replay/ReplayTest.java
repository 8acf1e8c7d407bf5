package org.pilotpool.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.kernel.VirtualTimeKernel;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.TraceProblem;
import org.pilotpool.model.trace.TraceReader;
import org.pilotpool.model.trace.swf.SwfReader;

class ReplayTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** One line per event, as "kind job time [slot]" with times in whole seconds. */
  static final class Journal implements ReplayListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void submitted(ReplayJob job, long atNanos) {
      lines.add("submit " + job.trace().id() + " " + atNanos / 1_000_000_000L);
    }

    @Override
    public void started(ReplayJob job, long atNanos, String slot) {
      lines.add("start " + job.trace().id() + " " + atNanos / 1_000_000_000L + " " + slot);
    }

    @Override
    public void ended(ReplayJob job, long startNanos, long endNanos, String slot) {
      lines.add("end " + job.trace().id() + " " + endNanos / 1_000_000_000L);
    }

    @Override
    public void rejected(ReplayJob job, long atNanos, String reason) {
      lines.add("reject " + job.trace().id() + " " + reason);
    }

    List<String> starts() {
      return lines.stream().filter(l -> l.startsWith("start")).toList();
    }
  }

  private static SimulationResult replay(TraceReader reader, int cores, ReplayListener listener) {
    return replay(new ArrivalStream(reader), cores, listener);
  }

  private static SimulationResult replay(ArrivalStream arrivals, int cores, ReplayListener listener) {
    SimulationResult r = Simulation.create(ConfigFactory.empty(), EPOCH)
        .run(Replay.create(arrivals, FcfsReplayPool.create(cores), listener), Duration.ofDays(3650),
            ProgressListener.NONE);
    assertEquals(VirtualTimeKernel.Outcome.STOPPED, r.outcome(), "the replay stops by itself");
    return r;
  }

  private static TraceReader swf(String... lines) {
    return SwfReader.of(new StringReader(String.join("\n", lines) + "\n"), "test.swf", ReadPolicy.LENIENT);
  }

  private static String swfLine(int id, double submit, double wait, double run, int cpus) {
    return id + " " + submit + " " + wait + " " + run + " " + cpus + " -1 -1 " + cpus
        + " -1 -1 1 1 1 -1 -1 -1 -1 -1";
  }

  @Test
  void oneSlotServesJobsFirstComeFirstServedWithTheirOwnRunTimes() {
    Journal journal = new Journal();
    ReplayStats stats = new ReplayStats(60_000_000_000L, 100);
    replay(swf(swfLine(1, 1000, 0, 100, 1), swfLine(2, 1010, 0, 50, 1), swfLine(3, 1020, 0, 10, 1)),
        1, ReplayListener.all(List.of(journal, stats)));
    // Shifted to start at 0: job 1 runs 0-100, job 2 waits 90 (100-150), job 3 waits 130.
    assertEquals(List.of("start 1 0 slot1", "start 2 100 slot1", "start 3 150 slot1"), journal.starts());
    assertEquals(List.of("end 1 100", "end 2 150", "end 3 160"),
        journal.lines.stream().filter(l -> l.startsWith("end")).toList());
    WaitStats w = stats.simulatedWait();
    assertEquals(3, w.count());
    assertEquals(220.0 / 3, w.meanSeconds(), 1e-9);
    assertEquals(130.0, w.maxSeconds(), 1e-9);
  }

  @Test
  void theFirstJobArrivesAtTheRunsStart() {
    Journal journal = new Journal();
    replay(swf(swfLine(7, 123456, 0, 5, 1), swfLine(8, 123466, 0, 5, 1)), 1, journal);
    assertEquals("submit 7 0", journal.lines.get(0));
    assertTrue(journal.lines.contains("submit 8 10"), journal.lines.toString());
  }

  @Test
  void aMultiCoreJobWaitsForEnoughFreeCoresWithoutBackfilling() {
    Journal journal = new Journal();
    replay(swf(swfLine(1, 0, 0, 100, 1), swfLine(2, 1, 0, 10, 2), swfLine(3, 2, 0, 10, 1)), 2, journal);
    // Job 2 needs both cores and waits for job 1; job 3 could run at once on the idle core but
    // may not pass job 2.
    assertEquals(List.of("start 1 0 slot1", "start 2 100 slot2+slot1", "start 3 110 slot2"), journal.starts());
  }

  @Test
  void aJobWiderThanThePoolIsRejectedAndTheRestRuns() {
    Journal journal = new Journal();
    ReplayStats stats = new ReplayStats(60_000_000_000L, 100);
    replay(swf(swfLine(1, 0, 0, 10, 4), swfLine(2, 0, 0, 10, 1)), 2, ReplayListener.all(List.of(journal, stats)));
    assertTrue(journal.lines.contains("reject 1 needs 4 cores, the pool has 2"), journal.lines.toString());
    assertEquals(1, stats.rejected());
    assertEquals(1, stats.ended());
  }

  @Test
  void theRecordedWaitIsComparedOverTheJobsThatRecordIt() {
    ReplayStats stats = new ReplayStats(60_000_000_000L, 100);
    replay(swf(swfLine(1, 0, 40, 10, 1), swfLine(2, 0, -1, 10, 1)), 1, stats);
    assertEquals(1, stats.recordedWait().count());
    assertEquals(40.0, stats.recordedWait().meanSeconds(), 1e-9);
    assertEquals(2, stats.simulatedWait().count());
  }

  @Test
  void aRecordWithUnknownRunTimeIsSkippedAndCountedInLenientMode() {
    ArrivalStream arrivals = new ArrivalStream(swf(swfLine(1, 0, 0, -1, 1), swfLine(2, 5, 0, 10, 1)));
    Journal journal = new Journal();
    replay(arrivals, 1, journal);
    assertEquals(List.of("start 2 0 slot1"), journal.starts());
    assertEquals(1, arrivals.diagnostics().count(TraceProblem.MISSING_VALUE));
  }

  @Test
  void aBadRecordInStrictModeStopsTheReplayAndIsKeptForTheCaller() {
    TraceReader strict = SwfReader.of(new StringReader(swfLine(1, 0, 0, 10, 1) + "\n1 2 3\n"
        + swfLine(3, 5, 0, 10, 1) + "\n"), "bad.swf", ReadPolicy.STRICT);
    ArrivalStream arrivals = new ArrivalStream(strict);
    replay(arrivals, 1, new Journal());
    BadInputException e = assertInstanceOf(BadInputException.class, arrivals.failure().orElseThrow());
    assertEquals(2, e.line());
  }

  @Test
  void jobsOutOfSubmitOrderArriveWithThePreviousJobAndAreCounted() {
    ArrivalStream arrivals = new ArrivalStream(swf(swfLine(1, 0, 0, 1, 1), swfLine(2, 50, 0, 1, 1),
        swfLine(3, 20, 0, 1, 1)));
    Journal journal = new Journal();
    replay(arrivals, 4, journal);
    assertTrue(journal.lines.contains("submit 3 50"), journal.lines.toString());
    assertEquals(1, arrivals.lateArrivals());
  }
}
