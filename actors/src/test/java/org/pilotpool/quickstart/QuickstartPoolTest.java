package org.pilotpool.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.kernel.VirtualTimeKernel;
import org.pilotpool.model.queueing.ErlangC;

class QuickstartPoolTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private static List<JobRecord> run(QuickstartSpec spec, long seed, Duration limit) {
    List<JobRecord> records = new ArrayList<>();
    var config = ConfigFactory.empty().withValue("pilotpool.seed", ConfigValueFactory.fromAnyRef(seed));
    SimulationResult r = Simulation.create(config, EPOCH)
        .run(QuickstartPool.create(spec, records), limit, ProgressListener.NONE);
    assertEquals(VirtualTimeKernel.Outcome.STOPPED, r.outcome(), "the pool stops once every job ended");
    return records;
  }

  @Test
  void meanWaitAgreesWithErlangC() {
    // 10 slots at 80% load: the kernel's timing is right only if the queue behaves as M/M/10.
    var spec = new QuickstartSpec(10, 200_000, Duration.ofMillis(7500), Duration.ofSeconds(60));
    List<JobRecord> records = run(spec, 7, Duration.ofDays(365));
    double meanWait = records.stream()
        .mapToDouble(r -> r.waited().orElseThrow().toNanos() / 1e9).average().orElseThrow();
    double expected = ErlangC.meanWait(10, 1 / 7.5, 60);
    assertEquals(expected, meanWait, expected * 0.10, "mean wait (s)");
  }

  @Test
  void everyJobRunsOnceAndNoSlotRunsTwoJobsAtOnce() {
    var spec = new QuickstartSpec(5, 2_000, Duration.ofSeconds(13), Duration.ofSeconds(60));
    List<JobRecord> records = run(spec, 3, Duration.ofDays(30));
    assertEquals(2_000, records.size());
    java.util.Map<String, List<JobRecord>> bySlot = new java.util.TreeMap<>();
    for (JobRecord r : records) {
      assertTrue(r.started().isPresent() && r.ended().isPresent(), "job " + r.id() + " ended");
      assertTrue(!r.started().get().isBefore(r.submitted()), "starts after submit");
      bySlot.computeIfAbsent(r.slot(), k -> new ArrayList<>()).add(r);
    }
    for (List<JobRecord> jobs : bySlot.values()) {
      jobs.sort(java.util.Comparator.comparing(r -> r.started().get()));
      for (int i = 1; i < jobs.size(); i++) {
        assertTrue(!jobs.get(i).started().get().isBefore(jobs.get(i - 1).ended().get()),
            "slot " + jobs.get(i).slot() + " overlaps jobs " + jobs.get(i - 1).id() + " and " + jobs.get(i).id());
      }
    }
  }

  @Test
  void jobsStartInSubmissionOrder() {
    var spec = new QuickstartSpec(3, 500, Duration.ofSeconds(15), Duration.ofSeconds(40));
    List<JobRecord> records = run(spec, 11, Duration.ofDays(30));
    for (int i = 1; i < records.size(); i++) {
      assertTrue(!records.get(i).started().get().isBefore(records.get(i - 1).started().get()),
          "job " + records.get(i).id() + " started before job " + records.get(i - 1).id());
    }
  }
}
