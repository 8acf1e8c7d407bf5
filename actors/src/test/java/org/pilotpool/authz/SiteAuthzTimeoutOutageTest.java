package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.authz.AuthzDecision.DecisionKind;

/** Request timeouts and outage windows. */
class SiteAuthzTimeoutOutageTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final List<String> CMS = List.of("/cms/Role=NULL");

  /** One worker, 20 s per request, 30 s timeout. */
  private static LogicDriver slowService() {
    return new LogicDriver(
        SiteAuthzConfig.builder()
            .workers(1)
            .queueCapacity(10)
            .cacheEntries(0)
            .serviceTime(new ServiceTimeDistribution.Constant(Duration.ofSeconds(20)))
            .build(),
        1,
        T0);
  }

  @Test
  void queuedRequestTimesOutWithoutFreeingAWorker() {
    LogicDriver d = slowService();
    d.request("first", "/CN=a", CMS); // served 0..20 s
    d.request("second", "/CN=b", CMS); // served 20..40 s
    d.request("third", "/CN=c", CMS); // still queued at 30 s

    d.runUntil(T0.plusSeconds(30));

    assertEquals(AuthzDecision.TIMED_OUT, d.decisionFor("third"));
    assertEquals(T0.plusSeconds(30), d.replyTo("third").at());
    assertEquals(1, d.logic.busyWorkers());
    assertEquals(0, d.logic.queueLength());
    d.runUntil(T0.plusSeconds(31));
    d.request("fourth", "/CN=d", CMS);
    assertEquals(1, d.logic.queueLength(), "the worker is still taken, so the newcomer queues");
  }

  @Test
  void requestTimingOutInServiceKeepsItsWorkerUntilServiceEnds() {
    LogicDriver d = slowService();
    d.request("first", "/CN=a", CMS);
    d.request("second", "/CN=b", CMS);
    d.runUntil(T0.plusSeconds(31));
    d.request("fourth", "/CN=d", CMS);
    d.runAll();

    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("first"));
    assertEquals(AuthzDecision.TIMED_OUT, d.decisionFor("second"));
    assertEquals(T0.plusSeconds(30), d.replyTo("second").at());
    // second held the worker until 40 s, so fourth ran 40..60 s.
    assertEquals(T0.plusSeconds(60), d.replyTo("fourth").at());
  }

  @Test
  void serviceEndingExactlyAtTheDeadlineIsLate() {
    LogicDriver d =
        new LogicDriver(
            SiteAuthzConfig.builder()
                .serviceTime(new ServiceTimeDistribution.Constant(Duration.ofSeconds(30)))
                .build(),
            1,
            T0);
    d.request("slow", "/CN=a", CMS);
    d.runAll();
    assertEquals(AuthzDecision.TIMED_OUT, d.decisionFor("slow"));
  }

  private static final Instant OUTAGE_FROM = T0.plusSeconds(10);
  private static final Instant OUTAGE_TO = T0.plusSeconds(20);

  private static SiteAuthzConfig.Builder withOutage() {
    return SiteAuthzConfig.builder()
        .serviceTime(new ServiceTimeDistribution.Constant(Duration.ofSeconds(1)))
        .outages(List.of(new OutageWindow(OUTAGE_FROM, OUTAGE_TO)));
  }

  @Test
  void requestsDuringAnOutageAreUnavailableAndSucceedAfterIt() {
    LogicDriver d = new LogicDriver(withOutage().build(), 1, T0);
    d.runUntil(OUTAGE_FROM.minusNanos(1));
    d.request("before", "/CN=a", CMS);
    d.runUntil(OUTAGE_FROM.plusSeconds(2));
    d.request("start", "/CN=b", CMS);
    d.runUntil(OUTAGE_TO.minusNanos(1));
    d.request("end", "/CN=c", CMS);
    d.runUntil(OUTAGE_TO);
    d.request("after", "/CN=d", CMS);
    d.runAll();

    assertEquals(AuthzDecision.UNAVAILABLE, d.decisionFor("before"), "in service when it began");
    assertEquals(OUTAGE_FROM, d.replyTo("before").at());
    assertEquals(AuthzDecision.UNAVAILABLE, d.decisionFor("start"));
    assertEquals(OUTAGE_FROM.plusSeconds(2), d.replyTo("start").at());
    assertEquals(AuthzDecision.UNAVAILABLE, d.decisionFor("end"));
    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("after"));
    assertEquals(3, d.logic.stats(d.now()).decisions(DecisionKind.UNAVAILABLE));
  }

  @Test
  void outageWithConnectTimeoutAnswersUnavailableAfterTheDelay() {
    Duration connectTimeout = Duration.ofSeconds(30);
    LogicDriver d =
        new LogicDriver(withOutage().outageReplyDelay(connectTimeout).build(), 1, T0);
    d.runUntil(OUTAGE_FROM.plusSeconds(5));
    d.request("during", "/CN=a", CMS);
    d.runFor(connectTimeout.minusNanos(1));
    assertFalse(d.answered("during"));
    d.runAll();

    assertEquals(AuthzDecision.UNAVAILABLE, d.decisionFor("during"));
    assertEquals(OUTAGE_FROM.plusSeconds(5).plus(connectTimeout), d.replyTo("during").at());
  }

  @Test
  void outageStartEmptiesQueueAndWorkersAndCache() {
    LogicDriver d = new LogicDriver(withOutage().workers(1).build(), 1, T0);
    d.request("warm", "/CN=a", CMS);
    d.runUntil(OUTAGE_FROM.minusMillis(500));
    d.request("busy", "/CN=b", CMS);
    d.request("queued", "/CN=c", CMS);
    d.runUntil(OUTAGE_FROM);

    assertEquals(AuthzDecision.UNAVAILABLE, d.decisionFor("busy"));
    assertEquals(AuthzDecision.UNAVAILABLE, d.decisionFor("queued"));
    assertEquals(0, d.logic.busyWorkers());
    assertEquals(0, d.logic.queueLength());
    d.runUntil(OUTAGE_TO);
    d.request("after", "/CN=a", CMS);
    assertFalse(d.answered("after"), "the cache did not survive the outage");
    d.runAll();
    assertEquals(d.decisionFor("warm"), d.decisionFor("after"), "the pool lease did");
  }
}
