package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.authz.AuthzDecision.DecisionKind;

/** Workers, queue, overload and the metrics of a burst against the default (Argus) service. */
class SiteAuthzQueueingTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final long SEED = 20240301L;

  /** Default service; pools large enough that each of the burst's users gets an account. */
  private static LogicDriver burst(long seed) {
    LogicDriver d =
        new LogicDriver(SiteAuthzConfig.builder().defaultPoolSize(2000).build(), seed, T0);
    for (int i = 0; i < 2000; i++) {
      d.request("r" + i, "/DC=org/CN=user" + i, List.of("/cms/Role=NULL"));
    }
    return d;
  }

  @Test
  void burstOfTwoThousandFillsWorkersAndQueueAndRejectsTheRestAtOnce() {
    LogicDriver d = burst(SEED);

    assertEquals(200, d.logic.busyWorkers());
    assertEquals(500, d.logic.queueLength());
    assertEquals(1300, d.replies.size());
    assertTrue(d.replies.stream().allMatch(r -> r.at().equals(T0)));
    assertTrue(
        d.replies.stream().allMatch(r -> r.reply().decision() instanceof AuthzDecision.Overloaded));
    // FIFO: the first 700 got a place, the last 1300 were turned away.
    assertEquals("r700", d.replies.get(0).to());
  }

  /**
   * While all 200 workers are busy, completions of exponential service times (mean 1 s) form a
   * Poisson process of rate 200/s, so the 500 completions that empty the queue take a Gamma(500,
   * 200/s) time: mean 2.5 s, coefficient of variation 1/sqrt(500) = 4.5%. A 15% tolerance is over
   * three standard deviations wide; the seed is fixed, so the test is deterministic anyway.
   */
  @Test
  void queueDrainsAtWorkersOverMeanServiceTime() {
    LogicDriver d = burst(SEED);
    int rejected = d.replies.size();

    assertTrue(d.runUntil(() -> d.logic.queueLength() == 0));

    double seconds = Duration.between(T0, d.now()).toNanos() / 1e9;
    int completed = d.replies.size() - rejected;
    assertEquals(500, completed);
    assertEquals(200.0, completed / seconds, 200.0 * 0.15);
  }

  @Test
  void latencyPercentilesReflectQueueing() {
    LogicDriver d = burst(SEED);
    assertTrue(d.runUntil(() -> d.logic.queueLength() == 0));
    Duration drain = Duration.between(T0, d.now());
    d.runAll();

    SiteAuthzStats.Latency latency = d.logic.stats(d.now()).latency();
    assertEquals(700, latency.count());
    // Without queueing the median would be that of Exp(1 s): ln 2 = 0.69 s.
    assertTrue(latency.p50().compareTo(Duration.ofSeconds(1)) > 0, "p50 " + latency.p50());
    assertTrue(latency.p90().compareTo(latency.p50()) > 0);
    assertTrue(latency.p99().compareTo(latency.p90()) > 0);
    // The last queued request waited the whole drain, then was served.
    assertTrue(latency.max().compareTo(drain) > 0, "max " + latency.max() + " drain " + drain);
  }

  @Test
  void statsBucketsRecordTheBurstPerSecond() {
    LogicDriver d = burst(SEED);
    d.runAll();
    SiteAuthzStats stats = d.logic.stats(d.now());

    SiteAuthzStats.Bucket first = stats.buckets().get(0);
    assertEquals(T0, first.start());
    assertEquals(2000, first.arrivals());
    assertEquals(1300, first.overloaded());
    assertEquals(500, first.queueLengthMax());
    assertEquals(200, first.busyWorkersMax());
    assertTrue(stats.buckets().get(1).queueLengthEnd() < first.queueLengthEnd());
    SiteAuthzStats.Bucket last = stats.buckets().get(stats.buckets().size() - 1);
    assertEquals(0, last.queueLengthEnd());
    assertEquals(0, last.busyWorkersEnd());
    assertEquals(700, stats.buckets().stream().mapToInt(SiteAuthzStats.Bucket::answered).sum());
    assertEquals(700, stats.decisions(DecisionKind.PERMIT));
    assertEquals(1300, stats.rejections());
    assertEquals(500, stats.peakQueueLength());
  }

  /**
   * Poisson arrivals at 230/s for 15 s from 5,000 users, above the 200/s the workers sustain: the
   * queue builds up, some requests hit the cache, then everything drains.
   */
  private static SiteAuthzStats steadyOverload(long serviceSeed) {
    LogicDriver d =
        new LogicDriver(SiteAuthzConfig.builder().defaultPoolSize(5000).build(), serviceSeed, T0);
    SplittableRandom arrivals = new SplittableRandom(7);
    Instant t = T0;
    for (int i = 0; i < 3450; i++) {
      t = t.plusNanos(Math.round(arrivals.nextExponential() / 230 * 1e9));
      d.runUntil(t);
      d.request("r" + i, "/DC=org/CN=user" + arrivals.nextInt(5000), List.of("/cms/Role=NULL"));
    }
    d.runAll();
    return d.logic.stats(d.now());
  }

  @Test
  void sameSeedGivesIdenticalStats() {
    SiteAuthzStats stats = steadyOverload(SEED);
    assertTrue(stats.peakQueueLength() > 0, "the workload must queue to be a fair test");
    assertEquals(stats, steadyOverload(SEED));
  }

  @Test
  void differentSeedGivesDifferentServiceTimes() {
    SiteAuthzStats a = steadyOverload(SEED);
    SiteAuthzStats b = steadyOverload(SEED + 1);
    assertEquals(a.arrivals(), b.arrivals());
    assertNotEquals(a.latency(), b.latency());
    assertNotEquals(a.buckets(), b.buckets());
  }
}
