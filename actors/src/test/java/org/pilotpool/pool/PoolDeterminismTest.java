package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pilotpool.pool.PoolFixture.ALICE;
import static org.pilotpool.pool.PoolFixture.EPOCH;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.authz.BanChange;
import org.pilotpool.authz.BanTarget;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.schedd.JobSelector;
import org.pilotpool.starter.StarterConfig;

class PoolDeterminismTest {
  @Test
  void theSameSpecAndSeedGiveTheSameEventLogAndGlexecCalls() {
    Duration length = Duration.ofHours(1);
    SiteSpec banning = SiteSpec.of("siteA", 2, 2).withAuthz(SiteAuthzConfig.defaults()
        .toBuilder().banSchedule(List.of(BanChange.ban(EPOCH, BanTarget.dn(ALICE)))).build());
    PoolSpec spec = PoolFixture.pool(length, banning, SiteSpec.of("siteB", 2, 2))
        .withStarter(StarterConfig.defaults().withHoldOnInitialFailure(false))
        .with(Duration.ZERO, new PoolAction.Submit(PoolFixture.jobs("alice",
            PoolFixture.longProxy(ALICE), 12, Duration.ofMinutes(7), 3)))
        .with(Duration.ofMinutes(25), new PoolAction.Remove(new JobSelector.ByOwner("alice"),
            "done"));

    PoolRecord first = PoolFixture.run(spec, length);
    PoolRecord second = PoolFixture.run(spec, length);

    assertEquals(first.eventLog(), second.eventLog());
    assertEquals(first.glexecInvocations(), second.glexecInvocations());
    assertEquals(first.jobs(), second.jobs());
  }
}
