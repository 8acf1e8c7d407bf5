package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;
import static org.pilotpool.pool.PoolFixture.EPOCH;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.authz.OutageWindow;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.JobStatus;

/** One worker node's circuit breaker in the assembled pool, through an authz outage. */
class CircuitBreakerPoolTest {
  private static final Duration LENGTH = Duration.ofHours(1);

  /** Five jobs start on one node's five slots while siteA's authz is down for two minutes. */
  private static PoolRecord run(String glexecKnobs) {
    SiteSpec site = SiteSpec.of("siteA", 1, 5).withAuthz(SiteAuthzConfig.defaults().toBuilder()
        .outages(List.of(new OutageWindow(EPOCH, EPOCH.plus(Duration.ofMinutes(2))))).build());
    PoolSpec spec = PoolFixture.pool(LENGTH, site)
        .withKnobsFrom(ConfigFactory.parseString("pilotpool.glexec { " + glexecKnobs + " }"))
        .with(Duration.ZERO, new PoolAction.Submit(PoolFixture.jobs("alice",
            PoolFixture.longProxy(ALICE), 5, Duration.ofMinutes(10), 1)));
    return PoolFixture.run(spec, LENGTH);
  }

  @Test
  void successfulProbeClosesBreakerForAllStartersOnNode() {
    PoolRecord record = run("retry-policy = classified, breaker.enabled = true");

    assertTrue(record.jobs().stream().allMatch(j -> j.status() == JobStatus.COMPLETED),
        "every job rode the outage out: " + record.jobs());
    PoolRecord.BreakerCounts node = record.breakers().get("siteA");
    assertEquals(1, node.closed(), "one probe let all five starters through: " + node);
    assertEquals(node.opened(), node.halfOpened(), "every opening ended in a probe: " + node);
    long failedSetups = record.glexecResults().get(GlexecOperation.SETUP).get("203");
    // Five starters failed once each before the breaker opened; after that only its probes
    // reached the site, and all but the last one failed.
    assertEquals(5 + node.opened() - 1, failedSetups);
    assertTrue(record.glexecRefused().get(GlexecOperation.SETUP) >= 5,
        "the other starters waited on the breaker: " + record.glexecRefused());
  }

  @Test
  void withoutTheBreakerEveryStarterKeepsAskingTheSiteThatIsDown() {
    PoolRecord record = run("retry-policy = classified");

    long failedSetups = record.glexecResults().get(GlexecOperation.SETUP).get("203");
    assertTrue(failedSetups >= 15, "each of the 5 starters called on its own: " + failedSetups);
    assertTrue(record.breakers().isEmpty() && record.glexecRefused().isEmpty());
  }
}
